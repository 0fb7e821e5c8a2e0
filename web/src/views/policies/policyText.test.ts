// The matcher's reasons in words (both languages, every code of docs/api.md), state tags, a grant in
// one line, the period, and the split into matches and near misses.
import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '@/locales'
import type { PolicyApi } from '@/api/policies'
import { formatMu, formatWanNumber } from '@/utils/money'
import { daysUntil, grantText, inForce, periodText, reasonText, splitMatches, stateTagType, type ReasonContext } from './policyText'

const NAMES: Record<string, string> = { C: '制造业', '384': '电池制造', '3612': '新能源车整车制造', '3841': '锂离子电池制造' }
const UNITS: Record<number, string> = { 11: '安庆经济技术开发区', 13: '安庆高新技术产业开发区' }

function ctx(locale: 'zh-CN' | 'en'): ReasonContext {
  const t = i18n.global.t
  return {
    industry: (c) => (NAMES[c] ? `${c} ${NAMES[c]}` : c),
    unit: (id) => UNITS[id],
    money: (y) => t('pipeline.units.wanAmount', { n: formatWanNumber(y) }),
    mu: (x) => formatMu(x),
    list: (names) => names.join(locale === 'en' ? ', ' : '、'),
    state: (s) => t(`policies.states.${s}`),
  }
}

const at = (location_unit_ids: number[]) => ({
  conditions: { industry_codes: [], min_investment_yuan: null, land: 'any', location_unit_ids, foreign: 'any' },
})

function say(r: PolicyApi.Reason, locations: number[] = [], locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  i18n.global.locale.value = locale
  return reasonText(i18n.global.t, i18n.global.te, r, at(locations), ctx(locale))
}

afterEach(() => {
  i18n.global.locale.value = 'zh-CN'
})

describe('reasons in words', () => {
  it('says what is missing, with the figures and names', () => {
    expect(say({ code: 'investment_below', params: { min_yuan: 50_000_000, have_yuan: 30_000_000 } })).toBe(
      '投资额须达 5,000 万元（本项目 3,000 万元）',
    )
    expect(say({ code: 'located_outside', params: {} }, [11])).toBe('需在安庆经济技术开发区落地')
    expect(say({ code: 'located_outside', params: {} }, [11, 13])).toBe('需在安庆经济技术开发区、安庆高新技术产业开发区落地')
    expect(say({ code: 'location_unknown', params: {} }, [11])).toBe('需在安庆经济技术开发区落地（项目尚未确定落地园区）')
    expect(say({ code: 'industry_outside', params: { codes: '3612,3670,384' } })).toBe(
      '行业不符：限 3612 新能源车整车制造、3670、384 电池制造',
    )
    expect(say({ code: 'needs_land', params: {} })).toBe('须有新增用地')
    expect(say({ code: 'new_land_used', params: { mu_x100: 2900 } })).toBe('限不新增用地（本项目用地 29 亩）')
    expect(say({ code: 'foreign_required', params: {} })).toBe('限外资项目')
    expect(say({ code: 'domestic_required', params: {} })).toBe('限内资项目')
    expect(say({ code: 'not_in_force', params: { state: 'expired' } })).toBe('政策已失效')
    expect(say({ code: 'not_in_force', params: { state: 'upcoming' } })).toBe('政策未生效')
  })

  it('says what is met', () => {
    expect(say({ code: 'industry_in', params: { code: 'C' } })).toBe('行业符合：C 制造业')
    expect(say({ code: 'investment_met', params: { min_yuan: 100_000_000 } })).toBe('投资额达到 10,000 万元')
    expect(say({ code: 'uses_land', params: { mu_x100: 12_550 } })).toBe('有新增用地 125.5 亩')
    expect(say({ code: 'no_new_land', params: {} })).toBe('不新增用地')
    expect(say({ code: 'located_in', params: { unit_id: 11 } })).toBe('在安庆经济技术开发区落地')
    expect(say({ code: 'foreign', params: {} })).toBe('外资项目')
    expect(say({ code: 'domestic', params: {} })).toBe('内资项目')
  })

  it('still reads as a sentence without the unit names, and never shows a code it does not know', () => {
    expect(say({ code: 'located_outside', params: {} }, [99])).toBe('需在政策限定的地区落地')
    expect(say({ code: 'located_in', params: { unit_id: 99 } })).toBe('落地地区符合')
    const odd = say({ code: 'patent_count_below', params: {} })
    expect(odd).not.toContain('patent')
    expect(odd).toBe('另有一项条件（请查看政策详情）')
  })

  it('has words for every code in English too, without codes or Chinese', () => {
    const codes: PolicyApi.Reason[] = [
      { code: 'industry_in', params: { code: '3841' } },
      { code: 'investment_met', params: { min_yuan: 10_000_000 } },
      { code: 'uses_land', params: { mu_x100: 100 } },
      { code: 'no_new_land', params: {} },
      { code: 'located_in', params: { unit_id: 11 } },
      { code: 'foreign', params: {} },
      { code: 'domestic', params: {} },
      { code: 'industry_outside', params: { codes: '3612' } },
      { code: 'investment_below', params: { min_yuan: 50_000_000, have_yuan: 30_000_000 } },
      { code: 'needs_land', params: {} },
      { code: 'new_land_used', params: { mu_x100: 100 } },
      { code: 'located_outside', params: {} },
      { code: 'location_unknown', params: {} },
      { code: 'foreign_required', params: {} },
      { code: 'domestic_required', params: {} },
      { code: 'not_in_force', params: { state: 'expired' } },
    ]
    for (const r of codes) {
      // English: the lookups give English names (no unit names → the plain sentences)
      i18n.global.locale.value = 'en'
      const text = reasonText(i18n.global.t, i18n.global.te, r, at([]), { ...ctx('en'), industry: (c) => c, unit: () => undefined })
      expect(text, r.code).not.toMatch(/[a-z]+_[a-z]+/)
      expect(text, r.code).not.toMatch(/[\u4e00-\u9fff]/)
      expect(text.length, r.code).toBeGreaterThan(3)
    }
    expect(say({ code: 'investment_below', params: { min_yuan: 50_000_000, have_yuan: 30_000_000 } }, [], 'en')).toBe(
      'Investment must reach 5,000 × 10k CNY (this project: 3,000 × 10k CNY)',
    )
  })
})

describe('states, grants and periods', () => {
  it('colours 即将到期 warning, out of force grey, repealed red', () => {
    expect(stateTagType('current')).toBe('success')
    expect(stateTagType('expiring')).toBe('warning')
    expect(stateTagType('expired')).toBe('info')
    expect(stateTagType('upcoming')).toBe('primary')
    expect(stateTagType('repealed')).toBe('danger')
    expect(stateTagType('something_new')).toBe('info')
    expect(inForce('expiring')).toBe(true)
    expect(inForce('upcoming')).toBe(false)
  })

  it('words a grant with its rate and cap in 万元', () => {
    const t = i18n.global.t
    const kind = (k: string) => t(`policies.grantKinds.${k}`)
    const money = (y: number) => t('pipeline.units.wanAmount', { n: formatWanNumber(y) })
    expect(grantText(t, { kind: 'subsidy', rate_pct: 10, cap_yuan: 50_000_000, text: '按设备投资额的10%给予补助' }, kind, money)).toBe(
      '资金补贴 · 比例 10% · 最高 5,000 万元：按设备投资额的10%给予补助',
    )
    expect(grantText(t, { kind: 'land_price', rate_pct: null, cap_yuan: null, text: '' }, kind, money)).toBe('土地价格')
  })

  it('says the period, open-ended too', () => {
    const t = i18n.global.t
    expect(periodText(t, { effective_from: '2026-01-01', expires_on: '2028-12-31' })).toBe('2026-01-01 至 2028-12-31')
    expect(periodText(t, { effective_from: '2026-01-01', expires_on: null })).toBe('2026-01-01 起长期有效')
    expect(daysUntil('2027-01-15', '2026-12-01')).toBe(45)
    expect(daysUntil('2026-11-01', '2026-12-01')).toBe(-30)
    expect(daysUntil(null, '2026-12-01')).toBeNull()
  })

  it('splits matches from near misses, each in the server’s order', () => {
    const items = [
      { id: 2, fit: 'match' },
      { id: 5, fit: 'near_miss' },
      { id: 1, fit: 'match' },
      { id: 4, fit: 'near_miss' },
    ]
    const { matches, nearMisses } = splitMatches(items)
    expect(matches.map((m) => m.id)).toEqual([2, 1])
    expect(nearMisses.map((m) => m.id)).toEqual([5, 4])
  })
})
