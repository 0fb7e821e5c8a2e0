import { http, type RequestOptions } from './http'

export namespace OrgApi {
  export type UnitKind =
    | 'city'
    | 'district'
    | 'department'
    | 'park'
    | 'bureau'
    | 'party_school'
    | 'statistics_bureau'
    | 'resident_team'
    | 'institute'
    | 'enterprise'
  export interface Unit {
    id: number
    parent_id: number | null
    name: string
    kind: UnitKind
    code: string | null
    version: number
  }
  export interface NewUnit {
    parent_id: number
    name: string
    kind: UnitKind
    code?: string
  }
  export interface UnitPatch {
    name?: string
    kind?: UnitKind
    version: number
  }
  export type Scope = 'self' | 'unit' | 'subtree' | 'all'
  export interface Grant {
    permission: string
    scope: Scope
  }
  export interface Role {
    code: string
    admin: boolean
    grants: Grant[]
  }
}

export const UNIT_KINDS: OrgApi.UnitKind[] = [
  'city',
  'district',
  'department',
  'park',
  'bureau',
  'party_school',
  'statistics_bureau',
  'resident_team',
  'institute',
  'enterprise',
]

export const listUnits = (opts?: RequestOptions) => http.get<{ items: OrgApi.Unit[] }>('/org/units', opts)
export const createUnit = (u: OrgApi.NewUnit) => http.post<OrgApi.Unit>('/org/units', u)
export const updateUnit = (id: number, p: OrgApi.UnitPatch) => http.patch<OrgApi.Unit>(`/org/units/${id}`, p)
export const listRoles = (opts?: RequestOptions) => http.get<{ items: OrgApi.Role[] }>('/roles', opts)
