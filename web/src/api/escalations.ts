import { http, type Page, type RequestOptions } from './http'

// 超期上报: docs/api.md "Workbench" (GET /escalations) and "Escalation and the scheduler". The
// scheduler takes every overdue item up the tiers; the server lists the steps that reached the
// caller (coordinator and leader: from the coordinator tier; a unit head: from the unit head tier
// in their subtree; others: their own unit's), newest first.
export namespace EscalationApi {
  /** 本人/责任单位 → 单位负责人 → 统筹部门 → 分管领导 (supervision items only) */
  export type Tier = 'responsible' | 'unit_head' | 'coordinator' | 'leader'
  export type ObjectType = 'project' | 'routing' | 'factor_request' | 'supervision_item'

  export interface Step {
    object_type: ObjectType | string
    /** the project, routing, factor request or supervision item */
    object_id: number
    project_id: number | null
    /** the project's name (a supervision item's own title) as it was when it rose */
    title: string
    /** the deadline that was missed (YYYY-MM-DD) */
    deadline: string
    tier: Tier | string
    unit_id: number | null
    /** when the step was taken (epoch ms) */
    at: number
  }
}

export const ESCALATION_TIERS: readonly EscalationApi.Tier[] = ['responsible', 'unit_head', 'coordinator', 'leader']

export const listEscalations = (q: { page: number; page_size: number }, opts?: RequestOptions) =>
  http.get<Page<EscalationApi.Step>>('/escalations', { ...opts, query: q })
