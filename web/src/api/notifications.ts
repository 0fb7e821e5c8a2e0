import { http, type Page, type RequestOptions } from './http'

// 站内通知: docs/api.md "Notifications". The caller's own inbox; the server words nothing, the web
// client words each `kind` in the user's language (views/notifications/inboxText.ts).
export namespace NotificationApi {
  export interface Notification {
    id: number
    /** factor_raised, supervision_issued …; new kinds may arrive before this client knows them */
    kind: string
    /** where the thing is done: project, factor_request, supervision_item, routing, review_round … */
    object_type: string
    object_id: number
    project_id: number | null
    /** the object's name as it was when sent (a project's name, a supervision item's title) */
    title: string
    created_at: number
    read: boolean
    /**
     * Figures of the kinds that have them (coming with the escalation sweep): `overdue` / `escalated`
     * {tier, deadline, days_over}; `digest` {overdue, due_soon}. Absent or null otherwise.
     */
    detail?: Record<string, unknown> | null
  }
  export interface List extends Page<Notification> {
    /** the caller's unread count now (the header badge) */
    unread: number
  }
  export interface Unread {
    unread: number
  }
}

export const listNotifications = (q: { unread?: boolean; page: number; page_size: number }, opts?: RequestOptions) =>
  http.get<NotificationApi.List>('/notifications', {
    ...opts,
    query: { unread: q.unread ? true : undefined, page: q.page, page_size: q.page_size },
  })
export const getUnreadCount = (opts?: RequestOptions) => http.get<NotificationApi.Unread>('/notifications/unread-count', opts)
/** Reading twice is fine; 404 for someone else's. Answers the new unread count. */
export const markNotificationRead = (id: number, opts?: RequestOptions) =>
  http.post<NotificationApi.Unread>(`/notifications/${id}/read`, {}, opts)
export const markAllNotificationsRead = (opts?: RequestOptions) => http.post<NotificationApi.Unread>('/notifications/read-all', {}, opts)
