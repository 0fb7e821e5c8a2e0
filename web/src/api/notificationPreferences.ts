import { http, type RequestOptions } from './http'

// 通知设置: docs/api.md "Notifications" (GET/PUT /notifications/preferences). The kinds are the
// server's (notify/notify_kinds.cpp); a kind turned off gets no inbox entry. Kept apart from the
// inbox's own API file so that the two can grow separately.
export namespace NotificationPreferencesApi {
  export interface Preferences {
    /** every kind the server knows → on (true unless the user turned it off) */
    kinds: Record<string, boolean>
  }
}

export const getNotificationPreferences = (opts?: RequestOptions) =>
  http.get<NotificationPreferencesApi.Preferences>('/notifications/preferences', opts)
/** Only the kinds that change; an unknown kind → `fields.kinds = "invalid_value"`, nothing saved. */
export const putNotificationPreferences = (kinds: Record<string, boolean>, opts?: RequestOptions) =>
  http.put<NotificationPreferencesApi.Preferences>('/notifications/preferences', { kinds }, opts)
