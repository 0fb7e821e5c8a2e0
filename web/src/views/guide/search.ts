// 全文搜索: what the page does with the server's hits — segments cleaned for display, and where each
// hit opens (an article, a policy's page, a park's card, a front-line question).
import type { RouteLocationRaw } from 'vue-router'
import { SEARCH_KINDS, SEARCH_LIMITS, type SearchApi } from '@/api/search'

/** Adjacent segments of the same kind joined, empty ones dropped (fewer <mark>s, the same text). */
export function joinSegments(segments: readonly SearchApi.Segment[] | null | undefined): SearchApi.Segment[] {
  const out: SearchApi.Segment[] = []
  for (const s of segments ?? []) {
    if (!s.text) continue
    const last = out[out.length - 1]
    if (last && last.hit === !!s.hit) last.text += s.text
    else out.push({ text: s.text, hit: !!s.hit })
  }
  return out
}

/** Where a hit opens; null for a kind the app has no page for. */
export function hitRoute(hit: Pick<SearchApi.Hit, 'kind' | 'ref_id'>): RouteLocationRaw | null {
  const id = hit.ref_id
  if (!Number.isInteger(id) || id <= 0) return null
  switch (hit.kind) {
    case 'article':
      return { name: 'guide-article', params: { id } }
    case 'policy':
      return { name: 'policy-detail', params: { id } }
    case 'park':
      return { name: 'park-card', params: { id } }
    case 'qa':
      return { name: 'guide-question', params: { id } }
    default:
      return null
  }
}

/** The kind filter from the address (?kind=policy): one known kind, else '' (every kind). */
export function kindOf(v: unknown): SearchApi.Kind | '' {
  return SEARCH_KINDS.includes(v as SearchApi.Kind) ? (v as SearchApi.Kind) : ''
}

/** The word from the address, as the box takes it (at most the server's length). */
export function queryOf(v: unknown): string {
  return typeof v === 'string' ? [...v].slice(0, SEARCH_LIMITS.q).join('') : ''
}
