// 政策库 in words: state tags, the matcher's reasons as sentences, a grant in one line, the period.
// Pure functions; the caller hands over its translator and the lookups (industry and unit names,
// money in 万元), so the words are tested without Vue.
import type { PolicyApi } from '@/api/policies'

export type Translate = (key: string, params?: Record<string, unknown>) => string
export type Exists = (key: string) => boolean

/** Element Plus tag type of a state: 即将到期 in warning colour, out of force grey, repealed red. */
export function stateTagType(state: string): 'success' | 'warning' | 'info' | 'danger' | 'primary' {
  switch (state) {
    case 'current':
      return 'success'
    case 'expiring':
      return 'warning'
    case 'upcoming':
      return 'primary'
    case 'repealed':
      return 'danger'
    default:
      return 'info' // expired, and anything this client does not know
  }
}

/** Whether the policy can be claimed today (its grants apply). */
export const inForce = (state: string): boolean => state === 'current' || state === 'expiring'

/** The lookups a reason's sentence needs. */
export interface ReasonContext {
  /** "3612 新能源车整车制造" (the bare code while the list loads) */
  industry: (code: string) => string
  /** a unit's name, undefined when unknown (no org.read, still loading) */
  unit: (id: number) => string | undefined
  /** integer yuan → "5,000 万元" */
  money: (yuan: number) => string
  /** land_mu_x100 → "29" (亩 number) */
  mu: (x100: number) => string
  /** several names as one phrase ("A、B" / "A, B") */
  list: (names: string[]) => string
  /** a state code in words (not_in_force) */
  state: (s: string) => string
}

const num = (v: unknown): number | null => {
  if (typeof v === 'number' && Number.isFinite(v)) return v
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v)
  return null
}

/** The names of the policy's location units that are known ([] when none is). */
function locationNames(p: Pick<PolicyApi.Policy, 'conditions'>, ctx: ReasonContext): string[] {
  return (p.conditions?.location_unit_ids ?? []).map((id) => ctx.unit(id)).filter((n): n is string => !!n)
}

/**
 * One reason of the matcher as a sentence (`policies.reasons.<code>`), e.g. 「投资额须达 5,000 万元（本项目
 * 3,000 万元）」 or 「需在安庆经济技术开发区落地」; never a bare code. `p` is the policy it belongs to (its
 * location condition names the units a `located_outside` reason leaves out).
 */
export function reasonText(
  t: Translate,
  te: Exists,
  r: PolicyApi.Reason,
  p: Pick<PolicyApi.Policy, 'conditions'>,
  ctx: ReasonContext,
): string {
  const params = r.params ?? {}
  const say = (key: string, values: Record<string, unknown> = {}) => t(`policies.reasons.${key}`, values)
  const money = (v: unknown) => {
    const n = num(v)
    return n === null ? '' : ctx.money(n)
  }
  const mu = (v: unknown) => {
    const n = num(v)
    return n === null ? '' : ctx.mu(n)
  }
  switch (r.code) {
    case 'industry_in':
      return say('industry_in', { industry: ctx.industry(String(params.code ?? '')) })
    case 'industry_outside': {
      const codes = String(params.codes ?? '')
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean)
      return say('industry_outside', { industries: ctx.list(codes.map(ctx.industry)) })
    }
    case 'investment_met':
      return say('investment_met', { min: money(params.min_yuan) })
    case 'investment_below':
      return say('investment_below', { min: money(params.min_yuan), have: money(params.have_yuan) })
    case 'uses_land':
      return say('uses_land', { mu: mu(params.mu_x100) })
    case 'new_land_used':
      return say('new_land_used', { mu: mu(params.mu_x100) })
    case 'located_in': {
      const id = num(params.unit_id)
      const name = id === null ? undefined : ctx.unit(id)
      return name ? say('located_in', { unit: name }) : say('located_in_plain')
    }
    case 'located_outside':
    case 'location_unknown': {
      const names = locationNames(p, ctx)
      return names.length ? say(r.code, { units: ctx.list(names) }) : say(`${r.code}_plain`)
    }
    case 'not_in_force':
      return say('not_in_force', { state: ctx.state(String(params.state ?? '')) })
    default:
      // no_new_land, needs_land, foreign, domestic, foreign_required, domestic_required: no figures
      return te(`policies.reasons.${r.code}`) ? say(r.code) : say('unknown')
  }
}

/** A grant in one line: 「资金补贴 · 比例 10% · 最高 5,000 万元：按设备投资额的10%给予补助」. */
export function grantText(t: Translate, g: PolicyApi.Grant, kind: (k: string) => string, money: (yuan: number) => string): string {
  const parts = [kind(g.kind)]
  if (g.rate_pct !== null && g.rate_pct !== undefined) parts.push(t('policies.grant.rate', { pct: g.rate_pct }))
  if (g.cap_yuan !== null && g.cap_yuan !== undefined) parts.push(t('policies.grant.cap', { amount: money(g.cap_yuan) }))
  const head = parts.join(' · ')
  return g.text ? `${head}${t('common.labels.colon')}${g.text}` : head
}

/** 2026-01-01 至 2028-12-31, or 2026-01-01 起长期有效. */
export function periodText(t: Translate, p: Pick<PolicyApi.Policy, 'effective_from' | 'expires_on'>): string {
  return p.expires_on
    ? t('policies.period.range', { from: p.effective_from, to: p.expires_on })
    : t('policies.period.open', { from: p.effective_from })
}

/** Days from `today` (YYYY-MM-DD) to `date`, by calendar dates (negative when past); null for a malformed date. */
export function daysUntil(date: string | null | undefined, today: string): number | null {
  const iso = /^\d{4}-\d{2}-\d{2}$/
  if (!date || !iso.test(date) || !iso.test(today)) return null
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000)
}

/** The matched policies and those one condition short, each in the server's order. */
export function splitMatches<T extends Pick<PolicyApi.Matched, 'fit'>>(items: readonly T[]): { matches: T[]; nearMisses: T[] } {
  return { matches: items.filter((i) => i.fit === 'match'), nearMisses: items.filter((i) => i.fit === 'near_miss') }
}
