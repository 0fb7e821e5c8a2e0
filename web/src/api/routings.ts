import { http, type Page, type RequestOptions } from './http'
import type { ClocksApi } from './clocks'

// 分派、接收、退回: docs/api.md "Routing with accept or decline".
export namespace RoutingApi {
  export type Status = 'pending' | 'accepted' | 'declined' | 'withdrawn'
  /** a code of GET /meta `rules.decline_reason_codes` */
  export type DeclineReason = string

  export interface Routing {
    id: number
    project_id: number
    project_name: string
    investor_name: string
    reporting_unit_id: number
    reporting_unit_name: string
    park_id: number
    park_name: string
    note: string
    routed_by_name: string
    routed_at: number
    deadline: string
    overdue: boolean
    /** the answer clock while pending, else null */
    clock?: ClocksApi.ClockState | null
    status: Status
    reason_code: string | null
    reason: string | null
    decided_by_name: string | null
    decided_at: number | null
    /** the park's fit score when routed */
    fit_score: number | null
    /** what this user may do with it now (接收/退回, 撤回, 重新分派 after a decline), decided by the server */
    capabilities: { respond: boolean; withdraw: boolean; reroute: boolean }
  }
  export interface Query {
    status?: Status | null
    park_id?: number | null
    project_id?: number | null
    page: number
    page_size: number
  }
  export interface Stat {
    unit_id: number
    unit_name: string
    routed: number
    accepted: number
    declined: number
    pending: number
    reasons: Partial<Record<DeclineReason, number>> & Record<string, number>
  }
  export interface Stats {
    by_park: Stat[]
    by_reporting_unit: Stat[]
  }
}

export const ROUTING_STATUSES: RoutingApi.Status[] = ['pending', 'accepted', 'declined', 'withdrawn']

/** Coordinator; the project must be `approved` without a pending routing. */
export const createRouting = (projectId: number, b: { park_id: number; note?: string; version: number }, opts?: RequestOptions) =>
  http.post<RoutingApi.Routing>(`/projects/${projectId}/routings`, b, opts)
export const acceptRouting = (id: number, b: { responsible_user_id?: number } = {}, opts?: RequestOptions) =>
  http.post<RoutingApi.Routing>(`/routings/${id}/accept`, b, opts)
export const declineRouting = (id: number, b: { reason_code: RoutingApi.DeclineReason; reason?: string }, opts?: RequestOptions) =>
  http.post<RoutingApi.Routing>(`/routings/${id}/decline`, b, opts)
export const withdrawRouting = (id: number, b: { reason: string }, opts?: RequestOptions) =>
  http.post<RoutingApi.Routing>(`/routings/${id}/withdraw`, b, opts)
/** Permission `routing.read`: coordinator and leader all, a receiver their subtree; newest first. */
export const listRoutings = (q: RoutingApi.Query, opts?: RequestOptions) =>
  http.get<Page<RoutingApi.Routing>>('/routings', {
    ...opts,
    query: {
      status: q.status || undefined,
      park_id: q.park_id ?? undefined,
      project_id: q.project_id ?? undefined,
      page: q.page,
      page_size: q.page_size,
    },
  })
export const getRoutingStats = (opts?: RequestOptions) => http.get<RoutingApi.Stats>('/routings/stats', opts)
