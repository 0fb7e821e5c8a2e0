import { describe, expect, it } from 'vitest'
import { defaultLedgerState, fromRouteQuery, toRouteQuery } from './ledgerQuery'

describe('ledger state in the URL', () => {
  it('keeps a plain ledger on a plain URL', () => {
    expect(toRouteQuery(defaultLedgerState())).toEqual({})
    expect(fromRouteQuery({})).toEqual(defaultLedgerState())
  })

  it('round-trips filters, page and sort', () => {
    const s = defaultLedgerState()
    s.filters.stage = ['negotiating', 'signed']
    s.filters.band = [2, 5]
    s.filters.q = '电机'
    s.filters.overdue = true
    s.filters.clock = 'due_soon'
    s.filters.industry = '36'
    s.filters.park_id = 11
    s.filters.reported_from = '2026-01-01'
    s.filters.reported_to = '2026-03-31'
    s.page = 3
    s.sort = 'total_investment'
    s.order = 'asc'
    const q = toRouteQuery(s)
    expect(q).toMatchObject({
      stage: 'negotiating,signed',
      band: '2,5',
      q: '电机',
      overdue: 'true',
      clock: 'due_soon',
      park_id: '11',
      page: '3',
    })
    expect(fromRouteQuery(q as Record<string, string>)).toEqual(s)
  })

  it('ignores what a hand-edited URL gets wrong', () => {
    const s = fromRouteQuery({
      stage: 'signed,bogus',
      band: '9,1',
      park_id: 'x',
      reported_from: '2026-1-1',
      sort: 'drop',
      page: '-2',
      page_size: '5000',
      clock: 'late',
    })
    expect(s.filters.stage).toEqual(['signed'])
    expect(s.filters.band).toEqual([1])
    expect(s.filters.park_id).toBeNull()
    expect(s.filters.clock).toBeNull()
    expect(s.filters.reported_from).toBeNull()
    expect(s.sort).toBe('created_at')
    expect(s.page).toBe(1)
    expect(s.page_size).toBe(200)
  })
})
