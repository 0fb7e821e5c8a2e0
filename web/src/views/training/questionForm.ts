// The question dialog's form: kind, stem, options each with its 正确 mark, points and explanation; the
// body of POST / PUT, the browser's checks (the server's rules: one right answer for a single choice
// and a true/false, at least two for a multiple choice, two options for a true/false, option texts
// filled in and different) and where the server's `fields` land ("options.2.text" under the third
// option).
import { TRAINING_LIMITS, type TrainingApi } from '@/api/training'
import { charCount } from '@/views/guide/articleForm'

export interface OptionRow {
  text: string
  correct: boolean
}
export interface QuestionForm {
  kind: TrainingApi.QuestionKind
  stem: string
  options: OptionRow[]
  points: number
  explanation: string
}

/** Options a question may have in this form (the server refuses more with too_many). */
export const MIN_OPTIONS = 2
export const MAX_OPTIONS = 8
export const DEFAULT_POINTS = 5

export const QUESTION_FIELDS = ['kind', 'stem', 'options', 'points', 'explanation'] as const
export type QuestionField = (typeof QUESTION_FIELDS)[number]

/** The two options of a true/false question, in the writer's language. */
export function trueFalseOptions(words: { yes: string; no: string }, correct: boolean | null = null): OptionRow[] {
  return [
    { text: words.yes, correct: correct === true },
    { text: words.no, correct: correct === false },
  ]
}

export function emptyQuestionForm(): QuestionForm {
  return {
    kind: 'single',
    stem: '',
    options: [
      { text: '', correct: false },
      { text: '', correct: false },
      { text: '', correct: false },
      { text: '', correct: false },
    ],
    points: DEFAULT_POINTS,
    explanation: '',
  }
}

export function formOfQuestion(q: TrainingApi.Question): QuestionForm {
  const kind = (['single', 'multiple', 'true_false'] as const).find((k) => k === q.kind) ?? 'single'
  return {
    kind,
    stem: q.stem,
    options: q.options.map((o) => ({ text: o.text, correct: o.correct })),
    points: q.points,
    explanation: q.explanation ?? '',
  }
}

/**
 * The form after a change of kind: to true/false the two options (正确 / 错误, nothing marked);
 * from true/false back to four empty options; a multiple choice that becomes a single one keeps
 * only its first right option marked.
 */
export function withKind(f: QuestionForm, kind: TrainingApi.QuestionKind, words: { yes: string; no: string }): QuestionForm {
  if (kind === f.kind) return f
  if (kind === 'true_false') return { ...f, kind, options: trueFalseOptions(words) }
  if (f.kind === 'true_false') return { ...f, kind, options: emptyQuestionForm().options }
  if (kind === 'single') {
    let seen = false
    const options = f.options.map((o) => {
      const keep = o.correct && !seen
      if (o.correct) seen = true
      return { ...o, correct: keep }
    })
    return { ...f, kind, options }
  }
  return { ...f, kind }
}

/** Mark option `i` right: a single choice and a true/false have one (the others lose it), a multiple choice toggles. */
export function markCorrect(f: QuestionForm, i: number, on: boolean): OptionRow[] {
  if (f.kind === 'multiple') return f.options.map((o, j) => (j === i ? { ...o, correct: on } : o))
  return f.options.map((o, j) => ({ ...o, correct: j === i ? on : false }))
}

/** The body of POST and PUT: the texts trimmed. */
export function questionBody(f: QuestionForm): TrainingApi.QuestionBody {
  return {
    kind: f.kind,
    stem: f.stem.trim(),
    options: f.options.map((o) => ({ text: o.text.trim(), correct: o.correct })),
    points: f.points,
    explanation: f.explanation.trim(),
  }
}

export interface QuestionProblems {
  fields: Partial<Record<QuestionField, string>>
  /** option index → reason (required, duplicate, too_long) */
  options: Record<number, string>
}

export function questionProblems(f: QuestionForm): QuestionProblems {
  const fields: Partial<Record<QuestionField, string>> = {}
  const options: Record<number, string> = {}
  const L = TRAINING_LIMITS
  if (!f.stem.trim()) fields.stem = 'required'
  else if (charCount(f.stem.trim()) > L.stem) fields.stem = 'too_long'
  if (!Number.isInteger(f.points) || f.points < 1 || f.points > L.points) fields.points = 'invalid_value'
  if (charCount(f.explanation.trim()) > L.explanation) fields.explanation = 'too_long'
  const seen = new Map<string, number>()
  f.options.forEach((o, i) => {
    const text = o.text.trim()
    if (!text) options[i] = 'required'
    else if (charCount(text) > L.option) options[i] = 'too_long'
    else if (seen.has(text)) options[i] = 'duplicate'
    else seen.set(text, i)
  })
  const right = f.options.filter((o) => o.correct).length
  if (f.kind === 'true_false' && f.options.length !== 2) fields.options = 'invalid_value'
  else if (f.options.length < MIN_OPTIONS) fields.options = 'too_few'
  else if (f.options.length > MAX_OPTIONS) fields.options = 'too_many'
  else if (f.kind === 'multiple' && right < 2) fields.options = 'two_right_answers'
  else if (f.kind !== 'multiple' && right !== 1) fields.options = 'one_right_answer'
  return { fields, options }
}

/** The server's `fields` split into the form's fields and the option rows ("options.N.text"). */
export function splitServerFields(fields: Record<string, string>): QuestionProblems {
  const out: QuestionProblems = { fields: {}, options: {} }
  for (const [name, why] of Object.entries(fields)) {
    const m = /^options\.(\d+)(?:\.text)?$/.exec(name)
    if (m) out.options[Number(m[1])] = why
    else if ((QUESTION_FIELDS as readonly string[]).includes(name)) out.fields[name as QuestionField] = why
  }
  return out
}

export const hasProblems = (p: QuestionProblems): boolean => Object.keys(p.fields).length > 0 || Object.keys(p.options).length > 0
