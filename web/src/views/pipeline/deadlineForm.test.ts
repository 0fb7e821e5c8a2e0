import { describe, expect, it } from 'vitest'
import { DEADLINE_STAGES } from '@/api/projects'
import { changedStages, deadlinePayload, formFromSettings, validateDeadlines, type DeadlineForm } from './deadlineForm'

const DEFAULTS = { lead: 3, in_review: 7, approved: 14, negotiating: 90, signed: 90, construction: 365 }
const FORM = { ...DEFAULTS, routing_days: 5 }

describe('stage deadline form', () => {
  it('fills one input per stage from the server answer, in funnel order, then the routing days', () => {
    const f = formFromSettings({ stage_deadline_days: { ...DEFAULTS }, routing_days: 7 })
    expect(Object.keys(f)).toEqual([...DEADLINE_STAGES, 'routing_days'])
    expect(f).toEqual({ ...DEFAULTS, routing_days: 7 })
  })

  it('takes the contract default of 5 routing days when the server does not say', () => {
    expect(formFromSettings({ stage_deadline_days: { ...DEFAULTS } }).routing_days).toBe(5)
  })

  it('leaves a stage the server did not send empty, and then refuses to send it', () => {
    const f = formFromSettings({ stage_deadline_days: { lead: 3 } })
    expect(f.in_review).toBeNull()
    expect(validateDeadlines(f)).toMatchObject({ in_review: 'required', construction: 'required' })
    expect(validateDeadlines(f).lead).toBeUndefined()
  })

  it('accepts whole days from 1 to 3650 only, and 1 to 60 routing days', () => {
    const f: DeadlineForm = { ...FORM, lead: 1, in_review: 3650 }
    expect(validateDeadlines(f)).toEqual({})
    expect(validateDeadlines({ ...f, lead: 0 })).toEqual({ lead: 'invalid_value' })
    expect(validateDeadlines({ ...f, signed: 3651 })).toEqual({ signed: 'invalid_value' })
    expect(validateDeadlines({ ...f, approved: 2.5 })).toEqual({ approved: 'invalid_value' })
    expect(validateDeadlines({ ...f, negotiating: Number.NaN })).toEqual({ negotiating: 'required' })
    expect(validateDeadlines({ ...f, routing_days: 61 })).toEqual({ routing_days: 'invalid_value' })
    expect(validateDeadlines({ ...f, routing_days: 60 })).toEqual({})
    expect(validateDeadlines({ ...f, routing_days: null })).toEqual({ routing_days: 'required' })
  })

  it('sends every stage as an integer under stage_deadline_days, and routing_days beside it', () => {
    const body = deadlinePayload({ ...FORM, lead: 5 })
    expect(body).toEqual({ stage_deadline_days: { ...DEFAULTS, lead: 5 }, routing_days: 5 })
    expect(JSON.stringify(body)).toBe(
      '{"stage_deadline_days":{"lead":5,"in_review":7,"approved":14,"negotiating":90,"signed":90,"construction":365},"routing_days":5}',
    )
  })

  it('never builds a body from invalid input', () => {
    expect(() => deadlinePayload({ ...FORM, lead: null })).toThrow(/lead/)
  })

  it('knows which inputs differ from the loaded values', () => {
    expect(changedStages({ ...FORM }, { ...FORM })).toEqual([])
    expect(changedStages({ ...FORM, lead: 5, construction: null }, { ...FORM })).toEqual(['lead', 'construction'])
    expect(changedStages({ ...FORM, routing_days: 3 }, { ...FORM })).toEqual(['routing_days'])
  })
})
