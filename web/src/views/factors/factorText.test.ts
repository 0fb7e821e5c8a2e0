import { describe, expect, it } from 'vitest'
import { quantityDecimals, quantityNumber, splitReasonNote } from './factorText'

describe('factor quantities', () => {
  it('types 亩 with 2 decimals, 万元 with 4, the rest as whole numbers', () => {
    expect(quantityDecimals('mu_x100')).toBe(2)
    expect(quantityDecimals('yuan')).toBe(4)
    expect(quantityDecimals('kva')).toBe(0)
    expect(quantityDecimals('people')).toBe(0)
  })

  it('reads the API’s base units as users read them', () => {
    expect(quantityNumber(12_050, 'mu_x100')).toBe('120.5')
    expect(quantityNumber(50_000_000, 'yuan')).toBe('5,000')
    expect(quantityNumber(8000, 'kva')).toBe('8,000')
    expect(quantityNumber(null, 'kva')).toBe('')
  })
})

describe('unresolvable notes', () => {
  const codes = ['no_quota', 'not_eligible', 'other']
  it('splits the reason code from the text', () => {
    expect(splitReasonNote('no_quota: 本年度指标已用完', codes)).toEqual({ code: 'no_quota', text: '本年度指标已用完' })
    expect(splitReasonNote('other', codes)).toEqual({ code: 'other', text: '' })
  })
  it('leaves any other note as text', () => {
    expect(splitReasonNote('已完成现场勘查', codes)).toEqual({ code: null, text: '已完成现场勘查' })
    expect(splitReasonNote('no_quotas: x', codes)).toEqual({ code: null, text: 'no_quotas: x' })
  })
})
