import { http, type Page, type RequestOptions } from './http'
import type { ClocksApi } from './clocks'

// 要素保障: docs/api.md "Factor guarantees". What a user may do with a request is the server's
// `capabilities`; the client keeps no status machine.
export namespace FactorApi {
  export type Status = 'open' | 'accepted' | 'resolved' | 'unresolvable' | 'withdrawn'
  /** `mu_x100` (hundredths of a mu), `kva`, `t_per_day`, `m3_per_day`, `people`, `yuan`, or '' (no quantity) */
  export type QuantityUnit = string

  export interface FactorType {
    type: string
    quantity_unit: QuantityUnit
    /** the department that handles the type, null when none is mapped */
    unit_id: number | null
    unit_name: string
  }
  export interface Types {
    items: FactorType[]
    unresolvable_reason_codes: string[]
    capabilities: { edit: boolean }
  }

  export interface Capabilities {
    accept: boolean
    pass_on: boolean
    progress: boolean
    resolve: boolean
    unresolvable: boolean
    withdraw: boolean
  }
  export type Action = keyof Capabilities
  /** the steps that ask for words (all but accept) */
  export type WordyAction = Exclude<Action, 'accept'>

  export interface Event {
    at: number
    actor_name: string
    kind: 'raised' | 'accepted' | 'passed_on' | 'progress' | 'resolved' | 'unresolvable' | 'withdrawn' | string
    note: string
    from_unit_name: string
    to_unit_name: string
  }

  export interface Request {
    id: number
    project_id: number
    project_name: string
    type: string
    quantity_unit: QuantityUnit
    need: string
    quantity: number | null
    department_id: number
    department_name: string
    status: Status
    raised_by_name: string
    raised_unit_name: string
    raised_at: number
    answer_deadline: string
    resolve_deadline: string | null
    accepted_at: number | null
    closed_at: number | null
    outcome: string
    reason_code: string | null
    reason: string
    clock: ClocksApi.ClockState | null
    version: number
    capabilities: Capabilities
    /** the detail only */
    events?: Event[]
  }

  export interface NewRequest {
    type: string
    need: string
    quantity?: number
    department_id?: number
  }

  export interface Query {
    status?: Status[]
    type?: string | null
    department_id?: number | null
    overdue?: boolean
    page: number
    page_size: number
  }

  export interface Stat {
    department_id: number
    department_name: string
    type: string
    total: number
    open: number
    overdue: number
    resolved: number
    /** 0–1, null before anything was resolved */
    on_time_rate: number | null
    /** working days from raising to resolution */
    median_days: number | null
  }
}

export const FACTOR_STATUSES: FactorApi.Status[] = ['open', 'accepted', 'resolved', 'unresolvable', 'withdrawn']
/** The action buttons in display order (each shown only when its capability is true). */
export const FACTOR_ACTIONS: FactorApi.Action[] = ['accept', 'progress', 'resolve', 'pass_on', 'unresolvable', 'withdraw']
/** What a user may do when the server sent no capabilities: nothing. */
export const NO_FACTOR_CAPABILITIES: FactorApi.Capabilities = {
  accept: false,
  pass_on: false,
  progress: false,
  resolve: false,
  unresolvable: false,
  withdraw: false,
}

export const getFactorTypes = (opts?: RequestOptions) => http.get<FactorApi.Types>('/factor-types', opts)
/** `factor.settings` (coordinator): which department handles the type; null = none. */
export const putFactorType = (type: string, unitId: number | null, opts?: RequestOptions) =>
  http.put<FactorApi.Types>(`/factor-types/${encodeURIComponent(type)}`, { unit_id: unitId }, opts)

export const listProjectFactorRequests = (projectId: number, opts?: RequestOptions) =>
  http.get<{ items: FactorApi.Request[] }>(`/projects/${projectId}/factor-requests`, opts)
/** 409 `stage_not_allowed` before negotiation or after the project closed. */
export const raiseFactorRequest = (projectId: number, b: FactorApi.NewRequest, opts?: RequestOptions) =>
  http.post<FactorApi.Request>(`/projects/${projectId}/factor-requests`, b, opts)

export const listFactorRequests = (q: FactorApi.Query, opts?: RequestOptions) =>
  http.get<Page<FactorApi.Request>>('/factor-requests', {
    ...opts,
    query: {
      status: q.status?.length ? q.status.join(',') : undefined,
      type: q.type || undefined,
      department_id: q.department_id ?? undefined,
      overdue: q.overdue ? true : undefined,
      page: q.page,
      page_size: q.page_size,
    },
  })
export const getFactorRequest = (id: number, opts?: RequestOptions) => http.get<FactorApi.Request>(`/factor-requests/${id}`, opts)
export const getFactorStats = (opts?: RequestOptions) => http.get<{ items: FactorApi.Stat[] }>('/factor-requests/stats', opts)

/** The body of each step besides `version`. */
export interface FactorStepBodies {
  accept: Record<string, never>
  pass_on: { department_id: number; note: string }
  progress: { note: string }
  resolve: { outcome: string }
  unresolvable: { reason_code: string; note?: string }
  withdraw: { note: string }
}
const STEP_PATH: Record<FactorApi.Action, string> = {
  accept: 'accept',
  pass_on: 'pass-on',
  progress: 'progress',
  resolve: 'resolve',
  unresolvable: 'unresolvable',
  withdraw: 'withdraw',
}
/** One step on a request; 409 `version_conflict` when it changed meanwhile, `invalid_status` when the step no longer applies. */
export const factorStep = <A extends FactorApi.Action>(
  id: number,
  action: A,
  version: number,
  body: FactorStepBodies[A],
  opts?: RequestOptions,
) => http.post<FactorApi.Request>(`/factor-requests/${id}/${STEP_PATH[action]}`, { ...body, version }, opts)
