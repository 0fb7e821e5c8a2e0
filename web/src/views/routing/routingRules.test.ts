import { describe, expect, it } from 'vitest'
import { acceptRate, byDeadline, reasonCounts, routingViews, statusType } from './routingRules'

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

describe('the lists a user gets on 分派与接收', () => {
  const perms =
    (...p: string[]) =>
    (x: string) =>
      p.includes(x)
  it('opens on 待分派 for who may route, 待接收 for who may answer, everything otherwise', () => {
    expect(routingViews(perms('routing.read', 'routing.write', 'routing.respond'))).toEqual({
      views: ['to_route', 'pending', 'declined', 'all'],
      first: 'to_route',
    })
    expect(routingViews(perms('routing.read', 'routing.respond'))).toEqual({ views: ['pending', 'declined', 'all'], first: 'pending' })
    expect(routingViews(perms('routing.read'))).toEqual({ views: ['pending', 'declined', 'all'], first: 'all' })
  })

  it('sorts by the soonest deadline, those without one last', () => {
    const rows = [
      { id: 1, deadline: '2026-12-06' },
      { id: 2, deadline: null },
      { id: 3, deadline: '2026-12-01' },
      { id: 4, deadline: '2026-12-06' },
    ]
    expect(byDeadline(rows).map((r) => r.id)).toEqual([3, 4, 1, 2])
    expect(
      byDeadline([
        { id: 7, step_deadline: '2027-01-01' },
        { id: 8, step_deadline: '2026-01-01' },
      ]).map((r) => r.id),
    ).toEqual([8, 7])
  })
})
