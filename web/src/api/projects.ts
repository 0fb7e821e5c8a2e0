import { http, type Page, type RequestOptions } from './http'
import type { ClocksApi } from './clocks'

// 项目: a lead (线索) is a project at stage `lead`; docs/api.md "Projects".
export namespace ProjectApi {
  export type Stage =
    'lead' | 'in_review' | 'approved' | 'negotiating' | 'signed' | 'construction' | 'production' | 'rejected' | 'shelved' | 'lost'
  export type NextStep =
    | 'submit_review'
    | 'review_decision'
    | 'route_to_park'
    | 'sign'
    | 'start_construction'
    | 'start_production'
    | 'none'
    | 'reopen'
    /** a routing is pending: the park accepts or declines by the routing deadline */
    | 'park_response'
  export type SourceChannel = 'resident_team' | 'business_referral' | 'exhibition' | 'online' | 'agency' | 'visit' | 'government' | 'other'
  export type ActivityKind =
    'call' | 'visit' | 'reception' | 'meeting' | 'inspection' | 'signing' | 'construction' | 'production' | 'capital'

  export interface Contact {
    name: string
    phone: string
    title: string
  }

  /** The fields a user types in the lead form (POST /projects, PATCH /projects/{id}). */
  export interface Editable {
    name: string
    investor_name: string
    uscc: string | null
    investor_origin: string
    foreign: boolean
    industry_code: string
    chain_node_id: number | null
    total_investment_yuan: number
    fixed_investment_yuan: number | null
    land_mu_x100: number | null
    building_m2: number | null
    power_kva: number | null
    jobs: number | null
    annual_output_yuan: number | null
    annual_tax_yuan: number | null
    source_channel: SourceChannel
    preferred_unit_id: number | null
    description: string
    contacts: Contact[]
  }

  /** A row of the ledger (台账): the detail without contacts, promoters, description, transitions. */
  export interface ProjectRow {
    id: number
    name: string
    investor_name: string
    uscc: string | null
    investor_origin: string
    foreign: boolean
    industry_code: string
    industry_name: string
    chain_node_id: number | null
    chain_node_name: string | null
    leading_industry_id: number | null
    leading_industry_name: string | null
    total_investment_yuan: number
    fixed_investment_yuan: number | null
    land_mu_x100: number | null
    building_m2: number | null
    power_kva: number | null
    jobs: number | null
    annual_output_yuan: number | null
    annual_tax_yuan: number | null
    investment_band: number
    source_channel: SourceChannel
    reporting_unit_id: number
    reporting_unit_name: string
    promoter_id: number
    promoter_name: string
    preferred_unit_id: number | null
    preferred_unit_name: string | null
    stage: Stage
    stage_since: number
    responsible_user_id: number | null
    responsible_user_name: string | null
    responsible_unit_id: number
    responsible_unit_name: string
    next_step: NextStep
    step_deadline: string | null
    overdue: boolean
    /** the step deadline's state; null: no deadline */
    clock?: ClocksApi.ClockState | null
    receiving_unit_id: number | null
    receiving_unit_name: string | null
    /** a routing awaiting the park's answer (docs/api.md "Routing"), else null */
    pending_routing_id?: number | null
    signing_date: string | null
    contracted_investment_yuan: number | null
    construction_date: string | null
    production_date: string | null
    capital_in_place_yuan: number
    close_reason_code: string | null
    close_reason: string | null
    created_at: number
    updated_at: number
    version: number
  }

  export interface Promoter {
    user_id: number
    user_name: string
    unit_id: number
    unit_name: string
    kind: 'first' | 'co'
    joined_at: number
  }

  export interface Project extends ProjectRow {
    description: string
    contacts: Contact[]
    contacts_masked: boolean
    promoters: Promoter[]
    /** What THIS user may do now. */
    allowed_transitions: Stage[]
    /** What this user may do with this project now, decided by the server (the web keeps no copy of the rules). */
    capabilities: Capabilities
  }

  /** The inputs a transition may need, when the project does not hold them yet. */
  export type TransitionInput =
    'receiving_unit_id' | 'signing_date' | 'contracted_investment_yuan' | 'construction_date' | 'production_date'

  /** One stage change this user may make, and what the dialog must collect for it. */
  export interface TransitionCapability {
    to: Stage
    /** inputs to ask for (fields already set on the project are not listed) */
    ask: TransitionInput[]
    /** reason codes to offer; empty: no code is asked */
    reason_codes: string[]
    /** free-text reason; when the chosen code is `other` the server requires text as well */
    reason: 'required' | 'optional' | 'none'
    /** 佐证材料: the kinds the target stage requires that the project does not hold yet (the server's list; empty: none missing) */
    evidence?: string[]
    /** 阶段清单: the titles of the stage's required items still unticked (forward moves only; empty: none open) */
    checklist?: string[]
  }

  export interface Capabilities {
    edit: boolean
    add_activity: boolean
    /** decide who counts as first promoter (首报人) */
    adjudicate: boolean
    /** 分派: approved → negotiating goes through a routing, never a transition */
    route: boolean
    /** confirm 到位资金 past the investment */
    confirm_capital: boolean
    /** upload 佐证材料 (promoters, the responsible party, the receiving park, the coordinator) */
    attach?: boolean
    /** remove anyone's 佐证材料 (the coordinator) */
    manage_files?: boolean
    /** excludes the routing edge approved → negotiating */
    transitions: TransitionCapability[]
  }

  export type SortKey = 'created_at' | 'total_investment' | 'stage_since' | 'step_deadline' | 'name'

  export interface Filters {
    stage?: Stage[]
    industry?: string | null
    leading_industry_id?: number | null
    district_id?: number | null
    park_id?: number | null
    unit_id?: number | null
    promoter_id?: number | null
    band?: number[]
    reported_from?: string | null
    reported_to?: string | null
    signed_from?: string | null
    signed_to?: string | null
    q?: string
    overdue?: boolean
    /** the step deadline's state */
    clock?: ClocksApi.ClockState | null
  }

  export interface Query extends Filters {
    sort?: SortKey
    order?: 'asc' | 'desc'
    page: number
    page_size: number
  }

  export interface CollisionHit {
    project_id: number
    match: 'uscc' | 'name'
    similarity: number
    /** masked ("某某新能源科技…") when out of the caller's scope */
    investor_name: string
    project_name: string
    reporting_unit_name: string
    reported_on: string
    stage: Stage
    in_scope: boolean
    /** masked contacts of the hit (sent by the server, not in docs/api.md) */
    contacts?: Contact[]
  }

  export interface TransitionFields {
    receiving_unit_id?: number | null
    responsible_user_id?: number | null
    signing_date?: string | null
    contracted_investment_yuan?: number | null
    construction_date?: string | null
    production_date?: string | null
  }

  export interface TransitionRequest {
    to: Stage
    version: number
    reason_code?: string
    reason?: string
    fields?: TransitionFields
  }

  export interface Activity {
    id: number
    project_id: number
    kind: ActivityKind
    date: string
    participants: string
    summary: string
    outcome: string | null
    next_action_date: string | null
    amount_yuan: number | null
    actor_id: number
    actor_name: string
    created_at: number
  }

  export interface NewActivity {
    kind: ActivityKind
    date: string
    participants: string
    summary: string
    outcome?: string
    next_action_date?: string
    amount_yuan?: number
    /** Resent after the user confirmed that capital in place may exceed the investment (only when the server asked: `confirm_required`). */
    confirm_over_investment?: boolean
  }

  export interface TimelineEntry {
    at: number
    /** `created` (the report itself) is sent by the server though docs/api.md does not list it */
    kind:
      | 'transition'
      | 'activity'
      | 'change'
      | 'promoter'
      | 'created'
      | 'promoter_joined'
      | 'adjudicated'
      | 'routed'
      | 'routing_declined'
      | 'routing_withdrawn'
      /** 超期上报 by the scheduler (no actor): `changes` = {tier, deadline, days_over, object_type: project | routing} */
      | 'escalated'
    actor_name: string
    summary?: string
    from?: Stage
    to?: Stage
    reason_code?: string | null
    reason?: string | null
    activity?: Activity
    changes?: Record<string, { from: unknown; to: unknown }>
  }

  /** A board card: a ledger row with, when the board asks (`with=capabilities`), what the caller may do with it. */
  export interface BoardCard extends ProjectRow {
    capabilities?: Capabilities
  }

  export interface BoardColumn {
    stage: Stage
    /** every card of the column under the filters, not only this page */
    count: number
    items: BoardCard[]
  }

  /** 撞单确认: one side of a confirmed collision (GET /projects/collisions). */
  export interface CollisionSide {
    project_id: number
    name: string
    investor_name: string
    reporting_unit_name: string
    promoter_name: string
    stage: Stage
    reported_on: string
  }

  export interface ConfirmedCollision {
    /** the project reported after its reporter confirmed the collision */
    project: CollisionSide
    confirmed_at: number
    confirmed_by_name: string
    /** the projects the server found it collided with */
    hits: (CollisionSide & { match: 'uscc' | 'name'; similarity: number })[]
  }

  /** The stages that carry a next-step deadline (阶段期限), in funnel order. */
  export type DeadlineStage = 'lead' | 'in_review' | 'approved' | 'negotiating' | 'signed' | 'construction'

  /** GET/PUT /pipeline/settings: days from entering a stage to its next-step deadline (1–3650). */
  /** Someone a hand-over to a park may name responsible (GET /pipeline/receivers: the server's rule). */
  export interface Receiver {
    id: number
    login: string
    name: string
    unit_id: number
    unit_name: string
  }
  export interface Settings {
    stage_deadline_days: Partial<Record<DeadlineStage, number>>
    /** days a park has to accept or decline a routing (1–60, default 5) */
    routing_days?: number
    /** 佐证材料 kinds a project must hold to enter the stage (signed, construction, production: the stages the server lists) */
    stage_evidence?: Partial<Record<Stage, string[]>>
  }

  /** The filters and sort of the ledger, without paging (what an export takes). */
  export interface LedgerQuery extends Filters {
    sort?: SortKey
    order?: 'asc' | 'desc'
  }

  /** One spreadsheet row of an import (docs/api.md "Ledger Excel export and import"). */
  export interface ImportRow {
    /** the spreadsheet row number (the header is row 1) */
    row: number
    ok: boolean
    /** column header text (e.g. 投资方名称) → reason code (required, collision, …) */
    errors: Record<string, string>
    name: string
    investor_name: string
    industry_code: string
    total_investment_yuan: number | null
    /** set for `collision`: the project already reported for this investor */
    collision_project_id: number | null
  }

  export interface ImportPreview {
    total: number
    valid: number
    rejected: number
    rows: ImportRow[]
  }

  export interface ImportResult {
    imported: number
    rejected: number
    project_ids: number[]
    /** the rejected rows only */
    rows: ImportRow[]
  }
}

export const STAGES: ProjectApi.Stage[] = [
  'lead',
  'in_review',
  'approved',
  'negotiating',
  'signed',
  'construction',
  'production',
  'rejected',
  'shelved',
  'lost',
]
export const SIDE_STAGES: ProjectApi.Stage[] = ['rejected', 'shelved', 'lost']
export const SOURCE_CHANNELS: ProjectApi.SourceChannel[] = [
  'resident_team',
  'business_referral',
  'exhibition',
  'online',
  'agency',
  'visit',
  'government',
  'other',
]
export const ACTIVITY_KINDS: ProjectApi.ActivityKind[] = [
  'call',
  'visit',
  'reception',
  'meeting',
  'inspection',
  'signing',
  'construction',
  'production',
  'capital',
]

/** What a user may do when the server sent no capabilities: nothing (no buttons rather than wrong ones). */
export const NO_CAPABILITIES: ProjectApi.Capabilities = {
  edit: false,
  add_activity: false,
  adjudicate: false,
  route: false,
  confirm_capital: false,
  attach: false,
  manage_files: false,
  transitions: [],
}
export const capabilitiesOf = (p: Pick<ProjectApi.Project, 'capabilities'> | null | undefined): ProjectApi.Capabilities =>
  p?.capabilities ?? NO_CAPABILITIES

/** Filters → query parameters: lists become comma lists, empty values are dropped. */
export function filterParams(f: ProjectApi.Filters): Record<string, string | number | boolean | null | undefined> {
  return {
    stage: f.stage?.length ? f.stage.join(',') : undefined,
    industry: f.industry || undefined,
    leading_industry_id: f.leading_industry_id ?? undefined,
    district_id: f.district_id ?? undefined,
    park_id: f.park_id ?? undefined,
    unit_id: f.unit_id ?? undefined,
    promoter_id: f.promoter_id ?? undefined,
    band: f.band?.length ? f.band.join(',') : undefined,
    reported_from: f.reported_from || undefined,
    reported_to: f.reported_to || undefined,
    signed_from: f.signed_from || undefined,
    signed_to: f.signed_to || undefined,
    q: f.q?.trim() || undefined,
    overdue: f.overdue ? true : undefined,
    clock: f.clock || undefined,
  }
}

/** Filters and sort → query parameters; the list adds paging, the export sends exactly these. */
export function ledgerParams(q: ProjectApi.LedgerQuery): Record<string, string | number | boolean | null | undefined> {
  return { ...filterParams(q), sort: q.sort, order: q.order }
}

export const listProjects = (q: ProjectApi.Query, opts?: RequestOptions) =>
  http.get<Page<ProjectApi.ProjectRow>>('/projects', {
    ...opts,
    query: { ...ledgerParams(q), page: q.page, page_size: q.page_size },
  })
export const getProject = (id: number, opts?: RequestOptions) => http.get<ProjectApi.Project>(`/projects/${id}`, opts)
/** `collision_confirmed`: the reporter saw the 撞单 hint and reports a new project all the same (the server finds the hits itself). */
export const createProject = (b: Partial<ProjectApi.Editable> & { collision_confirmed?: boolean }, opts?: RequestOptions) =>
  http.post<ProjectApi.Project>('/projects', b, opts)
/** 撞单: join an existing project as co-promoter instead of creating one (200, not 201). */
export const joinProject = (b: Partial<ProjectApi.Editable>, projectId: number, opts?: RequestOptions) =>
  http.post<{ joined: true; project_id: number }>('/projects', { ...b, join_project_id: projectId }, opts)
export const updateProject = (id: number, p: Partial<ProjectApi.Editable> & { version: number }, opts?: RequestOptions) =>
  http.patch<ProjectApi.Project>(`/projects/${id}`, p, opts)
export const collisionCheck = (b: { investor_name: string; uscc?: string; exclude_project_id?: number }, opts?: RequestOptions) =>
  http.post<{ hits: ProjectApi.CollisionHit[] }>('/projects/collision-check', b, opts)
export const adjudicatePromoters = (id: number, firstUserId: number, reason: string) =>
  http.post<ProjectApi.Project>(`/projects/${id}/promoters/adjudicate`, { first_user_id: firstUserId, reason })
export const transitionProject = (id: number, b: ProjectApi.TransitionRequest, opts?: RequestOptions) =>
  http.post<ProjectApi.Project>(`/projects/${id}/transitions`, b, opts)
export const getTimeline = (id: number, opts?: RequestOptions) =>
  http.get<{ items: ProjectApi.TimelineEntry[] }>(`/projects/${id}/timeline`, opts)
export const addActivity = (id: number, b: ProjectApi.NewActivity, opts?: RequestOptions) =>
  http.post<ProjectApi.Activity>(`/projects/${id}/activities`, b, opts)
export const getBoard = (f: ProjectApi.Filters, opts?: RequestOptions) =>
  http.get<{ columns: ProjectApi.BoardColumn[] }>('/projects/board', { ...opts, query: filterParams(f) })
/** One board column's page, each card with its capabilities (the moves the board may offer it). */
export const getBoardColumn = (f: ProjectApi.Filters, stage: ProjectApi.Stage, page: number, pageSize: number, opts?: RequestOptions) =>
  http
    .get<{ columns: ProjectApi.BoardColumn[] }>('/projects/board', {
      ...opts,
      query: { ...filterParams(f), stage, page, page_size: pageSize, with: 'capabilities' },
    })
    .then((r) => r.columns.find((c) => c.stage === stage) ?? { stage, count: 0, items: [] })
/** 撞单确认 (coordinator): projects reported although the collision check found the investor. */
export const listCollisions = (page: number, pageSize: number, opts?: RequestOptions) =>
  http.get<Page<ProjectApi.ConfirmedCollision>>('/projects/collisions', { ...opts, query: { page, page_size: pageSize } })

// ---------------------------------------------------------------- 阶段期限 (pipeline settings)
/** The stages of `stage_deadline_days`, in funnel order (production and the side states have no deadline). */
export const DEADLINE_STAGES: readonly ProjectApi.DeadlineStage[] = [
  'lead',
  'in_review',
  'approved',
  'negotiating',
  'signed',
  'construction',
]
/**
 * Whom a hand-over to the park or district may name as the responsible person: every active account of it
 * or a unit below it (the rule the transition checks). Permission `user.read`.
 */
export const listReceivers = (unitId: number, opts?: RequestOptions) =>
  http.get<{ items: ProjectApi.Receiver[] }>('/pipeline/receivers', { ...opts, query: { unit_id: unitId } })
/** Permission `project.read`. */
export const getPipelineSettings = (opts?: RequestOptions) => http.get<ProjectApi.Settings>('/pipeline/settings', opts)
/** Permission `pipeline.settings` (coordinator); answers the saved settings. */
export const putPipelineSettings = (s: Partial<ProjectApi.Settings>, opts?: RequestOptions) =>
  http.put<ProjectApi.Settings>('/pipeline/settings', s, opts)

// ---------------------------------------------------------------- Excel export and import (台账导出 / 导入)
/** The server refuses larger exports (`fields.filters = "too_many_rows"`). */
export const EXPORT_MAX_ROWS = 100_000
/** Body limit of the import routes. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024

/** 导出Excel: every row of the filtered ledger (all pages), as 项目台账-YYYYMMDD.xlsx. */
export const exportLedger = (q: ProjectApi.LedgerQuery, opts?: RequestOptions) =>
  http.getFile('/projects/export.xlsx', { ...opts, query: ledgerParams(q) })
export const getImportTemplate = (opts?: RequestOptions) => http.getFile('/projects/import-template.xlsx', opts)
/** The import routes take the file's bytes as the body, with its Content-Type (.xlsx or text/csv). */
export const previewImport = (file: Blob, contentType: string, opts?: RequestOptions) =>
  http.post<ProjectApi.ImportPreview>('/projects/import/preview', file, { ...opts, contentType })
export const commitImport = (file: Blob, contentType: string, opts?: RequestOptions) =>
  http.post<ProjectApi.ImportResult>('/projects/import/commit', file, { ...opts, contentType })
export const getImportReport = (file: Blob, contentType: string, opts?: RequestOptions) =>
  http.postFile('/projects/import/report.xlsx', file, { ...opts, contentType })
