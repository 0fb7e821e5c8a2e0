import { describe, expect, it } from 'vitest'
import { DEADLINE_STAGES } from '@/api/projects'
import { changedStages, deadlinePayload, formFromSettings, validateDeadlines, type DeadlineForm } from './deadlineForm'

const DEFAULTS = { lead: 3, in_review: 7, approved: 14, negotiating: 90, signed: 90, construction: 365 }

describe('stage deadline form', () => {
  it('fills one input per stage from the server answer, in funnel order', () => {
    const f = formFromSettings({ stage_deadline_days: { ...DEFAULTS } })
    expect(Object.keys(f)).toEqual([...DEADLINE_STAGES])
    expect(f).toEqual(DEFAULTS)
  })

  it('leaves a stage the server did not send empty, and then refuses to send it', () => {
    const f = formFromSettings({ stage_deadline_days: { lead: 3 } })
    expect(f.in_review).toBeNull()
    expect(validateDeadlines(f)).toMatchObject({ in_review: 'required', construction: 'required' })
    expect(validateDeadlines(f).lead).toBeUndefined()
  })

  it('accepts whole days from 1 to 3650 only', () => {
    const f: DeadlineForm = { ...DEFAULTS, lead: 1, in_review: 3650 }
    expect(validateDeadlines(f)).toEqual({})
    expect(validateDeadlines({ ...f, lead: 0 })).toEqual({ lead: 'invalid_value' })
    expect(validateDeadlines({ ...f, signed: 3651 })).toEqual({ signed: 'invalid_value' })
    expect(validateDeadlines({ ...f, approved: 2.5 })).toEqual({ approved: 'invalid_value' })
    expect(validateDeadlines({ ...f, negotiating: Number.NaN })).toEqual({ negotiating: 'required' })
  })

  it('sends every stage as an integer under stage_deadline_days', () => {
    const body = deadlinePayload({ ...DEFAULTS, lead: 5 })
    expect(body).toEqual({ stage_deadline_days: { ...DEFAULTS, lead: 5 } })
    expect(JSON.stringify(body)).toBe(
      '{"stage_deadline_days":{"lead":5,"in_review":7,"approved":14,"negotiating":90,"signed":90,"construction":365}}',
    )
  })

  it('never builds a body from invalid input', () => {
    expect(() => deadlinePayload({ ...DEFAULTS, lead: null })).toThrow(/lead/)
  })

  it('knows which stages differ from the loaded values', () => {
    expect(changedStages({ ...DEFAULTS }, { ...DEFAULTS })).toEqual([])
    expect(changedStages({ ...DEFAULTS, lead: 5, construction: null }, { ...DEFAULTS })).toEqual(['lead', 'construction'])
  })
})
