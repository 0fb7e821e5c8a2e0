// One HTTP client for every backend module: same-origin cookies, CSRF header on writes,
// JSON bodies (or a file's raw bytes for uploads), JSON or binary answers, and ONE place
// where error bodies become user-visible messages.
import { ElMessage } from 'element-plus/es/components/message/index.mjs'
import { i18n } from '@/locales'
import { formatClock } from '@/utils/format'

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
  /** Seconds from a `Retry-After` header (429 rate_limited), else null. */
  readonly retryAfter: number | null

  constructor(status: number, body: ErrorBody, path: string, retryAfter: number | null = null) {
    super(body.message)
    this.name = 'ApiError'
    this.status = status
    this.code = body.code
    this.fields = body.fields ?? {}
    this.path = path
    this.retryAfter = retryAfter
  }
}

/** `Retry-After` as seconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or garbage. */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | null {
  if (!header) return null
  const v = header.trim()
  if (/^\d+$/.test(v)) return Number(v)
  const at = Date.parse(v)
  if (Number.isNaN(at)) return null
  return Math.max(0, Math.ceil((at - now) / 1000))
}

export interface RequestOptions {
  /** Do not show the error as a message (the caller handles it). */
  silent?: boolean
  /** A 401 from this call does not send the user to the login page. */
  noAuthRedirect?: boolean
  query?: Record<string, string | number | boolean | null | undefined>
  /** Content-Type of a raw body (Blob, File, ArrayBuffer), e.g. `text/csv`; JSON bodies ignore it. */
  contentType?: string
  /** A background poll (the unread count): not the person's doing, so neither the server's nor this tab's idle clock restarts. */
  background?: boolean
}

/** A binary answer (an .xlsx download) with the file name the server suggested. */
export interface FileResponse {
  blob: Blob
  /** From Content-Disposition (`filename*` preferred), else the last path segment. */
  filename: string
}

interface HttpHooks {
  csrfToken: () => string | null
  onUnauthorized: () => void
  /** 403 password_change_required: the account must change its password before anything else. */
  onPasswordChangeRequired: () => void
  /** A request the server answered on behalf of a session (not 401, not the public /meta): its idle clock restarted. */
  onActivity: () => void
}

const hooks: HttpHooks = {
  csrfToken: () => null,
  onUnauthorized: () => {},
  onPasswordChangeRequired: () => {},
  onActivity: () => {},
}

/** Wired once at start-up (main.ts): the auth store holds the token, the router redirects. */
export function configureHttp(h: Partial<HttpHooks>): void {
  Object.assign(hooks, h)
}

const LOGIN_PATH = '/auth/login'
/** Answered without a session: it does not restart the session's idle clock. */
const PUBLIC_PATHS = new Set(['/meta'])
export const PASSWORD_CHANGE_REQUIRED = 'password_change_required'

/** The text a user sees for an API error, in the current language. */
export function errorMessage(err: ApiError): string {
  const t = i18n.global.t
  const te = i18n.global.te
  if (err.code === 'account_locked' && err.fields.locked_until) {
    const until = Number(err.fields.locked_until)
    if (Number.isFinite(until) && until > 0) {
      return t('errors.account_locked_until', { time: formatClock(until) })
    }
  }
  if (err.code === 'rate_limited' && err.retryAfter !== null && err.retryAfter > 0) {
    return t('errors.rate_limited_retry', { seconds: err.retryAfter })
  }
  if (err.code === 'invalid_file') {
    // `fields` names the header columns the file lacks, or says what is wrong with `file`.
    const missing = Object.entries(err.fields)
      .filter(([k, v]) => k !== 'file' && v === 'required')
      .map(([k]) => k)
    if (missing.length) return t('errors.invalid_file_columns', { columns: missing.join(t('errors.listSeparator')) })
    const why = err.fields.file
    if (why && te(`errors.invalid_file_reasons.${why}`)) return t(`errors.invalid_file_reasons.${why}`)
  }
  // A reason that means something particular on one field (e.g. join_project_id = invalid_value).
  for (const [field, why] of Object.entries(err.fields)) {
    if (te(`errors.fieldMessages.${field}.${why}`)) return t(`errors.fieldMessages.${field}.${why}`)
  }
  // A few field reasons say more than the generic code (e.g. an export over the row limit).
  for (const why of Object.values(err.fields)) {
    if (te(`errors.fieldReasons.${why}`)) return t(`errors.fieldReasons.${why}`)
  }
  const key = `errors.${err.code}`
  if (te(key)) return t(key)
  // A code this client does not know yet: say what kind of failure it is in the user's language
  // (the server's message is English prose for the log, not for the user).
  return t(`errors.${fallbackKey(err.status)}`)
}

/** The generic message of an unknown error code, by HTTP status. */
export function fallbackKey(status: number): string {
  if (status === 0) return 'network'
  if (status === 401) return 'unauthenticated'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not_found'
  if (status === 409) return 'conflict'
  if (status === 413) return 'payload_too_large'
  if (status === 429) return 'too_many_requests'
  if (status >= 500) return 'internal'
  if (status >= 400) return 'rejected'
  return 'unknown'
}

/** The response interceptor: every failed call passes through here exactly once. */
function onError(err: ApiError, opts: RequestOptions): void {
  if (err.status === 401 && err.path !== LOGIN_PATH && !opts.noAuthRedirect) {
    hooks.onUnauthorized()
  }
  if (err.status === 403 && err.code === PASSWORD_CHANGE_REQUIRED) {
    // The change-password page explains why; a toast on top of the redirect would only repeat it.
    hooks.onPasswordChangeRequired()
    return
  }
  if (!opts.silent) showApiError(err)
}

/** The interceptor's toast, for callers that asked for `silent` and then decide to show the error after all. */
export function showApiError(err: ApiError): void {
  if (err.code === PASSWORD_CHANGE_REQUIRED) return
  ElMessage({ type: 'error', message: errorMessage(err), grouping: true, showClose: true })
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
  return new ApiError(res.status, body, path, parseRetryAfter(res.headers.get('Retry-After')))
}

function isRawBody(body: unknown): body is Blob | ArrayBuffer | ArrayBufferView {
  return body instanceof Blob || body instanceof ArrayBuffer || ArrayBuffer.isView(body)
}

/** Sends the request; a failure (network, 4xx/5xx) goes through the interceptor and throws. */
async function send(
  method: string,
  path: string,
  body: unknown,
  opts: RequestOptions,
  accept: string,
  extra: { headers?: Record<string, string>; alsoOk?: number[] } = {},
): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept, ...extra.headers }
  if (opts.background) headers['X-Background'] = '1'
  let payload: BodyInit | undefined
  if (isRawBody(body)) {
    // A file upload: its bytes as they are, not multipart, not JSON.
    headers['Content-Type'] = opts.contentType || (body instanceof Blob && body.type) || 'application/octet-stream'
    payload = body as BodyInit
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
    payload = JSON.stringify(body)
  }
  if (method !== 'GET' && method !== 'HEAD') {
    const token = hooks.csrfToken()
    if (token) headers['X-CSRF-Token'] = token
  }
  let res: Response
  try {
    res = await fetch(buildUrl(path, opts.query), { method, headers, credentials: 'same-origin', body: payload })
  } catch (e) {
    const err = new ApiError(0, { code: 'network', message: String(e) }, path)
    onError(err, opts)
    throw err
  }
  if (res.status !== 401 && !PUBLIC_PATHS.has(path) && !opts.background) hooks.onActivity()
  if (!res.ok && !extra.alsoOk?.includes(res.status)) {
    const err = await parseError(res, path)
    onError(err, opts)
    throw err
  }
  return res
}

export async function request<T>(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, body, opts, 'application/json')
  if (res.status === 204) return undefined as T
  const text = await res.text()
  if (!text) return undefined as T
  try {
    return JSON.parse(text) as T
  } catch {
    // a 200 that is not JSON (a proxy's login page, a misrouted static file)
    const err = new ApiError(res.status, { code: 'bad_response', message: 'the answer is not JSON' }, path)
    onError(err, opts)
    throw err
  }
}

/** The file name of a Content-Disposition header: RFC 6266 `filename*` (UTF-8, percent-encoded) first. */
export function filenameFromDisposition(header: string | null | undefined): string | null {
  if (!header) return null
  const star = /filename\*\s*=\s*([^;]+)/i.exec(header)
  if (star) {
    const m = /^\s*([^']*)'[^']*'(.*?)\s*$/.exec(star[1])
    if (m) {
      try {
        return decodeURIComponent(m[2].replace(/^"|"$/g, ''))
      } catch {
        // a malformed escape: fall back to the plain parameter
      }
    }
  }
  const plain = /(?:^|;)\s*filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(header)
  if (plain) return (plain[1] ?? plain[2]).replace(/\\(.)/g, '$1').trim() || null
  return null
}

/** A request whose successful answer is a file (errors are JSON and pass the interceptor as usual). */
export async function requestFile(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<FileResponse> {
  const res = await send(method, path, body, opts, '*/*')
  const blob = await res.blob()
  const filename = filenameFromDisposition(res.headers.get('Content-Disposition')) ?? path.split('/').pop() ?? 'download'
  return { blob, filename }
}

/** A GET that names the version it already has: null when the server says 304 Not Modified. */
export async function requestIfChanged<T>(
  path: string,
  etag: string | null,
  opts: RequestOptions = {},
): Promise<{ data: T; etag: string | null } | null> {
  const res = await send('GET', path, undefined, opts, 'application/json', {
    headers: etag ? { 'If-None-Match': etag } : {},
    alsoOk: [304],
  })
  if (res.status === 304) return null
  return { data: (await res.json()) as T, etag: res.headers.get('ETag') }
}

export const http = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, body ?? {}, opts),
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', path, body ?? {}, opts),
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PATCH', path, body ?? {}, opts),
  del: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, undefined, opts),
  /** GET a file (an .xlsx export or template). */
  getFile: (path: string, opts?: RequestOptions) => requestFile('GET', path, undefined, opts),
  /** POST a body (e.g. an uploaded file's bytes) and receive a file. */
  postFile: (path: string, body: unknown, opts?: RequestOptions) => requestFile('POST', path, body, opts),
}

/** Paged list shape shared by every list endpoint. */
export interface Page<T> {
  items: T[]
  total: number
  page: number
  page_size: number
}
