import { http, type Page, type RequestOptions } from './http'

// 招商指南 (the guide): Markdown articles the server renders to safe HTML with a fixed set of tags,
// their versions and line diffs, the live preview of the editor and the printable booklet. Who may
// write is the server's: `capabilities.create` on the list, each article's `capabilities.edit`.
export namespace GuideApi {
  export type Category = 'industry' | 'policy' | 'technique' | 'checklist' | 'park'

  /** A heading of the rendered text: `id` is the `id="h-N"` of its tag. */
  export interface Heading {
    level: number
    id: string
    text: string
  }

  export interface Article {
    id: number
    category: Category | string
    title: string
    owner_unit_id: number
    owner_unit_name: string
    /** GB/T 4754 codes at any level */
    industry_codes: string[]
    /** the city's chain nodes the article is about */
    chain_node_ids?: number[]
    /** YYYY-MM-DD, or null: no review date */
    review_on: string | null
    /** the review date has come (the server's today) */
    review_due: boolean
    version: number
    /** reads counted, and distinct readers */
    reads: number
    readers: number
    updated_by_name: string
    /** epoch ms */
    updated_at: number
    capabilities?: { edit: boolean }
  }

  /** GET /guide/articles/{id} and the answers of POST / PUT. */
  export interface FullArticle extends Article {
    body: string
    /** the server's own rendering (fixed tags, no script): shown as HTML */
    html: string
    headings: Heading[]
    /** the chain nodes named, in the order kept */
    chain_nodes?: { id: number; name: string }[]
  }

  /** An article of the booklet: rendered, without its Markdown. */
  export interface BookletArticle extends Article {
    html: string
    headings: Heading[]
  }

  export interface ListResponse extends Page<Article> {
    categories: (Category | string)[]
    capabilities: { create: boolean }
  }

  export interface Query {
    category?: Category | string | null
    q?: string
    owner_unit_id?: number | null
    review_due?: boolean
    page: number
    page_size: number
  }

  /** What POST /guide/articles and PUT /guide/articles/{id} take (PUT with `version`). */
  export interface Body {
    category: string
    title: string
    body: string
    /** absent = the caller's unit */
    owner_unit_id?: number
    industry_codes: string[]
    chain_node_ids: number[]
    review_on: string | null
    /** 修改说明 */
    note: string
    version?: number
  }

  export interface VersionInfo {
    version: number
    title: string
    note: string
    by_name: string
    /** epoch ms */
    at: number
  }

  export interface Version extends VersionInfo {
    body: string
    html: string
  }

  export type DiffOp = 'same' | 'add' | 'del'
  export interface DiffLine {
    op: DiffOp | string
    text: string
    /** the line's number in the older version (0 for an added line) */
    old_no: number
    /** the line's number in the newer version (0 for a removed line) */
    new_no: number
  }

  export interface Diff {
    from: VersionInfo
    to: VersionInfo
    added: number
    removed: number
    /** the text as lines, the first one "# title" */
    lines: DiffLine[]
  }

  export interface Preview {
    html: string
    headings: Heading[]
    /** the reasons the server would refuse the text (html_not_allowed, unsafe_link, external_image …) */
    problems: string[]
  }

  export interface Booklet {
    items: BookletArticle[]
    categories: (Category | string)[]
  }
}

export const GUIDE_CATEGORIES: GuideApi.Category[] = ['industry', 'policy', 'technique', 'checklist', 'park']
/** The server's limits (article_rules). */
export const GUIDE_LIMITS = {
  title: 100,
  body: 100_000,
  note: 200,
  industry_codes: 20,
  chain_node_ids: 20,
} as const

/** Permission `guide.read`; newest first. */
export const listArticles = (q: GuideApi.Query, opts?: RequestOptions) =>
  http.get<GuideApi.ListResponse>('/guide/articles', {
    ...opts,
    query: {
      category: q.category || undefined,
      q: q.q?.trim() || undefined,
      owner_unit_id: q.owner_unit_id ?? undefined,
      review_due: q.review_due ? 1 : undefined,
      page: q.page,
      page_size: q.page_size,
    },
  })
/** Counts a read, unless `edit` (the editor's read). */
export const getArticle = (id: number, opts?: RequestOptions & { edit?: boolean }) =>
  http.get<GuideApi.FullArticle>(`/guide/articles/${id}`, { ...opts, query: { ...opts?.query, edit: opts?.edit ? 1 : undefined } })
/** Permission `guide.write`; 403 `out_of_scope` for an owner unit the caller does not keep. */
export const createArticle = (b: GuideApi.Body, opts?: RequestOptions) => http.post<GuideApi.FullArticle>('/guide/articles', b, opts)
/** A new version (unchanged text keeps the version); 409 `version_conflict` when someone saved first. */
export const updateArticle = (id: number, b: GuideApi.Body & { version: number }, opts?: RequestOptions) =>
  http.put<GuideApi.FullArticle>(`/guide/articles/${id}`, b, opts)
/** Newest first. */
export const listVersions = (id: number, opts?: RequestOptions) =>
  http.get<{ items: GuideApi.VersionInfo[] }>(`/guide/articles/${id}/versions`, opts)
export const getVersion = (id: number, version: number, opts?: RequestOptions) =>
  http.get<GuideApi.Version>(`/guide/articles/${id}/versions/${version}`, opts)
export const getDiff = (id: number, from: number, to: number, opts?: RequestOptions) =>
  http.get<GuideApi.Diff>(`/guide/articles/${id}/diff`, { ...opts, query: { from, to } })
/** The editor's live preview (`guide.write`); writes nothing. */
export const previewArticle = (body: string, opts?: RequestOptions) => http.post<GuideApi.Preview>('/guide/preview', { body }, opts)
/** Every article in booklet order, rendered. */
export const getBooklet = (opts?: RequestOptions) => http.get<GuideApi.Booklet>('/guide/booklet', opts)
