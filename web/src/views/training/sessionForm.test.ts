import { describe, expect, it } from 'vitest'
import type { TrainingApi } from '@/api/training'
import { emptySessionForm, formOfSession, quotaSeats, sessionBody, sessionProblems, splitSessionFields } from './sessionForm'

describe('the session dialog', () => {
  it('starts tomorrow 09:00–12:00 with 50 seats', () => {
    const f = emptySessionForm(new Date(2026, 4, 20, 15, 30))
    expect(f.starts_at).toBe(new Date(2026, 4, 21, 9, 0).getTime())
    expect(f.ends_at).toBe(new Date(2026, 4, 21, 12, 0).getTime())
    expect(f.capacity).toBe(50)
    expect(f.quotas).toEqual([])
  })

  it('sends epoch ms, trimmed texts and the quotas', () => {
    const f = {
      starts_at: 1000,
      ends_at: 2000,
      place: ' 301 会议室 ',
      trainer: ' 王老师 ',
      capacity: 40,
      quotas: [{ unit_id: 5, seats: 10 }],
    }
    expect(sessionBody(f)).toEqual({
      starts_at: 1000,
      ends_at: 2000,
      place: '301 会议室',
      trainer: '王老师',
      capacity: 40,
      quotas: [{ unit_id: 5, seats: 10 }],
    })
  })

  it('loads a session', () => {
    const s = {
      starts_at: 1,
      ends_at: 2,
      place: 'p',
      trainer: 't',
      capacity: 9,
      quotas: [{ unit_id: 3, unit_name: 'x', seats: 4, enrolled: 1 }],
    } as TrainingApi.Session
    expect(formOfSession(s)).toEqual({
      starts_at: 1,
      ends_at: 2,
      place: 'p',
      trainer: 't',
      capacity: 9,
      quotas: [{ unit_id: 3, seats: 4 }],
    })
  })

  it('checks times, place, capacity and the quotas', () => {
    const ok = { starts_at: 1000, ends_at: 2000, place: '会议室', trainer: '', capacity: 10, quotas: [] }
    expect(sessionProblems(ok)).toEqual({ fields: {}, quotas: {} })
    expect(sessionProblems({ ...ok, ends_at: 1000 }).fields).toEqual({ ends_at: 'before_start' })
    expect(sessionProblems({ ...ok, starts_at: null, ends_at: null, place: ' ' }).fields).toEqual({
      starts_at: 'required',
      ends_at: 'required',
      place: 'required',
    })
    expect(sessionProblems({ ...ok, capacity: 0 }).fields).toEqual({ capacity: 'invalid_value' })
    const quotas = [
      { unit_id: 3, seats: 6 },
      { unit_id: 3, seats: 1 },
      { unit_id: null, seats: 1 },
      { unit_id: 4, seats: 0 },
    ]
    const p = sessionProblems({ ...ok, quotas })
    expect(p.quotas).toEqual({ 1: 'duplicate', 2: 'required', 3: 'invalid_value' })
    expect(p.fields).toEqual({})
    expect(
      sessionProblems({
        ...ok,
        quotas: [
          { unit_id: 3, seats: 6 },
          { unit_id: 4, seats: 5 },
        ],
      }).fields,
    ).toEqual({ quotas: 'over_capacity' })
    expect(
      quotaSeats({
        ...ok,
        quotas: [
          { unit_id: 3, seats: 6 },
          { unit_id: 4, seats: 5 },
        ],
      }),
    ).toBe(11)
  })

  it('splits the server’s fields into the form’s and the quota rows’', () => {
    expect(
      splitSessionFields({ 'quotas.1.unit_id': 'not_found', quotas: 'over_capacity', ends_at: 'before_start', 'quotas.0': 'duplicate' }),
    ).toEqual({
      fields: { quotas: 'over_capacity', ends_at: 'before_start' },
      quotas: { 1: 'not_found', 0: 'duplicate' },
    })
  })
})
