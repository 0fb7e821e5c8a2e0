import { describe, expect, it } from 'vitest'
import {
  bandOf,
  formatMoney,
  formatMoneyEn,
  formatMu,
  formatWanNumber,
  muToX100,
  parseScaled,
  perMuWan,
  scaledText,
  wanToYuan,
  x100ToMu,
  yuanToWan,
} from './money'

const units = { wan: '万元', yi: '亿元' }

describe('万元 input → integer yuan', () => {
  it('converts exactly, where a float multiply would not', () => {
    expect(wanToYuan('1234.5678')).toBe(12_345_678)
    expect(wanToYuan('0.0001')).toBe(1)
    expect(wanToYuan('19.99')).toBe(199_900)
    expect(19.99 * 10000).not.toBe(199_900) // why the string arithmetic exists
    expect(wanToYuan('0.57')).toBe(5_700)
    expect(0.57 * 10000).not.toBe(5_700)
    expect(wanToYuan('50000')).toBe(500_000_000)
    expect(wanToYuan('0')).toBe(0)
  })

  it('accepts blanks, grouping and a trailing point', () => {
    expect(wanToYuan(' 1,200.5 ')).toBe(12_005_000)
    expect(wanToYuan('1，200')).toBe(12_000_000)
    expect(wanToYuan('12.')).toBe(120_000)
  })

  it('refuses more than 4 decimals, signs, exponents and junk', () => {
    for (const bad of ['1.23456', '-1', '+1', '1e3', '', ' ', '.5', 'abc', '1.2.3', '１２']) expect(wanToYuan(bad), bad).toBeNull()
  })

  it('refuses amounts beyond exact integers', () => {
    expect(parseScaled('9007199254740991', 0)).toBe(Number.MAX_SAFE_INTEGER)
    expect(parseScaled('9007199254740992', 0)).toBeNull()
  })

  it('round-trips through the text shown in the input', () => {
    for (const y of [0, 1, 9_999, 10_000, 12_345_678, 43_500, 500_000_000, 123_456_789_012]) expect(wanToYuan(yuanToWan(y))).toBe(y)
    expect(yuanToWan(12_345_678)).toBe('1234.5678')
    expect(yuanToWan(10_000)).toBe('1')
    expect(yuanToWan(5_000)).toBe('0.5')
    expect(yuanToWan(1)).toBe('0.0001')
  })
})

describe('reading amounts', () => {
  it('shows 万元 below 1 亿 and 亿元 from 1 亿 up, grouped and rounded half up', () => {
    expect(formatMoney(35_000_000, units)).toBe('3,500 万元')
    expect(formatMoney(12_345_678, units)).toBe('1,234.57 万元')
    expect(formatMoney(99_999_999, units)).toBe('10,000 万元') // rounds, still below 1 亿
    expect(formatMoney(100_000_000, units)).toBe('1 亿元')
    expect(formatMoney(1_234_500_000, units)).toBe('12.35 亿元')
    expect(formatMoney(0, units)).toBe('0 万元')
    expect(formatMoney(null, units)).toBe('')
  })

  it('reads in millions and billions in English', () => {
    expect(formatMoneyEn(5_570_000_000)).toBe('5.57 bn CNY')
    expect(formatMoneyEn(35_500_000)).toBe('35.5 m CNY')
    expect(formatMoneyEn(999_999_999)).toBe('1,000 m CNY')
    expect(formatMoneyEn(0)).toBe('0 m CNY')
  })

  it('formats the ledger column in 万元 with two decimals at most', () => {
    expect(formatWanNumber(1_234_567_890)).toBe('123,456.79')
    expect(formatWanNumber(50_000)).toBe('5')
    expect(formatWanNumber(undefined)).toBe('')
  })

  it('keeps fixed decimals when asked and handles negatives', () => {
    expect(scaledText(150, 2, { fixed: true })).toBe('1.50')
    expect(scaledText(-12_345, 4)).toBe('-1.2345')
    expect(scaledText(-4, 4, { keep: 2 })).toBe('0')
  })
})

describe('land in 亩', () => {
  it('converts to and from land_mu_x100', () => {
    expect(muToX100('12.5')).toBe(1250)
    expect(muToX100('300')).toBe(30_000)
    expect(muToX100('0.01')).toBe(1)
    expect(muToX100('0.001')).toBeNull()
    expect(x100ToMu(1250)).toBe('12.5')
    expect(formatMu(123_456)).toBe('1,234.56')
  })

  it('computes investment intensity in 万元/亩', () => {
    // 3 亿元 on 100 亩 = 300 万元/亩
    expect(perMuWan(300_000_000, 10_000)).toBe('300.00')
    // 1 亿 on 3 亩 = 3333.33…
    expect(perMuWan(100_000_000, 300)).toBe('3,333.33')
    expect(perMuWan(100_000_000, 0)).toBe('')
    expect(perMuWan(100_000_000, null)).toBe('')
  })
})

describe('investment band', () => {
  it('follows the API bands (1 / 5 / 10 / 20 / 50 亿)', () => {
    const yi = 100_000_000
    expect([0, yi - 1, yi, 5 * yi - 1, 5 * yi, 10 * yi, 20 * yi, 50 * yi - 1, 50 * yi].map(bandOf)).toEqual([0, 0, 1, 1, 2, 3, 4, 4, 5])
  })
})
