import { http, type Page, type RequestOptions } from './http'
import type { ClocksApi } from './clocks'

// 督办: docs/api.md "Supervision". Who may reply, close or reopen is each item's `capabilities`;
// who may issue is the permission `supervision.issue`. The client keeps no status machine.
export namespace SupervisionApi {
  export type Status = 'open' | 'replied' | 'closed'
  export type Priority = 'normal' | 'urgent' | 'critical'
  export type SubjectType = 'project' | 'factor_request' | 'unit'

  export interface Capabilities {
    reply: boolean
    close: boolean
    reopen: boolean
  }
  export type Action = keyof Capabilities

  export interface Event {
    at: number
    user_name: string
    /** issued, replied, closed, reopened; `escalated` is coming */
    kind: string
    note: string
  }

  export interface Item {
    id: number
    subject_type: SubjectType | string
    subject_id: number
    /** the project, "project · 要素类型", or the unit (Chinese; the web words a request's type itself) */
    subject_name: string
    project_name: string
    /** a factor request's type code; null for other subjects */
    factor_type: string | null
    project_id: number | null
    /** the unit that must reply */
    unit_id: number
    unit_name: string
    title: string
    instruction: string
    /** 批示: the leader's written instruction, '' when none */
    leader_instruction: string
    priority: Priority | string
    /** YYYY-MM-DD: the unit's reply is due */
    deadline: string
    status: Status | string
    issued_by_name: string
    issued_at: number
    closed_at: number | null
    /** runs while open */
    clock: ClocksApi.ClockState | null
    version: number
    capabilities: Capabilities
    /** the detail only */
    events?: Event[]
  }

  export interface NewItem {
    subject_type: SubjectType
    subject_id: number
    /** another unit than the subject's (the project's responsible unit, the request's department) */
    unit_id?: number
    title: string
    instruction: string
    leader_instruction?: string
    priority: Priority
    /** YYYY-MM-DD; without it the server counts the supervision_reply clock from today */
    deadline?: string
  }

  export interface Query {
    status?: Status[]
    unit_id?: number | null
    project_id?: number | null
    overdue?: boolean
    page: number
    page_size: number
  }

  /** One unit's items by state, in the caller's scope (GET /supervision/units). */
  export interface UnitSummary {
    unit_id: number
    unit_name: string
    open: number
    replied: number
    overdue: number
    closed: number
  }
}

export const SUPERVISION_STATUSES: SupervisionApi.Status[] = ['open', 'replied', 'closed']
export const SUPERVISION_PRIORITIES: SupervisionApi.Priority[] = ['normal', 'urgent', 'critical']
/** The action buttons in display order (each shown only when its capability is true). */
export const SUPERVISION_ACTIONS: SupervisionApi.Action[] = ['reply', 'close', 'reopen']
export const NO_SUPERVISION_CAPABILITIES: SupervisionApi.Capabilities = { reply: false, close: false, reopen: false }

/** `supervision.issue`: 201 with the item and its events. */
export const issueSupervision = (b: SupervisionApi.NewItem, opts?: RequestOptions) =>
  http.post<SupervisionApi.Item>('/supervision', b, opts)

export const listSupervision = (q: SupervisionApi.Query, opts?: RequestOptions) =>
  http.get<Page<SupervisionApi.Item>>('/supervision', {
    ...opts,
    query: {
      status: q.status?.length ? q.status.join(',') : undefined,
      unit_id: q.unit_id ?? undefined,
      project_id: q.project_id ?? undefined,
      overdue: q.overdue ? true : undefined,
      page: q.page,
      page_size: q.page_size,
    },
  })
export const getSupervision = (id: number, opts?: RequestOptions) => http.get<SupervisionApi.Item>(`/supervision/${id}`, opts)
export const getSupervisionUnits = (opts?: RequestOptions) => http.get<{ items: SupervisionApi.UnitSummary[] }>('/supervision/units', opts)

/** reply and reopen need a note; close may carry one. 409 `version_conflict` / `invalid_status` when the item moved on. */
/** `deadline` (YYYY-MM-DD): reopening only, the new deadline the issuer chooses. */
export const supervisionStep = (
  id: number,
  action: SupervisionApi.Action,
  version: number,
  note: string,
  opts?: RequestOptions,
  deadline?: string,
) =>
  http.post<SupervisionApi.Item>(
    `/supervision/${id}/${action}`,
    {
      version,
      ...(note || action !== 'close' ? { note } : {}),
      ...(action === 'reopen' && deadline ? { deadline } : {}),
    },
    opts,
  )
