// Pre-review vote counting as docs/api.md "Pre-review panels and rounds" defines it, for display:
// quorum when voted × quorum_den ≥ quorum_num × eligible; approve when approve × approve_den ≥
// approve_num × voted; otherwise more_info when more_info ≥ reject, else reject. The server decides.
import type { ReviewApi } from '@/api/review'
import { FRACTION_MAX } from '@/api/review'

export const fractionText = (num: number, den: number): string => `${num}/${den}`

/** A panel fraction is valid when 1 ≤ num ≤ den ≤ 10. */
export const fractionValid = (num: number | null | undefined, den: number | null | undefined): boolean =>
  Number.isInteger(num) &&
  Number.isInteger(den) &&
  (num as number) >= 1 &&
  (num as number) <= (den as number) &&
  (den as number) <= FRACTION_MAX

/** Fewest votes that make the quorum among `eligible` members (0 when nobody is eligible). */
export function quorumNeed(eligible: number, num: number, den: number): number {
  if (eligible <= 0 || den <= 0) return 0
  return Math.ceil((num * eligible) / den)
}

/** Fewest approvals that carry the vote among `voted` votes. */
export function approveNeed(voted: number, num: number, den: number): number {
  if (voted <= 0 || den <= 0) return 0
  return Math.ceil((num * voted) / den)
}

export function quorumMet(t: Pick<ReviewApi.Tally, 'eligible' | 'voted'>, num: number, den: number): boolean {
  return t.eligible > 0 && t.voted * den >= num * t.eligible
}

/** The outcome the rule gives for these counts, or null without quorum. */
export function outcomeOf(
  t: Pick<ReviewApi.Tally, 'eligible' | 'voted'> & { approve: number; reject: number; more_info: number },
  r: Pick<ReviewApi.Round, 'quorum_num' | 'quorum_den' | 'approve_num' | 'approve_den'>,
): ReviewApi.Vote | null {
  if (!quorumMet(t, r.quorum_num, r.quorum_den)) return null
  if (t.approve * r.approve_den >= r.approve_num * t.voted) return 'approve'
  return t.more_info >= t.reject ? 'more_info' : 'reject'
}

/**
 * Weighted score of a sheet: Σ(score × weight) ÷ Σweight × 10, one decimal (0–100); null while a
 * criterion has no score or the weights sum to 0.
 */
export function weightedScore(
  scores: Record<string, number | null | undefined>,
  criteria: readonly Pick<ReviewApi.Criterion, 'code' | 'weight'>[],
): number | null {
  let sum = 0
  let weights = 0
  for (const c of criteria) {
    const s = scores[c.code]
    if (s === null || s === undefined || Number.isNaN(s)) return null
    sum += s * c.weight
    weights += c.weight
  }
  if (weights <= 0) return null
  return Math.round((sum * 100) / weights) / 10
}

/** A prefilled value (0–10, maybe fractional) as a whole score the form accepts. */
export function prefillScore(v: number | null | undefined): number | null {
  if (v === null || v === undefined || !Number.isFinite(v)) return null
  return Math.max(0, Math.min(10, Math.round(v)))
}

export interface QuorumProblem {
  project_id: number
  name: string
  eligible: number | null
  voted: number | null
  need: number | null
}

/** A `quorum_not_met` answer (`fields.<project_id>`) → which projects lack what, from the round on screen. */
export function quorumProblems(
  fields: Record<string, string>,
  round: Pick<ReviewApi.Round, 'items' | 'quorum_num' | 'quorum_den'>,
): QuorumProblem[] {
  const out: QuorumProblem[] = []
  for (const [key, why] of Object.entries(fields)) {
    if (why !== 'quorum_not_met' || !/^\d+$/.test(key)) continue
    const id = Number(key)
    const item = round.items.find((i) => i.project_id === id)
    out.push({
      project_id: id,
      name: item?.project.name ?? `#${id}`,
      eligible: item ? item.tally.eligible : null,
      voted: item ? item.tally.voted : null,
      need: item ? quorumNeed(item.tally.eligible, round.quorum_num, round.quorum_den) : null,
    })
  }
  return out
}
