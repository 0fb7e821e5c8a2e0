import { describe, expect, it } from 'vitest'
import { DECLINE_REASONS } from '@/api/routings'
import { acceptRate, canRespond, canRoute, canWithdraw, reasonCounts, statusType } from './routingRules'

const receiver = { roles: ['receiver'] }
const coordinator = { roles: ['coordinator'] }
const leader = { roles: ['leader'] }

describe('routing buttons', () => {
  it('lets the receiving park accept or decline a pending routing', () => {
    expect(canRespond({ status: 'pending' }, receiver)).toBe(true)
    expect(canRespond({ status: 'declined' }, receiver)).toBe(false)
    expect(canRespond({ status: 'pending' }, leader)).toBe(false)
  })

  it('lets the coordinator withdraw a pending routing and route a pooled project once', () => {
    expect(canWithdraw({ status: 'pending' }, coordinator)).toBe(true)
    expect(canWithdraw({ status: 'accepted' }, coordinator)).toBe(false)
    expect(canWithdraw({ status: 'pending' }, receiver)).toBe(false)
    expect(canRoute({ stage: 'approved', next_step: 'route_to_park' }, coordinator)).toBe(true)
    expect(canRoute({ stage: 'approved', next_step: 'park_response' }, coordinator)).toBe(false)
    expect(canRoute({ stage: 'negotiating', next_step: 'sign' }, coordinator)).toBe(false)
    expect(canRoute({ stage: 'approved', next_step: 'route_to_park' }, receiver)).toBe(false)
    expect(canRoute({ stage: 'approved', next_step: 'route_to_park', pending_routing_id: 9 }, coordinator)).toBe(false)
    expect(canRoute({ stage: 'approved', next_step: 'route_to_park' }, { roles: ['x'], permissions: ['routing.write'] })).toBe(true)
  })
})

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
