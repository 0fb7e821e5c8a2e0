// One HTTP client for every backend module: same-origin cookies, CSRF header on writes,
// JSON bodies, and ONE place where error bodies become user-visible messages.
import { ElMessage } from 'element-plus'
import { i18n } from '@/locales'
import { formatTime } from '@/utils/format'

export const API_BASE = '/api/v1'

/** Error body of every 4xx/5xx: `{"error":{"code","message","fields"}}` (docs/api.md). */
export interface ErrorBody {
  code: string
  message: string
  fields?: Record<string, string>
}

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly fields: Record<string, string>
  readonly path: string

  constructor(status: number, body: ErrorBody, path: string) {
    super(body.message)
    this.name = 'ApiError'
    this.status = status
    this.code = body.code
    this.fields = body.fields ?? {}
    this.path = path
  }
}

export interface RequestOptions {
  /** Do not show the error as a message (the caller handles it). */
  silent?: boolean
  /** A 401 from this call does not send the user to the login page. */
  noAuthRedirect?: boolean
  query?: Record<string, string | number | boolean | null | undefined>
}

interface HttpHooks {
  csrfToken: () => string | null
  onUnauthorized: () => void
}

const hooks: HttpHooks = {
  csrfToken: () => null,
  onUnauthorized: () => {},
}

/** Wired once at start-up (main.ts): the auth store holds the token, the router redirects. */
export function configureHttp(h: Partial<HttpHooks>): void {
  Object.assign(hooks, h)
}

const LOGIN_PATH = '/auth/login'

/** The text a user sees for an API error, in the current language. */
export function errorMessage(err: ApiError): string {
  const t = i18n.global.t
  const te = i18n.global.te
  if (err.code === 'account_locked' && err.fields.locked_until) {
    const until = Number(err.fields.locked_until)
    if (Number.isFinite(until) && until > 0) {
      return t('errors.account_locked_until', { time: formatTime(until) })
    }
  }
  const key = `errors.${err.code}`
  if (te(key)) return t(key)
  return err.message || t('errors.unknown')
}

/** The response interceptor: every failed call passes through here exactly once. */
function onError(err: ApiError, opts: RequestOptions): void {
  if (err.status === 401 && err.path !== LOGIN_PATH && !opts.noAuthRedirect) {
    hooks.onUnauthorized()
  }
  if (!opts.silent) {
    ElMessage({ type: 'error', message: errorMessage(err), grouping: true, showClose: true })
  }
}

function buildUrl(path: string, query?: RequestOptions['query']): string {
  let url = API_BASE + path
  if (query) {
    const params = new URLSearchParams()
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined || v === null || v === '') continue
      params.append(k, String(v))
    }
    const s = params.toString()
    if (s) url += (url.includes('?') ? '&' : '?') + s
  }
  return url
}

async function parseError(res: Response, path: string): Promise<ApiError> {
  let body: ErrorBody = { code: `http_${res.status}`, message: res.statusText }
  try {
    const json = (await res.json()) as { error?: ErrorBody }
    if (json && json.error && typeof json.error.code === 'string') body = json.error
  } catch {
    // not JSON (e.g. a proxy's HTML error page): keep the status-based code
  }
  return new ApiError(res.status, body, path)
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  opts: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (method !== 'GET' && method !== 'HEAD') {
    const token = hooks.csrfToken()
    if (token) headers['X-CSRF-Token'] = token
  }
  let res: Response
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch (e) {
    const err = new ApiError(0, { code: 'network', message: String(e) }, path)
    onError(err, opts)
    throw err
  }
  if (!res.ok) {
    const err = await parseError(res, path)
    onError(err, opts)
    throw err
  }
  if (res.status === 204) return undefined as T
  const text = await res.text()
  return (text ? JSON.parse(text) : undefined) as T
}

export const http = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) =>
    request<T>('POST', path, body ?? {}, opts),
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) =>
    request<T>('PUT', path, body ?? {}, opts),
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) =>
    request<T>('PATCH', path, body ?? {}, opts),
  del: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, undefined, opts),
}

/** Paged list shape shared by every list endpoint. */
export interface Page<T> {
  items: T[]
  total: number
  page: number
  page_size: number
}
