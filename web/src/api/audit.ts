import { http, type Page } from './http'

export namespace AuditApi {
  export interface Entry {
    id: number
    at: number
    actor_id: number | null
    actor_login: string | null
    unit_name: string | null
    source: string
    action: string
    object_type: string
    object_id: string | number | null
    diff: unknown
    request_id: string | null
  }
  export interface Query {
    actor?: string
    action?: string
    object_type?: string
    from?: number | null
    to?: number | null
    page: number
    page_size: number
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

export const listAudit = (q: AuditApi.Query) => http.get<Page<AuditApi.Entry>>('/audit', { query: { ...q } })
export const verifyAudit = () => http.get<AuditApi.Verify>('/audit/verify')
