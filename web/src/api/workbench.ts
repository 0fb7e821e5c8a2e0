import { http } from './http'
import type { AuthApi } from './auth'
import type { OrgApi } from './org'

export namespace WorkbenchApi {
  export interface Workbench {
    user: AuthApi.User
    unit: Partial<OrgApi.Unit> & Record<string, unknown>
    stats: { users_in_unit?: number } & Record<string, number | undefined>
    last_login_at: number | null
  }
}

export const getWorkbench = () => http.get<WorkbenchApi.Workbench>('/workbench')
