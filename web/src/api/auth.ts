import { http, type RequestOptions } from './http'

export namespace AuthApi {
  /** The signed-in user as the server describes it (docs/api.md `User`). */
  export interface User {
    id: number
    login: string
    name: string
    unit_id: number
    unit_name: string
    roles: string[]
    permissions: string[]
    active: boolean
    version: number
    /** After an administrator's (or the command line's) reset: the user must change it before anything else. */
    must_change_password?: boolean
    /** Holds an administrator role (三员): the API refuses to edit, disable, reset or re-role it. */
    protected?: boolean
    /** Set in user lists (GET /users) while the account is locked out. */
    locked_until?: number | null
    last_login_at?: number | null
  }
  export interface Session {
    user: User
    csrf_token: string
  }
  /** One sign-in attempt on the caller's own account (GET /auth/logins). */
  export interface LoginEntry {
    /** epoch ms */
    at: number
    /** the source address the server saw */
    remote: string
    result: 'ok' | 'failed' | 'locked'
  }
}

export const login = (loginName: string, password: string) =>
  http.post<AuthApi.Session>('/auth/login', { login: loginName, password }, { silent: false })

export const logout = () => http.post<void>('/auth/logout', {}, { noAuthRedirect: true })

/** Probe the session; a 401 here simply means "not signed in". */
export const me = () => http.get<AuthApi.Session>('/auth/me', { silent: true, noAuthRedirect: true })

/** 继续 after the timeout warning: a cheap call that restarts the session's idle clock (401 → login page). */
export const touchSession = () => http.get<AuthApi.Session>('/auth/me')

/** Own password → 204; this session stays, the account's other sessions end, must_change_password clears.
 *  400 invalid_argument `fields.old_password`; 400 weak_password `fields.password` (… or `reused`). */
export const changePassword = (oldPassword: string, newPassword: string, opts?: RequestOptions) =>
  http.post<void>('/auth/password', { old_password: oldPassword, new_password: newPassword }, opts)

/** The account's latest sign-in attempts, newest first (at most 10). Older servers answer 404: the caller hides the list. */
export const listLogins = (opts?: RequestOptions) =>
  http.get<{ items: AuthApi.LoginEntry[] }>('/auth/logins', { silent: true, noAuthRedirect: true, ...opts })
