import { http } from './http'
import type { AuthApi } from './auth'
import type { OrgApi } from './org'
import type { ReviewApi } from './review'

export namespace WorkbenchApi {
  export interface Workbench {
    user: AuthApi.User
    unit: Partial<OrgApi.Unit> & Record<string, unknown>
    stats: { users_in_unit?: number } & Record<string, number | undefined>
    last_login_at: number | null
    /** open review rounds where the caller sits on the panel */
    review_rounds?: ReviewApi.RoundSummary[]
  }
}

export const getWorkbench = () => http.get<WorkbenchApi.Workbench>('/workbench')
