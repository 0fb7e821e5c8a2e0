// The member's score sheet: the form state, its check, and the PUT body (docs/api.md "sheet").
import type { ReviewApi } from '@/api/review'
import { prefillScore } from '@/utils/tally'

export interface SheetForm {
  scores: Record<string, number | null>
  vote: ReviewApi.Vote | null
  reason_codes: string[]
  questions: string
  comment: string
}

/** From my saved sheet, else from the prefill (fit components × 10, rounded); others empty. */
export function sheetFormFrom(
  item: Pick<ReviewApi.RoundItem, 'my_sheet' | 'prefill'>,
  criteria: readonly ReviewApi.Criterion[],
): { form: SheetForm; prefilled: Set<string> } {
  const mine = item.my_sheet && !item.my_sheet.recused ? item.my_sheet : null
  const prefilled = new Set<string>()
  const scores: Record<string, number | null> = {}
  for (const c of criteria) {
    if (mine && typeof mine.scores?.[c.code] === 'number') scores[c.code] = mine.scores[c.code]
    else {
      const p = prefillScore(item.prefill?.[c.code] ?? null)
      scores[c.code] = p
      if (p !== null) prefilled.add(c.code)
    }
  }
  return {
    form: {
      scores,
      vote: mine?.vote ?? null,
      reason_codes: [...(mine?.reason_codes ?? [])],
      questions: mine?.questions ?? '',
      comment: mine?.comment ?? '',
    },
    prefilled,
  }
}

export type SheetProblem = 'scores' | 'vote' | 'reason_codes' | 'questions'

/** What the browser refuses before sending (the server checks the same). */
export function sheetProblems(f: SheetForm, criteria: readonly ReviewApi.Criterion[]): SheetProblem[] {
  const out: SheetProblem[] = []
  if (
    criteria.some((c) => {
      const s = f.scores[c.code]
      return s === null || s === undefined || !Number.isInteger(s) || s < 0 || s > 10
    })
  )
    out.push('scores')
  if (!f.vote) out.push('vote')
  if (f.vote === 'reject' && !f.reason_codes.length) out.push('reason_codes')
  if (f.vote === 'more_info' && !f.questions.trim()) out.push('questions')
  return out
}

/** The PUT body of a vote: every criterion's score, and only what the vote asks for. */
export function sheetPayload(f: SheetForm, criteria: readonly ReviewApi.Criterion[]): ReviewApi.SheetInput {
  const scores = Object.fromEntries(criteria.map((c) => [c.code, f.scores[c.code] as number]))
  const body: ReviewApi.SheetInput = { scores, vote: f.vote as ReviewApi.Vote }
  if (f.vote === 'reject') body.reason_codes = [...f.reason_codes]
  if (f.vote === 'more_info') body.questions = f.questions.trim()
  if (f.comment.trim()) body.comment = f.comment.trim()
  return body
}
