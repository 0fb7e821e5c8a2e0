// Where an audit row's object lives in the app, so the audit page can open it. Whether the user
// may open it is the route's own guard (its meta.perms), checked by the page; the audit
// administrator, who may open none of them, still follows an object's history in the log.
import type { RouteLocationRaw } from 'vue-router'
import type { AuditApi } from '@/api/audit'

const numeric = (v: AuditApi.Entry['object_id']): number | null => (v !== null && /^\d+$/.test(String(v)) ? Number(v) : null)

export function objectRoute(e: Pick<AuditApi.Entry, 'object_type' | 'object_id'>): RouteLocationRaw | null {
  const id = numeric(e.object_id)
  switch (e.object_type) {
    case 'project':
      return id ? { name: 'project-detail', params: { id } } : null
    case 'park':
      return id ? { name: 'park-card', params: { id } } : null
    case 'review_round':
      return id ? { name: 'review-round', params: { id } } : null
    case 'factor_request':
      return id ? { name: 'factor-request', params: { id } } : null
    case 'policy':
      return id ? { name: 'policy-detail', params: { id } } : null
    case 'guide_article':
      return id ? { name: 'guide-article', params: { id } } : null
    case 'guide_question':
      return id ? { name: 'guide-question', params: { id } } : null
    case 'training_course':
      return id ? { name: 'training-course', params: { id } } : null
    case 'training_session':
      return id ? { name: 'training-session', params: { id } } : null
    case 'review_panel':
      return { name: 'review-panels' }
    case 'org_unit':
      return { name: 'org-units' }
    case 'leading_industry':
    case 'chain_node':
      return { name: 'catalog' }
    case 'calendar_day':
    case 'calendar':
      return { name: 'calendar' }
    default:
      return null
  }
}

/** Whether a row names one object whose history the log can list (a number, a login, a date). */
export const hasObject = (e: Pick<AuditApi.Entry, 'object_type' | 'object_id'>): boolean =>
  !!e.object_type && e.object_id !== null && e.object_id !== ''
