// 一线提问: what the pages do with a question — its status in words, the list's filters in the address,
// the ask dialog's form (its body, the browser's own checks, the server's reasons in words) and the
// answer box's check. No Vue here, so it is tested directly.
import type { LocationQuery } from 'vue-router'
import { QUESTION_LIMITS, QUESTION_STATUSES, type QuestionApi } from '@/api/questions'
import { categoryOf } from './guideText'
import { charCount } from './articleForm'

/** 待解答 until someone answers, then 已解答 (a promoted question has answers too). */
export function statusOf(q: Pick<QuestionApi.Question, 'answers_count'>): QuestionApi.Status {
  return q.answers_count > 0 ? 'answered' : 'open'
}

/** The list's filters, as the address keeps them (?topic=&status=&mine=1). */
export interface QuestionFilters {
  topic: string
  status: QuestionApi.Status | ''
  mine: boolean
}

/** The filters from the address: unknown values read as "all". */
export function filtersOf(q: LocationQuery): QuestionFilters {
  const status = QUESTION_STATUSES.includes(q.status as QuestionApi.Status) ? (q.status as QuestionApi.Status) : ''
  return { topic: categoryOf(q.topic), status, mine: q.mine === '1' }
}

/** The filters for the address: only those set. */
export function queryOfFilters(f: QuestionFilters): Record<string, string> {
  const out: Record<string, string> = {}
  if (f.topic) out.topic = f.topic
  if (f.status) out.status = f.status
  if (f.mine) out.mine = '1'
  return out
}

export const sameFilters = (a: QuestionFilters, b: QuestionFilters): boolean =>
  a.topic === b.topic && a.status === b.status && a.mine === b.mine

/** The ask dialog's inputs. */
export interface AskForm {
  topic: string | null
  title: string
  body: string
}

/** Every field the server's `fields` may name on the ask dialog. */
export const ASK_FIELDS = ['topic', 'title', 'body', 'project_id'] as const
export type AskField = (typeof ASK_FIELDS)[number]

/** The body of POST /guide/questions: title trimmed, the Markdown as typed (left out when blank), the project when there is one. */
export function askBody(f: AskForm, projectId: number | null | undefined): QuestionApi.NewQuestion {
  const b: QuestionApi.NewQuestion = { topic: f.topic ?? '', title: f.title.trim() }
  if (f.body.trim()) b.body = f.body
  if (projectId) b.project_id = projectId
  return b
}

/** Field → reason code, for what the browser can tell before asking (the server checks again). */
export function askProblems(f: AskForm): Partial<Record<AskField, string>> {
  const out: Partial<Record<AskField, string>> = {}
  if (!f.topic) out.topic = 'required'
  if (!f.title.trim()) out.title = 'required'
  else if (charCount(f.title.trim()) > QUESTION_LIMITS.title) out.title = 'too_long'
  if (charCount(f.body) > QUESTION_LIMITS.body) out.body = 'too_long'
  return out
}

/** The answer box's own check: '' when it may be sent, else the reason code. */
export function answerProblem(body: string): string {
  if (!body.trim()) return 'required'
  if (charCount(body) > QUESTION_LIMITS.answer) return 'too_long'
  return ''
}

/**
 * The i18n key of a field's reason: `qa.fieldErrors.<form>.<field>.<reason>` when the locales say it
 * for this form, else null (the caller falls back on validation.reasons).
 */
export function qaFieldErrorKey(form: 'ask' | 'answer', field: string, reason: string, te: (key: string) => boolean): string | null {
  const key = `qa.fieldErrors.${form}.${field}.${reason}`
  return te(key) ? key : null
}
