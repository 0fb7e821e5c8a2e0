// The article editor's form: what its inputs hold, the body of POST / PUT, the browser's own checks
// and the server's field reasons in words. The Markdown is sent as typed (the server compares it with
// the stored text: unchanged text keeps the version); the title and the note are trimmed.
import { GUIDE_LIMITS, type GuideApi } from '@/api/guide'

export interface ArticleForm {
  category: string | null
  title: string
  body: string
  owner_unit_id: number | null
  industry_codes: string[]
  chain_node_ids: number[]
  review_on: string | null
  /** 修改说明: says what this version changed (not kept on the form of a loaded article) */
  note: string
}

/** Every field the server's `fields` may name. */
export const FIELDS = ['category', 'title', 'body', 'owner_unit_id', 'industry_codes', 'chain_node_ids', 'review_on', 'note'] as const
export type Field = (typeof FIELDS)[number]

export function emptyArticleForm(category: string | null = null): ArticleForm {
  return { category, title: '', body: '', owner_unit_id: null, industry_codes: [], chain_node_ids: [], review_on: null, note: '' }
}

/** The form of a loaded article (its owner unit shown as chosen; the note starts empty). */
export function formOfArticle(a: GuideApi.FullArticle): ArticleForm {
  return {
    category: a.category,
    title: a.title,
    body: a.body ?? '',
    owner_unit_id: a.owner_unit_id ?? null,
    industry_codes: [...(a.industry_codes ?? [])],
    chain_node_ids: [...(a.chain_node_ids ?? [])],
    review_on: a.review_on || null,
    note: '',
  }
}

/** The body of POST (and PUT, with the version read). No owner unit = the caller's unit. */
export function articleBody(f: ArticleForm): GuideApi.Body {
  const b: GuideApi.Body = {
    category: f.category ?? '',
    title: f.title.trim(),
    body: f.body,
    industry_codes: [...f.industry_codes],
    chain_node_ids: [...f.chain_node_ids],
    review_on: f.review_on || null,
    note: f.note.trim(),
  }
  if (f.owner_unit_id !== null) b.owner_unit_id = f.owner_unit_id
  return b
}

/** Characters as the server counts them (code points, not UTF-16 units). */
export const charCount = (s: string): number => [...s].length

/** Field → reason code, for what the browser can tell before asking (the server checks again). */
export function localProblems(f: ArticleForm, today: string): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {}
  if (!f.category) out.category = 'required'
  if (!f.title.trim()) out.title = 'required'
  else if (charCount(f.title.trim()) > GUIDE_LIMITS.title) out.title = 'too_long'
  if (!f.body.trim()) out.body = 'required'
  else if (charCount(f.body) > GUIDE_LIMITS.body) out.body = 'too_long'
  if (charCount(f.note.trim()) > GUIDE_LIMITS.note) out.note = 'too_long'
  if (f.industry_codes.length > GUIDE_LIMITS.industry_codes) out.industry_codes = 'too_many'
  if (f.chain_node_ids.length > GUIDE_LIMITS.chain_node_ids) out.chain_node_ids = 'too_many'
  if (f.review_on && f.review_on < today) out.review_on = 'in_past'
  return out
}

/** The i18n key of a field's reason on this form (`guide.fieldErrors.<field>.<reason>`), else null. */
export function fieldErrorKey(field: string, reason: string, te: (key: string) => boolean): string | null {
  const key = `guide.fieldErrors.${field}.${reason}`
  return te(key) ? key : null
}

/** The form's values by field name (what `useFieldErrors` watches: a field's message goes once it changes). */
export function formValues(f: ArticleForm): Record<Field, unknown> {
  return {
    category: f.category,
    title: f.title,
    body: f.body,
    owner_unit_id: f.owner_unit_id,
    industry_codes: f.industry_codes,
    chain_node_ids: f.chain_node_ids,
    review_on: f.review_on,
    note: f.note,
  }
}

/** Whether the form holds something the saved article (or an empty new one) does not. */
export function isDirty(f: ArticleForm, saved: ArticleForm): boolean {
  return JSON.stringify(formValues(f)) !== JSON.stringify(formValues(saved))
}
