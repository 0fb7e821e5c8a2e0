// What the board does with a dragged card, from the card's capabilities — the moves the server
// computed for this user (GET /projects/board?with=capabilities). The board keeps no rule of its
// own: a column the card has no transition to is greyed while dragging and refuses the drop.
import type { ProjectApi } from '@/api/projects'
import { ApiError } from '@/api/http'
import { needsInput } from './workflow'

type Stage = ProjectApi.Stage
type Card = Pick<ProjectApi.BoardCard, 'stage' | 'capabilities'>

/** The drop on the card's own column does nothing; a refused one never reaches the server. */
export type DropKind = 'same' | 'refused' | 'dialog' | 'direct'

/** How a column looks while a card is dragged: where it comes from, may go, or may not go. */
export type ColumnState = 'source' | 'allowed' | 'refused'

export function transitionTo(card: Card, to: Stage): ProjectApi.TransitionCapability | undefined {
  return card.capabilities?.transitions.find((t) => t.to === to)
}

export function dropKind(card: Card, to: Stage): DropKind {
  if (card.stage === to) return 'same'
  const t = transitionTo(card, to)
  if (!t) return 'refused'
  return needsInput(t) ? 'dialog' : 'direct'
}

export function columnState(card: Card, to: Stage): ColumnState {
  if (card.stage === to) return 'source'
  return transitionTo(card, to) ? 'allowed' : 'refused'
}

/**
 * Why a refused column refuses, for its label: 'route' when the card goes there only by 分派
 * (the caller may route it: approved → negotiating happens when a park accepts), else 'not_allowed'.
 */
export function refusal(card: Card, to: Stage): 'route' | 'not_allowed' {
  return card.stage === 'approved' && to === 'negotiating' && card.capabilities?.route ? 'route' : 'not_allowed'
}

/**
 * A direct move the server refused for what the dialog takes (a required checklist item still open,
 * a file missing): the card's moves were older than the server's, so the dialog opens instead.
 */
export function waitsForDialog(err: unknown): boolean {
  return err instanceof ApiError && err.code === 'guard_failed' && !!(err.fields.checklist || err.fields.attachments)
}

/** The stages a card may move to, in the board's order (the phone's 移动到 menu: no dragging there). */
export function moveTargets(card: Card, stages: readonly Stage[]): Stage[] {
  return stages.filter((s) => columnState(card, s) === 'allowed')
}

/** Adds a page of cards to a column, skipping any it holds already (a card moved in meanwhile). */
export function appendPage<T extends { id: number }>(have: readonly T[], page: readonly T[]): T[] {
  const seen = new Set(have.map((c) => c.id))
  return [...have, ...page.filter((c) => !seen.has(c.id))]
}
