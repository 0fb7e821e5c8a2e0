import { http, type RequestOptions } from './http'

// 全文搜索 over the guide's articles, the policy library, the park cards and the front-line questions
// (一线提问: a question with its answers; permission `guide.read`).
// The server cuts titles and snippets into segments and marks the hits: the page shows them as text
// with <mark>, never as HTML.
export namespace SearchApi {
  export type Kind = 'article' | 'policy' | 'park' | 'qa'

  export interface Segment {
    text: string
    hit: boolean
  }

  export interface Hit {
    kind: Kind | string
    /** the article's, policy's, park unit's or question's id */
    ref_id: number
    title: string
    title_segments: Segment[]
    snippet: Segment[]
    /** epoch ms */
    updated_at: number
  }

  export interface Response {
    q: string
    /** the kinds searched */
    kinds: (Kind | string)[]
    items: Hit[]
    /** there were more hits than `limit`: a narrower word finds them */
    more: boolean
  }
}

export const SEARCH_KINDS: SearchApi.Kind[] = ['article', 'policy', 'park', 'qa']
export const SEARCH_LIMITS = { q: 50, limit: 50 } as const

/** Permission `guide.read`. `kinds` empty = every kind. */
export const searchAll = (q: string, kinds: readonly SearchApi.Kind[], limit: number, opts?: RequestOptions) =>
  http.get<SearchApi.Response>('/search', {
    ...opts,
    query: { q, kinds: kinds.length ? kinds.join(',') : undefined, limit },
  })
