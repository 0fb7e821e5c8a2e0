import { http, type Page, type RequestOptions } from './http'

export namespace AuditApi {
  export interface Entry {
    id: number
    at: number
    actor_id: number | null
    actor_login: string | null
    /** the acting user's name ("" when nobody was logged in) */
    actor_name?: string
    unit_name: string | null
    source: string
    action: string
    object_type: string
    object_id: string | number | null
    /** the object's name, read by the module that owns it ("" when none names it) */
    object_name?: string
    diff: unknown
    request_id: string | null
  }
  /** The search's filters (also what the export takes). */
  export interface Filters {
    actor?: string
    action?: string
    object_type?: string
    /** with object_type: one object's history */
    object_id?: string
    from?: number | null
    to?: number | null
  }
  export interface Query extends Filters {
    page: number
    page_size: number
  }
  /** An action code the server writes: `account` (logins, users, org, the log) or `business`. */
  export interface Action {
    code: string
    object_type: string
    group: 'account' | 'business'
  }
  export interface Verify {
    ok: boolean
    checked: number
    checkpoints: number // keyed checkpoints checked
    archived: number // rows moved out by `zhaoshang audit archive` before the first one
    first_broken_id: number | null
    reason: string // technical, English: why the chain is broken
  }
}

/** The server refuses larger exports (`fields.filters = "too_many_rows"`). */
export const AUDIT_EXPORT_MAX_ROWS = 100_000

const params = (f: AuditApi.Filters) => ({
  actor: f.actor || undefined,
  action: f.action || undefined,
  object_type: f.object_type || undefined,
  object_id: f.object_id || undefined,
  from: f.from ?? undefined,
  to: f.to ?? undefined,
})

export const listAudit = (q: AuditApi.Query) =>
  http.get<Page<AuditApi.Entry>>('/audit', { query: { ...params(q), page: q.page, page_size: q.page_size } })
export const listAuditActions = (opts?: RequestOptions) =>
  http.get<{ items: AuditApi.Action[]; object_types: string[] }>('/audit/actions', opts)
/** 导出Excel: every row the filters select (all pages), as 审计日志-YYYYMMDD.xlsx; audited by the server. */
export const exportAudit = (f: AuditApi.Filters, opts?: RequestOptions) => http.getFile('/audit/export.xlsx', { ...opts, query: params(f) })
export const verifyAudit = () => http.get<AuditApi.Verify>('/audit/verify')
