// 办理时限: the clock kinds' days as a form. The kinds, their defaults and their ranges are the
// server's (GET /clocks); the form only compares and checks against what it was sent.
import type { ClocksApi } from '@/api/clocks'

export type ClockForm = Record<string, number | null>

export const clockFormOf = (items: readonly ClocksApi.Clock[]): ClockForm => Object.fromEntries(items.map((c) => [c.kind, c.days]))

/** Only the kinds whose days changed: what PUT /clocks sends. */
export function changedDurations(form: ClockForm, items: readonly ClocksApi.Clock[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const c of items) {
    const v = form[c.kind]
    if (v !== null && v !== undefined && v !== c.days) out[c.kind] = v
  }
  return out
}

/** Kinds left empty (`required`) or outside the server's min–max (`invalid_value`). */
export function durationProblems(form: ClockForm, items: readonly ClocksApi.Clock[]): Record<string, 'required' | 'invalid_value'> {
  const out: Record<string, 'required' | 'invalid_value'> = {}
  for (const c of items) {
    const v = form[c.kind]
    if (v === null || v === undefined) out[c.kind] = 'required'
    else if (!Number.isInteger(v) || v < c.min || v > c.max) out[c.kind] = 'invalid_value'
  }
  return out
}

/** The escalation delays (working days past a deadline before an item rises a tier): listed apart, under 超期上报. */
export const isEscalationKind = (kind: string): boolean => kind.startsWith('escalate_')

/** The clock kinds as the form lists them: the handling clocks, then the escalation delays (each in the server's order). */
export function clockGroups(items: readonly ClocksApi.Clock[]): { escalation: boolean; items: ClocksApi.Clock[] }[] {
  return [false, true]
    .map((escalation) => ({ escalation, items: items.filter((c) => isEscalationKind(c.kind) === escalation) }))
    .filter((g) => g.items.length > 0)
}
