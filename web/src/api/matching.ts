import { http, type RequestOptions } from './http'

// 匹配: how well a project fits each park (docs/api.md "Matching").
export namespace MatchingApi {
  export type ComponentKey = 'industry' | 'carrier' | 'threshold' | 'utility'

  /** A reason the UI words from its locale (`fit.<code>`); params are numbers or strings. */
  export interface Reason {
    code: string
    params: Record<string, string | number>
  }
  export interface Component {
    key: ComponentKey
    /** 0.0–1.0 */
    score: number
    weight: number
    reasons: Reason[]
    /** scored on park data the park has not filled in (园区未填写…: 0, never a neutral or full score) */
    unknown?: boolean
  }
  export interface Fit {
    unit_id: number
    unit_name: string
    /** 0–100 */
    score: number
    excluded: boolean
    /** the park's profile holds nothing the rules read (园区未填写画像): score 0, ranked after the others */
    profile_empty?: boolean
    /** keys of the components scored on missing park data */
    unknown?: ComponentKey[]
    components: Component[]
    exclusions: Reason[]
  }
  export interface Weights {
    industry: number
    carrier: number
    threshold: number
    utility: number
    version: number
  }
  /** The lead form's fields the preview looks at (others are ignored by the server). */
  export interface PreviewInput {
    industry_code: string
    chain_node_id?: number | null
    fixed_investment_yuan?: number | null
    total_investment_yuan?: number | null
    land_mu_x100?: number | null
    building_m2?: number | null
    power_kva?: number | null
    annual_tax_yuan?: number | null
    annual_output_yuan?: number | null
  }
}

export const COMPONENT_KEYS: MatchingApi.ComponentKey[] = ['industry', 'carrier', 'threshold', 'utility']

/** Permission `park.read`. */
export const getWeights = (opts?: RequestOptions) => http.get<MatchingApi.Weights>('/matching/weights', opts)
/** Coordinator (`pipeline.settings`): integers 0–100, at least one above 0. */
export const putWeights = (w: MatchingApi.Weights, opts?: RequestOptions) => http.put<MatchingApi.Weights>('/matching/weights', w, opts)
/** Ranked: not excluded by score, then the excluded. Scope as the project. */
export const getProjectMatches = (projectId: number, opts?: RequestOptions) =>
  http.get<{ items: MatchingApi.Fit[] }>(`/projects/${projectId}/matches`, opts)
/** The fit preview while a lead is typed (permission `project.create`); writes nothing. */
export const previewMatching = (b: MatchingApi.PreviewInput, opts?: RequestOptions) =>
  http.post<{ items: MatchingApi.Fit[] }>('/matching/preview', b, opts)
