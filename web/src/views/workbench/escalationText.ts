// 超期上报 in words and links, without Vue: which sentence an `escalated` step reads as, and where
// an escalated item is handled. useEscalationText.ts puts the words in the user's language.
import type { EscalationApi } from '@/api/escalations'
import { ESCALATION_TIERS } from '@/api/escalations'

/** Where the item is handled: the project, the routing list narrowed to the project, the request, the 督办 item. */
export function escalationLink(step: Pick<EscalationApi.Step, 'object_type' | 'object_id' | 'project_id'>): string | null {
  switch (step.object_type) {
    case 'project':
      return `/projects/${step.object_id}`
    case 'routing':
      return step.project_id ? `/routings?project_id=${step.project_id}` : '/routings'
    case 'factor_request':
      return `/factor-requests/${step.object_id}`
    case 'supervision_item':
      return `/supervision/${step.object_id}`
    default:
      // A kind this client does not know yet: its project, when there is one.
      return step.project_id ? `/projects/${step.project_id}` : null
  }
}

export const isTier = (v: unknown): v is EscalationApi.Tier => typeof v === 'string' && (ESCALATION_TIERS as readonly string[]).includes(v)

/** The tier's place (1 = responsible … 4 = leader); 0 for a tier this client does not know. */
export const tierRank = (tier: string | null | undefined): number => (isTier(tier) ? ESCALATION_TIERS.indexOf(tier) + 1 : 0)

export interface Sentence {
  /** i18n key under `escalation.line` */
  key: 'reminded' | 'remindedDays' | 'raised' | 'raisedDays'
  /** the working days past the deadline, when the step says and it is more than none */
  days: number | null
}

/**
 * The sentence of one step: the first tier reminds whoever is responsible, the others raise it;
 * with the working days past the deadline when known (a factor request's event does not carry them,
 * and "0 working days overdue" says nothing a plain "overdue" does not).
 */
export function escalationSentence(tier: string | null | undefined, daysOver?: unknown): Sentence {
  const n = typeof daysOver === 'number' ? daysOver : typeof daysOver === 'string' && /^\d+$/.test(daysOver) ? Number(daysOver) : NaN
  const days = Number.isInteger(n) && n > 0 ? n : null
  if (tier === 'responsible') return { key: days ? 'remindedDays' : 'reminded', days }
  return { key: days ? 'raisedDays' : 'raised', days }
}

/** An `escalated` entry of a project's timeline: its `changes` are the step's detail (tier, deadline, days_over, object_type). */
export interface EscalationDetail {
  tier: string | null
  deadline: string | null
  daysOver: number | null
  objectType: string | null
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null)

/**
 * The detail of a project timeline's `escalated` entry. The server hands an event's detail to the
 * timeline as `changes` (pipeline_routes.cpp); a `{from, to}` shape is tolerated in case it is
 * ever sent as a change list.
 */
export function escalationDetail(changes: Record<string, unknown> | null | undefined): EscalationDetail {
  const c = changes ?? {}
  const pick = (k: string): unknown => {
    const v = c[k]
    if (v && typeof v === 'object' && 'to' in (v as object)) return (v as { to: unknown }).to
    return v
  }
  const days = pick('days_over')
  return {
    tier: str(pick('tier')),
    deadline: str(pick('deadline')),
    daysOver: typeof days === 'number' && Number.isFinite(days) ? days : null,
    objectType: str(pick('object_type')),
  }
}
