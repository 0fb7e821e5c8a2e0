// What the transition dialog must ask for, per edge of the workflow table in docs/api.md.
// The server's guard is the authority (it answers `guard_failed` with the missing fields);
// this only decides which inputs to show, so a user is asked for exactly what is needed.
import { REASON_CODES, type ReasonGroup, type ProjectApi } from '@/api/projects'

type Stage = ProjectApi.Stage

export interface TransitionNeeds {
  /** receiving park (承接园区), to `signed` when none is set yet (routing sets it otherwise) */
  park: boolean
  /** signing date + contracted investment */
  signing: boolean
  constructionDate: boolean
  productionDate: boolean
  /** which reason-code list to offer, or none */
  reasonGroup: ReasonGroup | null
  /** free-text reason: required (lost → back), optional, or not asked */
  reasonText: 'required' | 'optional' | 'none'
}

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

const CLOSED: Stage[] = ['rejected', 'shelved', 'lost']

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

export function transitionNeeds(
  from: Stage,
  to: Stage,
  project: { receiving_unit_id: number | null } = { receiving_unit_id: null },
): TransitionNeeds {
  const n: TransitionNeeds = {
    park: false,
    signing: false,
    constructionDate: false,
    productionDate: false,
    reasonGroup: null,
    reasonText: 'none',
  }
  const resuming = CLOSED.includes(from)
  if (to === 'rejected' || to === 'shelved' || to === 'lost') {
    n.reasonGroup = to
    n.reasonText = 'optional' // required by the server when the code is `other`
    return n
  }
  if (from === 'in_review' && to === 'lead') {
    n.reasonGroup = 'returned'
    n.reasonText = 'optional'
    return n
  }
  if (from === 'lost') n.reasonText = 'required'
  // Deciding instead of the pre-review panel: the coordinator writes why.
  if (from === 'in_review' && to === 'approved') n.reasonText = 'required'
  if (resuming) return n
  // approved → negotiating is no longer a transition: the coordinator routes the project and the
  // park accepts (docs/api.md "Routing"); the server answers `use_routing`, so nothing is asked here.
  if (to === 'signed') {
    n.signing = true
    n.park = project.receiving_unit_id === null
  }
  if (to === 'construction') n.constructionDate = true
  if (to === 'production') n.productionDate = true
  return n
}

/** Whether the dialog has anything to ask (else the move is done at once, e.g. on the board). */
export function needsInput(n: TransitionNeeds): boolean {
  return n.park || n.signing || n.constructionDate || n.productionDate || n.reasonGroup !== null || n.reasonText === 'required'
}

export function reasonCodes(group: ReasonGroup | null): readonly string[] {
  return group ? REASON_CODES[group] : []
}

/** approved → negotiating goes through routing (分派 + the park accepting), never a direct move. */
export const isRoutingEdge = (from: Stage, to: Stage): boolean => from === 'approved' && to === 'negotiating'

/** Buttons in display order: forward moves first, then closing ones. */
export function orderTransitions(allowed: readonly Stage[], from?: Stage): Stage[] {
  if (from) allowed = allowed.filter((to) => !isRoutingEdge(from, to))
  const rank = (s: Stage) => (s === 'lost' ? 3 : s === 'shelved' ? 2 : s === 'rejected' ? 1 : 0)
  return [...allowed].sort((a, b) => rank(a) - rank(b))
}
