import { describe, expect, it } from 'vitest'
import { DEADLINE_STAGES } from '@/api/projects'
import {
  changedStages,
  daysRange,
  deadlinePayload,
  formFromSettings,
  validateDeadlines,
  type DayRules,
  type DeadlineForm,
} from './deadlineForm'

const DEFAULTS = { lead: 3, in_review: 7, approved: 14, negotiating: 90, signed: 90, construction: 365 }
const FORM = { ...DEFAULTS, routing_days: 5 }
/** What GET /meta says on the demo server. */
const RULES: DayRules = { deadline_days: { min: 1, max: 3650 }, routing_days: { default: 5, min: 1, max: 60 } }

describe('stage deadline form', () => {
  it('fills one input per stage from the server answer, in funnel order, then the routing days', () => {
    const f = formFromSettings({ stage_deadline_days: { ...DEFAULTS }, routing_days: 7 }, RULES)
    expect(Object.keys(f)).toEqual([...DEADLINE_STAGES, 'routing_days'])
    expect(f).toEqual({ ...DEFAULTS, routing_days: 7 })
  })

  it('takes the default routing days of the rules when the settings do not say', () => {
    expect(formFromSettings({ stage_deadline_days: { ...DEFAULTS } }, RULES).routing_days).toBe(5)
  })

  it('leaves a stage the server did not send empty, and then refuses to send it', () => {
    const f = formFromSettings({ stage_deadline_days: { lead: 3 } }, RULES)
    expect(f.in_review).toBeNull()
    expect(validateDeadlines(f, RULES)).toMatchObject({ in_review: 'required', construction: 'required' })
    expect(validateDeadlines(f, RULES).lead).toBeUndefined()
  })

  it('accepts whole days from 1 to 3650 only, and 1 to 60 routing days', () => {
    const f: DeadlineForm = { ...FORM, lead: 1, in_review: 3650 }
    expect(validateDeadlines(f, RULES)).toEqual({})
    expect(validateDeadlines({ ...f, lead: 0 }, RULES)).toEqual({ lead: 'invalid_value' })
    expect(validateDeadlines({ ...f, signed: 3651 }, RULES)).toEqual({ signed: 'invalid_value' })
    expect(validateDeadlines({ ...f, approved: 2.5 }, RULES)).toEqual({ approved: 'invalid_value' })
    expect(validateDeadlines({ ...f, negotiating: Number.NaN }, RULES)).toEqual({ negotiating: 'required' })
    expect(validateDeadlines({ ...f, routing_days: 61 }, RULES)).toEqual({ routing_days: 'invalid_value' })
    expect(validateDeadlines({ ...f, routing_days: 60 }, RULES)).toEqual({})
    expect(validateDeadlines({ ...f, routing_days: null }, RULES)).toEqual({ routing_days: 'required' })
  })

  it('sends every stage as an integer under stage_deadline_days, and routing_days beside it', () => {
    const body = deadlinePayload({ ...FORM, lead: 5 }, RULES)
    expect(body).toEqual({ stage_deadline_days: { ...DEFAULTS, lead: 5 }, routing_days: 5 })
    expect(JSON.stringify(body)).toBe(
      '{"stage_deadline_days":{"lead":5,"in_review":7,"approved":14,"negotiating":90,"signed":90,"construction":365},"routing_days":5}',
    )
  })

  it('never builds a body from invalid input', () => {
    expect(() => deadlinePayload({ ...FORM, lead: null }, RULES)).toThrow(/lead/)
  })

  it('knows which inputs differ from the loaded values', () => {
    expect(changedStages({ ...FORM }, { ...FORM })).toEqual([])
    expect(changedStages({ ...FORM, lead: 5, construction: null }, { ...FORM })).toEqual(['lead', 'construction'])
    expect(changedStages({ ...FORM, routing_days: 3 }, { ...FORM })).toEqual(['routing_days'])
  })

  it('checks against the rules it is given, and only whole days without them', () => {
    const strict: DayRules = { deadline_days: { min: 2, max: 30 }, routing_days: { default: 10, min: 3, max: 9 } }
    const ok = { ...FORM, negotiating: 30, signed: 30, construction: 30 }
    expect(validateDeadlines({ ...ok, lead: 1, routing_days: 10 }, strict)).toEqual({
      lead: 'invalid_value',
      routing_days: 'invalid_value',
    })
    expect(validateDeadlines({ ...ok, lead: 2, routing_days: 9 }, strict)).toEqual({})
    expect(formFromSettings({ stage_deadline_days: { ...DEFAULTS } }, strict).routing_days).toBe(10)
    expect(daysRange('signed', strict)).toEqual([2, 30])
    expect(validateDeadlines({ ...FORM, signed: 9999 }, null)).toEqual({})
    expect(validateDeadlines({ ...FORM, signed: 0 }, null)).toEqual({ signed: 'invalid_value' })
    expect(formFromSettings({ stage_deadline_days: { ...DEFAULTS } }, null).routing_days).toBeNull()
  })
})
