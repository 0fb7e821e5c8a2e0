import { describe, expect, it } from 'vitest'
import { acceptRate, reasonCounts, statusType } from './routingRules'

const DECLINE_REASONS = ['industry_mismatch', 'no_carrier', 'below_threshold', 'environment_energy', 'investor_doubts', 'other']

describe('routing statistics', () => {
  it('computes the acceptance rate over decided routings only', () => {
    expect(acceptRate({ accepted: 3, declined: 1 })).toBe(75)
    expect(acceptRate({ accepted: 0, declined: 0 })).toBeNull()
    expect(acceptRate({ accepted: 0, declined: 2 })).toBe(0)
  })

  it('lists decline reasons most frequent first', () => {
    expect(reasonCounts({ reasons: { other: 1, no_carrier: 2, industry_mismatch: 1, below_threshold: 0 } }, DECLINE_REASONS)).toEqual([
      { code: 'no_carrier', n: 2 },
      { code: 'industry_mismatch', n: 1 },
      { code: 'other', n: 1 },
    ])
  })

  it('colours statuses', () => {
    expect(statusType('pending')).toBe('warning')
    expect(statusType('declined')).toBe('danger')
  })
})
