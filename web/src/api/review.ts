import { http, type RequestOptions } from './http'
import type { MatchingApi } from './matching'

// 预审专班、预审轮次: docs/api.md "Pre-review panels and rounds".
export namespace ReviewApi {
  export type Category = 'park' | 'factor_department' | 'academic' | 'enterprise'
  export type Vote = 'approve' | 'reject' | 'more_info'
  export type RoundStatus = 'open' | 'closed'

  export interface Member {
    user_id: number
    user_name: string
    unit_name: string
    category: Category
  }
  export interface Panel {
    id: number
    name: string
    active: boolean
    quorum_num: number
    quorum_den: number
    approve_num: number
    approve_den: number
    members: Member[]
    version: number
  }
  /** An account a panel may take (GET /review/eligible-members: the server's rule). */
  export interface EligibleMember {
    id: number
    login: string
    name: string
    unit_id: number
    unit_name: string
    roles: string[]
  }
  export interface PanelInput {
    name: string
    members: { user_id: number; category: Category }[]
    quorum_num?: number
    quorum_den?: number
    approve_num?: number
    approve_den?: number
  }
  export type PanelPatch = Partial<PanelInput> & { active?: boolean; version: number }

  export interface Criterion {
    code: string
    name_zh: string
    name_en: string
    weight: number
  }
  export interface Criteria {
    items: Criterion[]
    version: number
  }

  export interface RoundSummary {
    id: number
    panel_id: number
    panel_name: string
    title: string
    deadline: string
    status: RoundStatus
    items_count: number
    /** items the caller has not yet scored, voted on or recused from */
    my_pending: number
    created_at: number
    closed_at: number | null
  }

  export interface RoundMember extends Member {
    recused_on: number[]
  }

  /** The project facts a panel member sees (experts have no other access to projects). */
  export interface ItemProject {
    name: string
    investor_name: string
    industry_code: string
    industry_name: string
    chain_node_name: string | null
    total_investment_yuan: number
    fixed_investment_yuan: number
    land_mu_x100: number
    building_m2: number
    power_kva: number
    jobs: number
    annual_output_yuan: number
    annual_tax_yuan: number
    investor_origin: string
    foreign: boolean
    description: string
    reporting_unit_name: string
    promoter_name: string
  }

  export interface Sheet {
    member_id: number
    member_name: string
    category: Category
    recused: boolean
    scores: Record<string, number>
    /** 0–100 */
    weighted: number | null
    vote: Vote | null
    reason_codes: string[]
    questions: string
    comment: string
    updated_at: number
  }

  export type SheetInput =
    | { scores: Record<string, number>; vote: Vote; reason_codes?: string[]; questions?: string; comment?: string }
    | { recused: true; comment: string }

  export interface Tally {
    members: number
    recused: number
    eligible: number
    voted: number
    /** null for a member while the round is open: only how many voted is shown then. */
    approve: number | null
    reject: number | null
    more_info: number | null
    quorum_met: boolean
    outcome: Vote | null
    average_score: number | null
  }

  export interface Decision {
    outcome: Vote
    decided_at: number
    recommended_parks: { unit_id: number; unit_name: string; score: number }[]
    reason_code: string | null
    questions: string | null
    average_score: number | null
  }

  export interface RoundItem {
    project_id: number
    project: ItemProject
    /** the computed fit components × 10 (best park): the score form starts from these */
    prefill: Partial<Record<string, number | null>>
    top_matches: MatchingApi.Fit[]
    my_sheet: Sheet | null
    tally: Tally
    decision: Decision | null
    /** every member's sheet: managers always, members after the round closed */
    sheets?: Sheet[]
  }

  export interface Round extends RoundSummary {
    members: RoundMember[]
    criteria: Criterion[]
    quorum_num: number
    quorum_den: number
    approve_num: number
    approve_den: number
    is_manager: boolean
    is_member: boolean
    items: RoundItem[]
  }

  export interface NewRound {
    panel_id: number
    title: string
    deadline: string
    project_ids: number[]
  }
}

export const CATEGORIES: ReviewApi.Category[] = ['park', 'factor_department', 'academic', 'enterprise']
export const VOTES: ReviewApi.Vote[] = ['approve', 'reject', 'more_info']
/** Fractions of a panel: 1 ≤ num ≤ den ≤ 10. */
export const FRACTION_MAX = 10

export const listPanels = (opts?: RequestOptions) => http.get<{ items: ReviewApi.Panel[] }>('/review/panels', opts)
export const createPanel = (b: ReviewApi.PanelInput, opts?: RequestOptions) => http.post<ReviewApi.Panel>('/review/panels', b, opts)
export const updatePanel = (id: number, b: ReviewApi.PanelPatch, opts?: RequestOptions) =>
  http.patch<ReviewApi.Panel>(`/review/panels/${id}`, b, opts)
/** Whom a panel may take, by login or name (at most 50): the rule a save checks, said by the server. */
export const listEligibleMembers = (q: string, opts?: RequestOptions) =>
  http.get<{ items: ReviewApi.EligibleMember[] }>('/review/eligible-members', { ...opts, query: { q: q || undefined } })
export const getCriteria = (opts?: RequestOptions) => http.get<ReviewApi.Criteria>('/review/criteria', opts)
export const putCriteria = (b: ReviewApi.Criteria, opts?: RequestOptions) => http.put<ReviewApi.Criteria>('/review/criteria', b, opts)
export const listRounds = (status: ReviewApi.RoundStatus | null, opts?: RequestOptions) =>
  http.get<{ items: ReviewApi.RoundSummary[] }>('/review/rounds', { ...opts, query: { status: status ?? undefined } })
export const createRound = (b: ReviewApi.NewRound, opts?: RequestOptions) => http.post<ReviewApi.Round>('/review/rounds', b, opts)
export const getRound = (id: number, opts?: RequestOptions) => http.get<ReviewApi.Round>(`/review/rounds/${id}`, opts)
export const putSheet = (roundId: number, projectId: number, b: ReviewApi.SheetInput, opts?: RequestOptions) =>
  http.put<ReviewApi.Sheet>(`/review/rounds/${roundId}/items/${projectId}/sheet`, b, opts)
/** `review.manage`; 400 `quorum_not_met` with `fields.<project_id>` when an item lacks its quorum. */
export const closeRound = (id: number, opts?: RequestOptions) => http.post<ReviewApi.Round>(`/review/rounds/${id}/close`, {}, opts)
