// The quiz page's own arithmetic, apart from Vue: the time left and how it reads, the answers as the
// person picks them (a single choice or true/false holds one option, a multiple choice any), which
// questions are still unanswered, the body of POST …/submit, and the letters of the options in the
// order the paper shows them. The grading is the server's: nothing here says what is right.
import type { TrainingApi } from '@/api/training'

/** question id → the chosen option ids, in the order the paper lists the options. */
export type Answers = Record<number, number[]>

/** A kind where exactly one option is chosen (radio buttons). */
export const isSingle = (kind: string): boolean => kind !== 'multiple'

/** No answer yet for each question of the paper. */
export function emptyAnswers(paper: readonly TrainingApi.PaperQuestion[]): Answers {
  const out: Answers = {}
  for (const q of paper) out[q.id] = []
  return out
}

/**
 * Answers kept from an earlier visit (sessionStorage), cut to this paper: questions it does not hold,
 * options a question does not have and a second option of a single choice are dropped.
 */
export function restoreAnswers(paper: readonly TrainingApi.PaperQuestion[], saved: unknown): Answers {
  const out = emptyAnswers(paper)
  if (!saved || typeof saved !== 'object') return out
  const src = saved as Record<string, unknown>
  for (const q of paper) {
    const v = src[String(q.id)]
    if (!Array.isArray(v)) continue
    const ids = new Set(v.filter((x): x is number => typeof x === 'number'))
    const chosen = q.options.map((o) => o.id).filter((id) => ids.has(id))
    out[q.id] = isSingle(q.kind) ? chosen.slice(0, 1) : chosen
  }
  return out
}

/** The answer to `q` after a click on option `optionId` (a radio picks it; a checkbox toggles it). */
export function choose(q: TrainingApi.PaperQuestion, current: readonly number[], optionId: number, on = true): number[] {
  if (isSingle(q.kind)) return on ? [optionId] : current.filter((id) => id !== optionId)
  const set = new Set(current)
  if (on) set.add(optionId)
  else set.delete(optionId)
  return q.options.map((o) => o.id).filter((id) => set.has(id))
}

/** The questions of the paper without an answer, in paper order (their 1-based numbers). */
export function unanswered(paper: readonly TrainingApi.PaperQuestion[], answers: Answers): number[] {
  const out: number[] = []
  paper.forEach((q, i) => {
    if (!answers[q.id]?.length) out.push(i + 1)
  })
  return out
}

/** The body of POST /training/attempts/{id}/submit: every question of the paper, answered or not. */
export function submitBody(paper: readonly TrainingApi.PaperQuestion[], answers: Answers): TrainingApi.Answer[] {
  return paper.map((q) => ({ question_id: q.id, chosen: [...(answers[q.id] ?? [])] }))
}

/** A, B, C … for the options in the order shown (past Z: AA, AB …; never reached with the server's limits). */
export function optionLetter(index: number): string {
  let n = index
  let s = ''
  do {
    s = String.fromCharCode(65 + (n % 26)) + s
    n = Math.floor(n / 26) - 1
  } while (n >= 0)
  return s
}

/** The letters of `ids` among `options` (paper order), e.g. "A、C"; an id the question lacks is left out. */
export function lettersOf(options: readonly { id: number }[], ids: readonly number[], sep: string): string {
  const want = new Set(ids)
  return options
    .map((o, i) => (want.has(o.id) ? optionLetter(i) : ''))
    .filter(Boolean)
    .join(sep)
}

/** Milliseconds left until `deadline` (never below 0); null when the quiz has no time limit. */
export function remainingMs(deadline: number | null | undefined, now: number): number | null {
  if (deadline === null || deadline === undefined) return null
  return Math.max(0, deadline - now)
}

/** The time left as the countdown shows it: "mm:ss", or "h:mm:ss" from an hour up; seconds rounded up. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const p = (n: number) => String(n).padStart(2, '0')
  return h > 0 ? `${h}:${p(m)}:${p(s)}` : `${p(m)}:${p(s)}`
}

/** The countdown's colour: the last five minutes warn, the last minute is urgent. */
export function countdownLevel(ms: number): 'normal' | 'warn' | 'urgent' {
  if (ms <= 60_000) return 'urgent'
  if (ms <= 5 * 60_000) return 'warn'
  return 'normal'
}

/** The result of each question by id (an attempt's `result.questions`). */
export function resultsById(result: TrainingApi.Result | null | undefined): Map<number, TrainingApi.QuestionResult> {
  return new Map((result?.questions ?? []).map((r) => [r.id, r]))
}

/** How an option reads in the result: right (green), chosen but wrong (red), or neither. */
export function optionMark(r: TrainingApi.QuestionResult | undefined, optionId: number): 'right' | 'wrong' | 'none' {
  if (!r) return 'none'
  if (r.right.includes(optionId)) return 'right'
  if (r.chosen.includes(optionId)) return 'wrong'
  return 'none'
}

/** A question answered with some points but not all (少选得一半分). */
export const isPartial = (r: TrainingApi.QuestionResult): boolean => !r.correct && r.earned > 0

/** Where the answers of an open attempt wait across a reload (this tab only). */
export const answersKey = (attemptId: number): string => `zs.training.answers.${attemptId}`
