// 阶段期限 form: what the inputs hold, what the client refuses before sending, and the PUT body.
import { DEADLINE_MAX_DAYS, DEADLINE_MIN_DAYS, DEADLINE_STAGES, type ProjectApi } from '@/api/projects'

/** One input per stage; `null` while the user has cleared it. */
export type DeadlineForm = Record<ProjectApi.DeadlineStage, number | null>

/** The next step whose deadline each stage sets (the server's next_step code on entering it). */
export const STAGE_NEXT_STEP: Record<ProjectApi.DeadlineStage, ProjectApi.NextStep> = {
  lead: 'submit_review',
  in_review: 'review_decision',
  approved: 'route_to_park',
  negotiating: 'sign',
  signed: 'start_construction',
  construction: 'start_production',
}

/** The form values of loaded settings; a stage the server did not send stays empty. */
export function formFromSettings(s: ProjectApi.Settings): DeadlineForm {
  const days = s.stage_deadline_days ?? {}
  return Object.fromEntries(
    DEADLINE_STAGES.map((st) => [st, typeof days[st] === 'number' ? days[st] : null]),
  ) as DeadlineForm
}

/** Client-side check before sending: empty → `required`, not a whole number in 1–3650 → `invalid_value`. */
export function validateDeadlines(form: DeadlineForm): Partial<Record<ProjectApi.DeadlineStage, 'required' | 'invalid_value'>> {
  const bad: Partial<Record<ProjectApi.DeadlineStage, 'required' | 'invalid_value'>> = {}
  for (const st of DEADLINE_STAGES) {
    const v = form[st]
    if (v === null || v === undefined || Number.isNaN(v)) bad[st] = 'required'
    else if (!Number.isInteger(v) || v < DEADLINE_MIN_DAYS || v > DEADLINE_MAX_DAYS) bad[st] = 'invalid_value'
  }
  return bad
}

/** The PUT body: every stage, in funnel order (the server audits only the values that changed). */
export function deadlinePayload(form: DeadlineForm): ProjectApi.Settings {
  const validation = validateDeadlines(form)
  if (Object.keys(validation).length) throw new Error(`invalid deadline days: ${JSON.stringify(validation)}`)
  return { stage_deadline_days: Object.fromEntries(DEADLINE_STAGES.map((st) => [st, form[st] as number])) }
}

/** The stages whose input differs from the loaded value. */
export function changedStages(form: DeadlineForm, loaded: DeadlineForm): ProjectApi.DeadlineStage[] {
  return DEADLINE_STAGES.filter((st) => form[st] !== loaded[st])
}
