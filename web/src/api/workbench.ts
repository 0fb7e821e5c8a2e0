import { http } from './http'
import type { AuthApi } from './auth'
import type { OrgApi } from './org'
import type { ReviewApi } from './review'
import type { ClocksApi } from './clocks'

export namespace WorkbenchApi {
  export interface Workbench {
    user: AuthApi.User
    unit: Partial<OrgApi.Unit> & Record<string, unknown>
    stats: { users_in_unit?: number } & Record<string, number | undefined>
    last_login_at: number | null
    /** open review rounds where the caller sits on the panel */
    review_rounds?: ReviewApi.RoundSummary[]
    /** 我的待办 */
    todos?: Todos
  }

  export type TodoKind = 'project' | 'routing' | 'factor_request' | 'supervision' | 'follow_up'
  export interface Todo {
    kind: TodoKind
    /** the project, routing or factor request */
    id: number
    project_id: number
    title: string
    /** project: the next step code; routing: the park; factor request: the type code; supervision: the priority, or `replied` (to close); follow_up: the clock (`lead_response` | `progress_report`) */
    detail: string
    deadline: string | null
    clock: ClocksApi.ClockState | null
  }
  /** Sorted by deadline; at most 20 of each kind, `counts` are the totals (keyed by the kind's plural). */
  export interface Todos {
    counts: { projects: number; routings: number; factor_requests: number; supervision?: number; follow_ups?: number }
    items: Todo[]
  }
}

export const getWorkbench = () => http.get<WorkbenchApi.Workbench>('/workbench')

/** The `counts` key of an item kind: the server names the totals in the plural. */
export const TODO_COUNT_KEY: Record<WorkbenchApi.TodoKind, keyof WorkbenchApi.Todos['counts']> = {
  project: 'projects',
  routing: 'routings',
  factor_request: 'factor_requests',
  supervision: 'supervision',
  follow_up: 'follow_ups',
}
