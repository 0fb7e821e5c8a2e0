import { http, requestIfChanged, type RequestOptions } from './http'

// 目录: the GB/T 4754-2017 industry classification and the city's leading industries
// (首位产业) with their chain nodes (产业链节点).
export namespace CatalogApi {
  /** One GB/T 4754 row: 门类 letter (level 1), 大类 2 digits, 中类 3, 小类 4. */
  export interface Industry {
    code: string
    level: 1 | 2 | 3 | 4
    parent: string | null
    name: string
  }
  export interface ChainNode {
    id: number
    /** 上游 / 中游 / 下游 (free text) */
    segment: string
    name: string
    codes: string[]
    version: number
  }
  export interface LeadingIndustry {
    id: number
    name: string
    description: string
    version: number
    nodes: ChainNode[]
  }
  export interface NewLeadingIndustry {
    name: string
    description?: string
  }
  export interface LeadingIndustryPatch {
    name?: string
    description?: string
    version: number
  }
  export interface NewChainNode {
    segment: string
    name: string
    codes: string[]
  }
  /** 投资方来源: a province (GB/T 2260, level 1), a city (level 2) or a foreign country (ISO 3166). */
  export interface Region {
    code: string
    level: 1 | 2
    parent: string | null
    name: string
    foreign: boolean
  }
  export interface ChainNodePatch {
    segment?: string
    name?: string
    codes?: string[]
    version: number
  }
}

export const listIndustries = (opts?: RequestOptions) => http.get<{ items: CatalogApi.Industry[] }>('/catalog/industries', opts)
/** The same list unless it is still the version `etag` names (then null: 304 Not Modified). */
export const listIndustriesIfChanged = (etag: string | null, opts?: RequestOptions) =>
  requestIfChanged<{ items: CatalogApi.Industry[] }>('/catalog/industries', etag, opts)
export const listRegions = (opts?: RequestOptions) => http.get<{ items: CatalogApi.Region[] }>('/catalog/regions', opts)
export const listLeadingIndustries = (opts?: RequestOptions) =>
  http.get<{ items: CatalogApi.LeadingIndustry[] }>('/catalog/leading-industries', opts)
export const createLeadingIndustry = (b: CatalogApi.NewLeadingIndustry) =>
  http.post<CatalogApi.LeadingIndustry>('/catalog/leading-industries', b)
export const updateLeadingIndustry = (id: number, p: CatalogApi.LeadingIndustryPatch) =>
  http.patch<CatalogApi.LeadingIndustry>(`/catalog/leading-industries/${id}`, p)
export const createChainNode = (leadingId: number, b: CatalogApi.NewChainNode) =>
  http.post<CatalogApi.ChainNode>(`/catalog/leading-industries/${leadingId}/nodes`, b)
export const updateChainNode = (id: number, p: CatalogApi.ChainNodePatch) =>
  http.patch<CatalogApi.ChainNode>(`/catalog/chain-nodes/${id}`, p)
export const deleteChainNode = (id: number, version: number) => http.del<void>(`/catalog/chain-nodes/${id}`, { query: { version } })
