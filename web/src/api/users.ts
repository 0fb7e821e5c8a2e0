import { http, type Page } from './http'
import type { AuthApi } from './auth'

export namespace UsersApi {
  export type User = AuthApi.User
  export interface Query {
    unit_id?: number | null
    q?: string
    active?: boolean | null
    page: number
    page_size: number
  }
  export interface NewUser {
    login: string
    name: string
    unit_id: number
    password: string
  }
  export interface UserPatch {
    name?: string
    unit_id?: number
    active?: boolean
    version: number
  }
}

export const listUsers = (q: UsersApi.Query) => http.get<Page<UsersApi.User>>('/users', { query: { ...q } })
export const createUser = (u: UsersApi.NewUser) => http.post<UsersApi.User>('/users', u)
export const updateUser = (id: number, p: UsersApi.UserPatch) => http.patch<UsersApi.User>(`/users/${id}`, p)
export const setUserRoles = (id: number, roles: string[], version: number) =>
  http.put<UsersApi.User>(`/users/${id}/roles`, { roles, version })
export const resetPassword = (id: number, password: string) => http.post<void>(`/users/${id}/password`, { password })
