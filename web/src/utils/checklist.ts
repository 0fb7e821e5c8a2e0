// A project's 阶段清单 without the screen: how far it is, which items a move still waits for (the
// server lists their titles in `capabilities.transitions[].checklist`), and which refusal a failed
// tick is. The server decides what is required and who may tick; nothing here works that out.
import type { ChecklistApi } from '@/api/checklists'
import { ApiError } from '@/api/http'

type Item = Pick<ChecklistApi.ProjectItem, 'ticked' | 'required'>

export function progressOf(items: readonly Item[]): { done: number; total: number; requiredOpen: number } {
  return {
    done: items.filter((i) => i.ticked).length,
    total: items.length,
    requiredOpen: items.filter((i) => i.required && !i.ticked).length,
  }
}

/**
 * The server's missing titles matched to the project's items (to tick them in place), in the server's
 * order; a title the checklist no longer has (changed meanwhile) comes back in `unmatched`.
 */
export function missingItems<T extends Pick<ChecklistApi.ProjectItem, 'title' | 'ticked'>>(
  items: readonly T[],
  titles: readonly string[],
): { items: T[]; unmatched: string[] } {
  const out: T[] = []
  const unmatched: string[] = []
  for (const title of titles) {
    const it = items.find((i) => i.title === title && !i.ticked)
    if (it) out.push(it)
    else unmatched.push(title)
  }
  return { items: out, unmatched }
}

/** Why a tick or untick failed, as the words' key under `checklists.errors` (null: the general message). */
export type TickProblem =
  | { kind: 'note'; reason: string }
  | { kind: 'gone' } // 404: the item is not of the project's current stage (any more)
  | { kind: 'forbidden' } // 403: not a party
  | null

export function tickProblem(err: unknown): TickProblem {
  if (!(err instanceof ApiError)) return null
  if (err.fields.note) return { kind: 'note', reason: err.fields.note }
  if (err.status === 404) return { kind: 'gone' }
  if (err.status === 403 && err.code === 'forbidden') return { kind: 'forbidden' }
  return null
}
