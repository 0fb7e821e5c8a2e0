// Park fit (docs/api.md "Matching"): reason codes → sentences, the ranked / excluded split and
// score colours. Pure functions; the caller passes its translator (vue-i18n `t` and `te`).
import type { MatchingApi } from '@/api/matching'

export type Translate = (key: string, params?: Record<string, unknown>) => string
export type Exists = (key: string) => boolean

/** Params that are quantities (`*_wan`, `*_mu`, `*_m2`, `*_kva`): read as numbers even when sent as text. */
const QUANTITY = /_(wan|mu|m2|kva)$/

/**
 * A reason parameter as read: quantities grouped with up to 2 decimals ("1,234.5"); codes and names
 * exactly as sent (a GB code "3841" stays "3841").
 */
export function formatParam(v: unknown, key = 'value_wan'): string {
  if (!QUANTITY.test(key)) return v === null || v === undefined ? '' : String(v)
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return ''
    const r = Math.round(v * 100) / 100
    const [int, frac] = Math.abs(r).toFixed(2).split('.')
    const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
    const f = frac.replace(/0+$/, '')
    return `${r < 0 ? '-' : ''}${grouped}${f ? `.${f}` : ''}`
  }
  if (typeof v === 'string') {
    // amounts may arrive as decimal text ("300.00"): read them like numbers
    if (/^-?\d+(\.\d+)?$/.test(v.trim())) return formatParam(Number(v), key)
    return v
  }
  if (v === null || v === undefined) return ''
  return String(v)
}

/** The sentence of one reason (`fit.<code>` with its params), never a bare code. */
export function reasonText(t: Translate, te: Exists, r: MatchingApi.Reason): string {
  const params: Record<string, string> = {}
  for (const [k, v] of Object.entries(r.params ?? {})) params[k] = formatParam(v, k)
  let key = `fit.${r.code}`
  if (r.code === 'redline' && !params.note?.trim()) key = 'fit.redline_plain'
  if (!te(key)) return t('fit.unknown', { code: r.code })
  // a parameter the sentence names but the server left out reads as empty
  return t(key, params).replace(/\s+/g, ' ').trim()
}

/** Not excluded parks in the server's order (score desc), and the excluded ones apart. */
export function splitFits(items: readonly MatchingApi.Fit[]): { ranked: MatchingApi.Fit[]; excluded: MatchingApi.Fit[] } {
  return { ranked: items.filter((f) => !f.excluded), excluded: items.filter((f) => f.excluded) }
}

/** A component score 0.0–1.0 as a whole percentage. */
export const componentPercent = (c: Pick<MatchingApi.Component, 'score'>): number =>
  Math.max(0, Math.min(100, Math.round((c.score ?? 0) * 100)))

/** Colour band of a 0–100 fit score (bars and tags). */
export function scoreLevel(score: number): 'high' | 'mid' | 'low' {
  if (score >= 75) return 'high'
  if (score >= 50) return 'mid'
  return 'low'
}

export const SCORE_COLORS = { high: '#16a34a', mid: '#d97706', low: '#9ca3af' } as const
export const scoreColor = (score: number): string => SCORE_COLORS[scoreLevel(score)]

/** Each weight's share of the total as whole percentages (for the weights card); all 0 → all 0. */
export function weightShares(w: Record<MatchingApi.ComponentKey, number | null>): Record<MatchingApi.ComponentKey, number> {
  const keys = Object.keys(w) as MatchingApi.ComponentKey[]
  const total = keys.reduce((s, k) => s + (w[k] ?? 0), 0)
  return Object.fromEntries(keys.map((k) => [k, total > 0 ? Math.round(((w[k] ?? 0) * 100) / total) : 0])) as Record<
    MatchingApi.ComponentKey,
    number
  >
}

/** The weights form check: integers 0–100, at least one above 0. Returns field → reason. */
export function validateWeights(
  w: Record<MatchingApi.ComponentKey, number | null>,
): Partial<Record<MatchingApi.ComponentKey | 'all', 'required' | 'invalid_value' | 'all_zero'>> {
  const bad: Partial<Record<MatchingApi.ComponentKey | 'all', 'required' | 'invalid_value' | 'all_zero'>> = {}
  let any = false
  for (const [k, v] of Object.entries(w) as [MatchingApi.ComponentKey, number | null][]) {
    if (v === null || v === undefined || Number.isNaN(v)) bad[k] = 'required'
    else if (!Number.isInteger(v) || v < 0 || v > 100) bad[k] = 'invalid_value'
    else if (v > 0) any = true
  }
  if (!any && !Object.keys(bad).length) bad.all = 'all_zero'
  return bad
}
