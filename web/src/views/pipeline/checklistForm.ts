// 阶段清单 settings without the screen: a stage's items as editable rows, the PUT body, whether the
// rows differ from what the server has, moving a row, the form's own checks (the server's limits
// and reasons), and which row a field error of the PUT (`items.N.title`) belongs to.
import type { ChecklistApi } from '@/api/checklists'

export type RowField = 'title' | 'detail' | 'evidence_kind' | 'id'
export const ROW_FIELDS: readonly RowField[] = ['title', 'detail', 'evidence_kind', 'id']

/** The server's limits (checklist_rules: title ≤ 100, detail ≤ 1000 characters). */
export const MAX_TITLE = 100
export const MAX_DETAIL = 1000

export interface Row {
  /** the row's own key while on screen (rows move; an error follows its row) */
  key: number
  /** the item's id when the server has it (kept with its ticks), else undefined (a new item) */
  id?: number
  title: string
  detail: string
  evidence_kind: string | null
  required: boolean
}

let nextKey = 1
export function blankRow(): Row {
  return { key: nextKey++, title: '', detail: '', evidence_kind: null, required: false }
}

export function rowsOf(items: readonly ChecklistApi.Item[]): Row[] {
  return items.map((it) => ({
    key: nextKey++,
    id: it.id,
    title: it.title,
    detail: it.detail,
    evidence_kind: it.evidence_kind,
    required: it.required,
  }))
}

/** The PUT body's rows: titles and details trimmed, no kind as null, in the order on screen. */
export function payloadOf(rows: readonly Row[]): ChecklistApi.ItemInput[] {
  return rows.map((r) => {
    const out: ChecklistApi.ItemInput = {
      title: r.title.trim(),
      detail: r.detail.trim(),
      evidence_kind: r.evidence_kind || null,
      required: r.required,
    }
    if (r.id !== undefined) out.id = r.id
    return out
  })
}

/** True when saving would change the stage's list (order counts: it is the order on the project page). */
export function rowsChanged(rows: readonly Row[], saved: readonly ChecklistApi.Item[]): boolean {
  return JSON.stringify(payloadOf(rows)) !== JSON.stringify(payloadOf(rowsOf(saved)))
}

/** The rows with row `i` moved one place up (-1) or down (+1); the same rows when it cannot move. */
export function moveRow<T>(rows: readonly T[], i: number, by: -1 | 1): T[] {
  const j = i + by
  if (i < 0 || i >= rows.length || j < 0 || j >= rows.length) return [...rows]
  const out = [...rows]
  ;[out[i], out[j]] = [out[j], out[i]]
  return out
}

/** Characters as the server counts them (code points, not UTF-16 units). */
const length = (s: string) => [...s].length

export interface Problems {
  /** row key → field → reason */
  rows: Record<number, Partial<Record<RowField, string>>>
  /** a reason about the whole list (`too_many`) */
  list: string | null
}

/** The server's checks, before sending: the same reasons under the same rows. */
export function checkRows(rows: readonly Row[], maxItems: number): Problems {
  const out: Problems = { rows: {}, list: rows.length > maxItems ? 'too_many' : null }
  const seen = new Set<string>()
  for (const r of rows) {
    const bad: Partial<Record<RowField, string>> = {}
    const title = r.title.trim()
    if (!title) bad.title = 'required'
    else if (length(title) > MAX_TITLE) bad.title = 'too_long'
    else if (seen.has(title)) bad.title = 'duplicate'
    else seen.add(title)
    if (length(r.detail.trim()) > MAX_DETAIL) bad.detail = 'too_long'
    if (Object.keys(bad).length) out.rows[r.key] = bad
  }
  return out
}

export const hasProblems = (p: Problems) => p.list !== null || Object.keys(p.rows).length > 0

/**
 * The PUT's field errors on the rows that were sent (`items.3.title` → the 4th row sent), `items` on
 * the list; anything else (an unknown field) is returned apart so it can still be said.
 */
export function placeErrors(fields: Record<string, string>, sent: readonly Row[]): Problems & { other: [string, string][] } {
  const out: Problems & { other: [string, string][] } = { rows: {}, list: null, other: [] }
  for (const [field, why] of Object.entries(fields)) {
    if (field === 'items') {
      out.list = why
      continue
    }
    const m = /^items\.(\d+)\.([a-z_]+)$/.exec(field)
    const row = m ? sent[Number(m[1])] : undefined
    if (m && row && (ROW_FIELDS as readonly string[]).includes(m[2])) (out.rows[row.key] ??= {})[m[2] as RowField] = why
    else out.other.push([field, why])
  }
  return out
}
