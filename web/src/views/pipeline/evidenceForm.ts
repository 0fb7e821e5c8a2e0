// 阶段佐证材料要求 without the screen: the form from GET /pipeline/settings, whether it changed, and
// which stage a field error of the PUT belongs to (`stage_evidence.<stage>`).
import type { ProjectApi } from '@/api/projects'

/** stage → kinds required to enter it (the stages are the server's: the keys it sent). */
export type EvidenceForm = Record<string, string[]>

export function evidenceFormOf(settings: Pick<ProjectApi.Settings, 'stage_evidence'>): EvidenceForm {
  const out: EvidenceForm = {}
  for (const [stage, kinds] of Object.entries(settings.stage_evidence ?? {})) out[stage] = [...(kinds ?? [])]
  return out
}

const same = (a: readonly string[] = [], b: readonly string[] = []) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n')

/** True when a stage's kinds differ from what the server has (order does not count). */
export function evidenceChanged(form: EvidenceForm, saved: EvidenceForm): boolean {
  const stages = new Set([...Object.keys(form), ...Object.keys(saved)])
  return [...stages].some((s) => !same(form[s], saved[s]))
}

/** `{"stage_evidence.signed": "too_many"}` → `{signed: "too_many"}`, for the stages shown; the rest is not placed. */
export function evidenceFieldErrors(fields: Record<string, string>, shown: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [field, why] of Object.entries(fields)) {
    const m = /^stage_evidence\.(.+)$/.exec(field)
    if (m && shown.includes(m[1])) out[m[1]] = why
  }
  return out
}
