import { http, type Page, type RequestOptions } from './http'

// 政策库 and the policy matcher (docs/api.md "Policy library (政策库) and the policy matcher"). Who may
// keep a policy is each policy's `capabilities.edit` and the permission `policy.write`; a policy's
// state on the day is the server's (`expiring` = in force and ending within `expiring_days`).
export namespace PolicyApi {
  export type Level = 'national' | 'provincial' | 'city' | 'district' | 'park'
  export type State = 'current' | 'expiring' | 'expired' | 'upcoming' | 'repealed'
  /** The list filter: a state, or `in_force` (current + expiring). */
  export type StateFilter = State | 'in_force'
  export type Land = 'any' | 'needs_land' | 'no_new_land'
  export type Foreign = 'any' | 'foreign_only' | 'domestic_only'
  export type GrantKind = 'subsidy' | 'rent' | 'land_price' | 'tax' | 'finance' | 'talent' | 'other'

  export interface Conditions {
    /** GB/T 4754 codes at any level (a section letter too); empty = any industry */
    industry_codes: string[]
    min_investment_yuan: number | null
    land: Land | string
    /** org units whose subtree the project must land in; empty = anywhere */
    location_unit_ids: number[]
    foreign: Foreign | string
  }

  export interface Grant {
    kind: GrantKind | string
    /** 1–100 */
    rate_pct: number | null
    cap_yuan: number | null
    text: string
  }

  export interface Policy {
    id: number
    title: string
    issuer: string
    doc_number: string
    level: Level | string
    /** YYYY-MM-DD */
    effective_from: string
    /** YYYY-MM-DD; null = 长期有效 */
    expires_on: string | null
    state: State | string
    owner_unit_id: number
    owner_unit_name: string
    conditions: Conditions
    grants: Grant[]
    summary: string
    repealed: boolean
    updated_at: number
    version: number
    capabilities?: { edit: boolean }
    /** GET /policies/{id} and the answers of POST / PUT only */
    source_text?: string
  }

  /** What POST /policies and PUT /policies/{id} take (PUT with `version`). */
  export interface Body {
    title: string
    issuer: string
    doc_number: string
    level: string
    effective_from: string
    expires_on: string | null
    /** absent = the caller's unit */
    owner_unit_id?: number
    summary: string
    source_text: string
    repealed: boolean
    conditions: Conditions
    grants: Grant[]
    version?: number
  }

  export interface Query {
    q?: string
    level?: Level | '' | null
    state?: StateFilter | '' | null
    owner_unit_id?: number | null
    page: number
    page_size: number
  }

  export interface ListResponse extends Page<Policy> {
    /** the 政策接续 window: `expiring` means ending within this many days */
    expiring_days: number
  }

  /** A reason of the matcher (`policies.reasons.<code>` words it). */
  export interface Reason {
    code: string
    params: Record<string, string | number>
  }

  export type Fit = 'match' | 'near_miss'

  /** A policy as the matcher answers it: no capabilities, no source text. */
  export interface Matched extends Omit<Policy, 'capabilities' | 'source_text'> {
    fit: Fit | string
    met: Reason[]
    missing: Reason[]
  }

  export interface MatchResponse {
    items: Matched[]
    matches: number
    near_misses: number
  }

  /** The lead form's facts for POST /policies/match. */
  export interface LeadFacts {
    industry_code?: string
    total_investment_yuan?: number
    land_mu_x100?: number
    foreign?: boolean
    preferred_unit_id?: number
  }
}

export const POLICY_LEVELS: PolicyApi.Level[] = ['national', 'provincial', 'city', 'district', 'park']
export const POLICY_STATES: PolicyApi.State[] = ['current', 'expiring', 'upcoming', 'expired', 'repealed']
/** The list's state filter, in the order it is offered ('' = every state). */
export const POLICY_STATE_FILTERS: PolicyApi.StateFilter[] = ['in_force', 'expiring', 'upcoming', 'expired', 'repealed']
export const LAND_CONDITIONS: PolicyApi.Land[] = ['any', 'needs_land', 'no_new_land']
export const FOREIGN_CONDITIONS: PolicyApi.Foreign[] = ['any', 'foreign_only', 'domestic_only']
export const GRANT_KINDS: PolicyApi.GrantKind[] = ['subsidy', 'rent', 'land_price', 'tax', 'finance', 'talent', 'other']
/** The server's limits (policy_rules.hpp, policies_routes.cpp). */
export const POLICY_LIMITS = {
  title: 200,
  issuer: 100,
  doc_number: 100,
  summary: 2000,
  source_text: 50000,
  grant_text: 500,
  grants: 20,
  industry_codes: 50,
  locations: 50,
} as const

function listQuery(q: Omit<PolicyApi.Query, 'page' | 'page_size'> & Partial<Pick<PolicyApi.Query, 'page' | 'page_size'>>) {
  return {
    q: q.q?.trim() || undefined,
    level: q.level || undefined,
    state: q.state || undefined,
    owner_unit_id: q.owner_unit_id ?? undefined,
    page: q.page,
    page_size: q.page_size,
  }
}

/** Permission `policy.read`; newest first. */
export const listPolicies = (q: PolicyApi.Query, opts?: RequestOptions) =>
  http.get<PolicyApi.ListResponse>('/policies', { ...opts, query: listQuery(q) })
export const getPolicy = (id: number, opts?: RequestOptions) => http.get<PolicyApi.Policy>(`/policies/${id}`, opts)
/** Permission `policy.write`; 403 for an owner unit outside the caller's scope. */
export const createPolicy = (b: PolicyApi.Body, opts?: RequestOptions) => http.post<PolicyApi.Policy>('/policies', b, opts)
/** 409 `version_conflict` when someone saved first. */
export const updatePolicy = (id: number, b: PolicyApi.Body & { version: number }, opts?: RequestOptions) =>
  http.put<PolicyApi.Policy>(`/policies/${id}`, b, opts)
/** 政策库.xlsx: the list in the given state (the server filters by state only). */
export const exportPolicies = (state: PolicyApi.StateFilter | '' | null, opts?: RequestOptions) =>
  http.getFile('/policies/export.xlsx', { ...opts, query: { state: state || undefined } })
/** The policies a project can claim and those one condition short (`project.read`). */
export const getProjectPolicies = (projectId: number, opts?: RequestOptions) =>
  http.get<PolicyApi.MatchResponse>(`/projects/${projectId}/policies`, opts)
/** The lead form's preview (`policy.read`); writes nothing. */
export const matchPolicies = (facts: PolicyApi.LeadFacts, opts?: RequestOptions) =>
  http.post<PolicyApi.MatchResponse>('/policies/match', facts, opts)
