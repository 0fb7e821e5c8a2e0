// A notification in words and as a place to go: the server sends codes (kind, object_type) and
// the object's name; the client says what happened in the user's language and links to where the
// thing is done. No Vue here, so it is tested directly.
import type { NotificationApi } from '@/api/notifications'
import { hasAny, menuPerms } from '@/router/menu'
import { formatTime } from '@/utils/format'

/** The kinds this client words (i18n `inbox.kinds.<kind>`); any other reads as `other`, never as its code. */
export const KNOWN_KINDS = [
  'factor_raised',
  'factor_passed_on',
  'factor_unresolvable',
  'factor_resolved',
  'supervision_issued',
  'supervision_replied',
  'supervision_reopened',
  'overdue',
  'escalated',
  'lead_on_agenda',
  'routing_received',
  'policy_expiring',
  'qa_answered',
  'digest',
  'admin_locked',
] as const

export function kindKey(kind: string): string {
  return (KNOWN_KINDS as readonly string[]).includes(kind) ? kind : 'other'
}

/** Where a notification leads: a path and what it is (i18n `inbox.open.<what>`). */
export interface Target {
  path: string
  what: 'project' | 'factor_request' | 'supervision' | 'routing' | 'review_round' | 'workbench' | 'policy' | 'question'
}

/**
 * The page where the notified thing is done, from `object_type` / `object_id` / `project_id`; a
 * page the user may not open (the same permissions as its menu item) falls back to the project,
 * then to nothing. `permissions` are the signed-in user's.
 */
export function notificationTarget(
  n: Pick<NotificationApi.Notification, 'object_type' | 'object_id' | 'project_id'>,
  permissions: readonly string[],
): Target | null {
  const may = (menuPath: string) => hasAny(permissions, menuPerms(menuPath) ?? ['-'])
  const id = n.object_id
  let t: Target | null = null
  switch (n.object_type) {
    case 'project':
      t = { path: `/projects/${id}`, what: 'project' }
      break
    case 'factor_request':
      t = may('/factor-requests') ? { path: `/factor-requests/${id}`, what: 'factor_request' } : null
      break
    case 'supervision':
    case 'supervision_item':
      t = may('/supervision') ? { path: `/supervision/${id}`, what: 'supervision' } : null
      break
    case 'routing':
      // The routing list narrowed to the project (the workbench's to-dos link the same way).
      t = may('/routings') && n.project_id ? { path: `/routings?project_id=${n.project_id}`, what: 'routing' } : null
      break
    case 'review_round':
      t = may('/review/rounds') ? { path: `/review/rounds/${id}`, what: 'review_round' } : null
      break
    case 'workbench':
      t = may('/workbench') ? { path: '/workbench', what: 'workbench' } : null
      break
    case 'policy':
      t = may('/policies') ? { path: `/policies/${id}`, what: 'policy' } : null
      break
    case 'guide_question':
      // 一线提问 (qa_answered): the question page, under the guide's permissions.
      t = may('/guide') ? { path: `/guide/questions/${id}`, what: 'question' } : null
      break
  }
  if (t && t.what === 'project' && !may('/projects')) t = null
  if (!t && n.project_id && may('/projects')) t = { path: `/projects/${n.project_id}`, what: 'project' }
  return t
}

/** The escalation tiers this client words (i18n `inbox.tiers.<tier>`). */
export const TIERS = ['responsible', 'unit_head', 'coordinator', 'leader'] as const

/** A line of figures under a notification: an i18n key and its parameters, or null. */
export interface DetailLine {
  key: string
  params: Record<string, string | number>
}

const count = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null)
const date = (v: unknown): string | null => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null)

/**
 * The figures the server sends with some kinds, as lines to show: how far past which deadline (and,
 * escalated, to whom), the digest's counts, when an expiring policy ends, or how widely an administrator is locked out. Anything missing or malformed is left out, never shown raw.
 */
export function detailLines(n: Pick<NotificationApi.Notification, 'kind' | 'detail'>): DetailLine[] {
  const d = n.detail
  if (!d || typeof d !== 'object') return []
  const out: DetailLine[] = []
  if (n.kind === 'overdue' || n.kind === 'escalated') {
    const deadline = date(d.deadline)
    const days = count(d.days_over)
    if (deadline && days !== null) out.push({ key: 'inbox.detail.overdueSince', params: { deadline, days } })
    else if (deadline) out.push({ key: 'inbox.detail.deadline', params: { deadline } })
    const tier = typeof d.tier === 'string' && (TIERS as readonly string[]).includes(d.tier) ? d.tier : null
    if (n.kind === 'escalated' && tier) out.push({ key: 'inbox.detail.raisedTo', params: { tier } })
  } else if (n.kind === 'policy_expiring') {
    const expires = date(d.expires_on)
    if (expires) out.push({ key: 'inbox.detail.expiresOn', params: { date: expires } })
  } else if (n.kind === 'admin_locked') {
    if (d.scope === 'account') out.push({ key: 'inbox.detail.lockedAccount', params: {} })
    else if (d.scope === 'source') out.push({ key: 'inbox.detail.lockedSource', params: {} })
  } else if (n.kind === 'digest') {
    const overdue = count(d.overdue)
    const dueSoon = count(d.due_soon)
    if (overdue !== null && dueSoon !== null) out.push({ key: 'inbox.detail.digest', params: { overdue, due_soon: dueSoon } })
  }
  return out
}

/** Epoch ms → "YYYY-MM-DD HH:mm" (local time), the same in both languages. */
export function formatMinute(ms: number | null | undefined): string {
  return formatTime(ms).slice(0, 16)
}
