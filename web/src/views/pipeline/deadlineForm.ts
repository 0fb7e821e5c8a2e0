// 阶段期限 form: what the inputs hold, what the client refuses before sending, and the PUT body.
// The day ranges and the default routing days are the server's (GET /meta `rules`).
import { DEADLINE_STAGES, type ProjectApi } from '@/api/projects'
import type { MetaApi } from '@/api/meta'

/** The part of the server's rules this form checks against. */
export type DayRules = Pick<MetaApi.Rules, 'deadline_days' | 'routing_days'>

/** One input per stage and one for the park's response time; `null` while the user has cleared it. */
export type DeadlineForm = Record<ProjectApi.DeadlineStage, number | null> & { routing_days: number | null }
export type DeadlineKey = ProjectApi.DeadlineStage | 'routing_days'
export const DEADLINE_KEYS: readonly DeadlineKey[] = [...DEADLINE_STAGES, 'routing_days']

/** The next step whose deadline each stage sets (the server's next_step code on entering it). */
export const STAGE_NEXT_STEP: Record<ProjectApi.DeadlineStage, ProjectApi.NextStep> = {
  lead: 'submit_review',
  in_review: 'review_decision',
  approved: 'route_to_park',
  negotiating: 'sign',
  signed: 'start_construction',
  construction: 'start_production',
}

/** The form values of loaded settings; a stage the server did not send stays empty, routing days take the rules' default. */
export function formFromSettings(s: ProjectApi.Settings, rules: DayRules | null): DeadlineForm {
  const days = s.stage_deadline_days ?? {}
  return {
    ...(Object.fromEntries(DEADLINE_STAGES.map((st) => [st, typeof days[st] === 'number' ? days[st] : null])) as Record<
      ProjectApi.DeadlineStage,
      number | null
    >),
    routing_days: typeof s.routing_days === 'number' ? s.routing_days : (rules?.routing_days.default ?? null),
  }
}

/** The allowed days of an input; without the rules (meta not loaded) only whole positive days are checked here. */
export function daysRange(k: DeadlineKey, rules: DayRules | null): [number, number] {
  const r = k === 'routing_days' ? rules?.routing_days : rules?.deadline_days
  return r ? [r.min, r.max] : [1, Number.MAX_SAFE_INTEGER]
}

/** Client-side check before sending: empty → `required`, not a whole number in range → `invalid_value`. */
export function validateDeadlines(form: DeadlineForm, rules: DayRules | null): Partial<Record<DeadlineKey, 'required' | 'invalid_value'>> {
  const bad: Partial<Record<DeadlineKey, 'required' | 'invalid_value'>> = {}
  for (const k of DEADLINE_KEYS) {
    const v = form[k]
    const [min, max] = daysRange(k, rules)
    if (v === null || v === undefined || Number.isNaN(v)) bad[k] = 'required'
    else if (!Number.isInteger(v) || v < min || v > max) bad[k] = 'invalid_value'
  }
  return bad
}

/** The PUT body: every stage, in funnel order, and routing_days (the server audits only what changed). */
export function deadlinePayload(form: DeadlineForm, rules: DayRules | null): ProjectApi.Settings {
  const validation = validateDeadlines(form, rules)
  if (Object.keys(validation).length) throw new Error(`invalid deadline days: ${JSON.stringify(validation)}`)
  return {
    stage_deadline_days: Object.fromEntries(DEADLINE_STAGES.map((st) => [st, form[st] as number])),
    routing_days: form.routing_days as number,
  }
}

/** The inputs whose value differs from the loaded one. */
export function changedStages(form: DeadlineForm, loaded: DeadlineForm): DeadlineKey[] {
  return DEADLINE_KEYS.filter((k) => form[k] !== loaded[k])
}
