// The course editor's form: what its inputs hold, the body of POST / PUT, the browser's own checks
// (the server checks again) and the field names the server's `fields` use ("quiz.pass_pct" …).
import { TRAINING_LIMITS, type TrainingApi } from '@/api/training'
import { charCount } from '@/views/guide/articleForm'

export interface CourseForm {
  title: string
  summary: string
  outline: string
  owner_unit_id: number | null
  article_ids: number[]
  pass_pct: number
  max_attempts: number
  question_count: number
  time_limit_min: number
  partial: 'half' | 'strict'
  opens_on: string | null
  closes_on: string | null
}

/** Every field the server's `fields` may name. */
export const COURSE_FIELDS = [
  'title',
  'summary',
  'outline',
  'owner_unit_id',
  'article_ids',
  'quiz',
  'quiz.pass_pct',
  'quiz.max_attempts',
  'quiz.question_count',
  'quiz.time_limit_min',
  'quiz.partial',
  'quiz.opens_on',
  'quiz.closes_on',
] as const
export type CourseField = (typeof COURSE_FIELDS)[number]

/** The rules a new course starts with (the contract's example). */
export function emptyCourseForm(): CourseForm {
  return {
    title: '',
    summary: '',
    outline: '',
    owner_unit_id: null,
    article_ids: [],
    pass_pct: 60,
    max_attempts: 3,
    question_count: 10,
    time_limit_min: 30,
    partial: 'half',
    opens_on: null,
    closes_on: null,
  }
}

/** The form of a loaded course. */
export function formOfCourse(c: TrainingApi.FullCourse): CourseForm {
  return {
    title: c.title,
    summary: c.summary ?? '',
    outline: c.outline ?? '',
    owner_unit_id: c.owner_unit_id ?? null,
    article_ids: [...(c.article_ids ?? [])],
    pass_pct: c.quiz.pass_pct,
    max_attempts: c.quiz.max_attempts,
    question_count: c.quiz.question_count,
    time_limit_min: c.quiz.time_limit_min,
    partial: c.quiz.partial === 'strict' ? 'strict' : 'half',
    opens_on: c.quiz.opens_on || null,
    closes_on: c.quiz.closes_on || null,
  }
}

/** The body of POST and PUT. No owner unit = the caller's unit. */
export function courseBody(f: CourseForm): TrainingApi.CourseBody {
  const b: TrainingApi.CourseBody = {
    title: f.title.trim(),
    summary: f.summary.trim(),
    outline: f.outline,
    article_ids: [...f.article_ids],
    quiz: {
      pass_pct: f.pass_pct,
      max_attempts: f.max_attempts,
      question_count: f.question_count,
      time_limit_min: f.time_limit_min,
      partial: f.partial,
      opens_on: f.opens_on || null,
      closes_on: f.closes_on || null,
    },
  }
  if (f.owner_unit_id !== null) b.owner_unit_id = f.owner_unit_id
  return b
}

const inRange = (n: unknown, lo: number, hi: number) => typeof n === 'number' && Number.isInteger(n) && n >= lo && n <= hi

/** Field → reason code, for what the browser can tell before asking. */
export function courseProblems(f: CourseForm): Partial<Record<CourseField, string>> {
  const out: Partial<Record<CourseField, string>> = {}
  const L = TRAINING_LIMITS
  if (!f.title.trim()) out.title = 'required'
  else if (charCount(f.title.trim()) > L.title) out.title = 'too_long'
  if (charCount(f.summary.trim()) > L.summary) out.summary = 'too_long'
  if (charCount(f.outline) > L.outline) out.outline = 'too_long'
  if (f.article_ids.length > L.article_ids) out.article_ids = 'too_many'
  if (!inRange(f.pass_pct, 1, L.pass_pct)) out['quiz.pass_pct'] = 'invalid_value'
  if (!inRange(f.max_attempts, 1, L.max_attempts)) out['quiz.max_attempts'] = 'invalid_value'
  if (!inRange(f.question_count, 0, L.question_count)) out['quiz.question_count'] = 'invalid_value'
  if (!inRange(f.time_limit_min, 0, L.time_limit_min)) out['quiz.time_limit_min'] = 'invalid_value'
  if (f.opens_on && f.closes_on && f.closes_on < f.opens_on) out['quiz.closes_on'] = 'before_start'
  return out
}

/** The form's values by field name (what `useFieldErrors` watches). */
export function courseValues(f: CourseForm): Record<CourseField, unknown> {
  return {
    title: f.title,
    summary: f.summary,
    outline: f.outline,
    owner_unit_id: f.owner_unit_id,
    article_ids: f.article_ids,
    quiz: [f.pass_pct, f.max_attempts, f.question_count, f.time_limit_min, f.partial, f.opens_on, f.closes_on],
    'quiz.pass_pct': f.pass_pct,
    'quiz.max_attempts': f.max_attempts,
    'quiz.question_count': f.question_count,
    'quiz.time_limit_min': f.time_limit_min,
    'quiz.partial': f.partial,
    'quiz.opens_on': f.opens_on,
    // The end's before_start goes when either end changes.
    'quiz.closes_on': [f.opens_on, f.closes_on],
  }
}

/** Whether the form holds something the saved course (or an empty new one) does not. */
export function courseDirty(f: CourseForm, saved: CourseForm): boolean {
  return JSON.stringify(courseValues(f)) !== JSON.stringify(courseValues(saved))
}

/**
 * Where a server reason lands on the form: its own field, else (an unknown `quiz.*` or an
 * `article_ids.N`) the nearest field the form shows; null for a field the form does not have.
 */
export function courseFieldOf(field: string): CourseField | null {
  if ((COURSE_FIELDS as readonly string[]).includes(field)) return field as CourseField
  if (field.startsWith('article_ids')) return 'article_ids'
  if (field.startsWith('quiz')) return 'quiz'
  return null
}
