// The transition dialog's wording and the order of the stage buttons. What a transition asks
// for (inputs, reason codes, free text) comes from the server with the project
// (`capabilities.transitions`); the server's guard still decides and answers `guard_failed`.
import type { ProjectApi } from '@/api/projects'

type Stage = ProjectApi.Stage

/** The verb on the button / dialog title for a transition (i18n `pipeline.actions.<verb>`). */
export type TransitionVerb =
  | 'submit_review'
  | 'approve'
  | 'reject'
  | 'return'
  | 'route'
  | 'sign'
  | 'start_construction'
  | 'start_production'
  | 'shelve'
  | 'lose'
  | 'resubmit'
  | 'resume'

export function transitionVerb(from: Stage, to: Stage): TransitionVerb {
  if (to === 'shelved') return 'shelve'
  if (to === 'lost') return 'lose'
  if (to === 'rejected') return 'reject'
  if (from === 'rejected' && to === 'lead') return 'resubmit'
  if (from === 'shelved' || from === 'lost') return 'resume'
  switch (to) {
    case 'in_review':
      return 'submit_review'
    case 'approved':
      return 'approve'
    case 'lead':
      return 'return'
    case 'negotiating':
      return 'route'
    case 'signed':
      return 'sign'
    case 'construction':
      return 'start_construction'
    case 'production':
      return 'start_production'
    default:
      return 'resume'
  }
}

/** Whether the dialog has anything to ask (else the move is done at once, e.g. on the board). Missing
 *  佐证材料 (the server's `evidence`) need the dialog too: it says what is missing and takes the uploads;
 *  so do required 阶段清单 items still open (`checklist`): it names them and ticks them. */
export function needsInput(c: ProjectApi.TransitionCapability): boolean {
  return (
    c.ask.length > 0 ||
    c.reason_codes.length > 0 ||
    c.reason === 'required' ||
    (c.evidence?.length ?? 0) > 0 ||
    (c.checklist?.length ?? 0) > 0
  )
}

/** Stage buttons in display order: forward moves first, then closing ones. */
export function orderTransitions<T extends { to: Stage }>(list: readonly T[]): T[] {
  const rank = (s: Stage) => (s === 'lost' ? 3 : s === 'shelved' ? 2 : s === 'rejected' ? 1 : 0)
  return [...list].sort((a, b) => rank(a.to) - rank(b.to))
}
