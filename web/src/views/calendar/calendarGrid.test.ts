import { describe, expect, it } from 'vitest'
import type { ClocksApi } from '@/api/clocks'
import { dayKind, importProblems, weekdayIndex, yearGrids } from './calendarGrid'

const day = (date: string, working: boolean, marked: ClocksApi.Day['marked'] = null, name = ''): ClocksApi.Day => ({
  date,
  working,
  marked,
  name,
})

describe('working calendar grid', () => {
  it('reads a day from working and marked', () => {
    expect(dayKind(day('2026-10-01', false, 'holiday', '国庆节'))).toBe('holiday')
    expect(dayKind(day('2026-10-10', true, 'workday', '国庆节调休上班'))).toBe('makeup')
    expect(dayKind(day('2026-10-11', false))).toBe('rest')
    expect(dayKind(day('2026-10-12', true))).toBe('workday')
  })

  it('counts weekdays from Monday', () => {
    expect(weekdayIndex('2026-10-01')).toBe(3) // Thursday
    expect(weekdayIndex('2026-10-10')).toBe(5) // Saturday
    expect(weekdayIndex('2026-02-01')).toBe(6) // Sunday
  })

  it('lays a month out in weeks from Monday, padded at both ends', () => {
    const feb = Array.from({ length: 28 }, (_, i) => day(`2026-02-${String(i + 1).padStart(2, '0')}`, true))
    const [g] = yearGrids(feb.reverse())
    expect(g.month).toBe(2)
    expect(g.weeks).toHaveLength(5)
    expect(g.weeks[0].slice(0, 6)).toEqual([null, null, null, null, null, null])
    expect(g.weeks[0][6]?.date).toBe('2026-02-01')
    expect(g.weeks[4].map((d) => d?.date ?? null)).toEqual([
      '2026-02-23',
      '2026-02-24',
      '2026-02-25',
      '2026-02-26',
      '2026-02-27',
      '2026-02-28',
      null,
    ])
  })

  it('gives twelve months for a year, in order', () => {
    const days: ClocksApi.Day[] = []
    for (let d = new Date(Date.UTC(2026, 0, 1)); d.getUTCFullYear() === 2026; d.setUTCDate(d.getUTCDate() + 1))
      days.push(day(d.toISOString().slice(0, 10), true))
    expect(yearGrids(days).map((g) => g.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
  })

  it('orders an import’s problems by line, the file first', () => {
    expect(importProblems({ 'line.10': 'duplicate_date', 'line.3': 'invalid_date', file: 'too_many_rows', other: 'x' })).toEqual([
      { line: null, reason: 'too_many_rows' },
      { line: 3, reason: 'invalid_date' },
      { line: 10, reason: 'duplicate_date' },
    ])
  })
})
