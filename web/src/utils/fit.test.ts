import { beforeEach, describe, expect, it } from 'vitest'
import { i18n, setLocale } from '@/locales'
import zhFit from '@/locales/zh-CN/fit'
import enFit from '@/locales/en/fit'
import { componentPercent, formatParam, reasonText, scoreLevel, splitFits, validateWeights, weightShares } from './fit'
import type { MatchingApi } from '@/api/matching'

const t = (k: string, p?: Record<string, unknown>) => i18n.global.t(k, p ?? {})
const te = (k: string) => i18n.global.te(k)
const say = (code: string, params: Record<string, string | number> = {}) => reasonText(t, te, { code, params })

// Every reason code of the table in docs/api.md "Matching", with the params it carries.
const CODES: Record<string, Record<string, string | number>> = {
  industry_same_code: { code: '3841', name: '锂离子电池制造' },
  industry_chain_node: { node: '动力电池' },
  industry_leading: { industry: '新能源汽车' },
  industry_same_division: { division: '38', name: '电气机械和器材制造业' },
  industry_same_section: { section: 'C', name: '制造业' },
  industry_none: {},
  industry_unknown: {},
  carrier_no_need: {},
  land_fits: { carrier: 'A-03 地块', area_mu: 120, need_mu: 80.5 },
  land_short: { largest_mu: 60, need_mu: 80.5 },
  land_none: { need_mu: 80.5 },
  land_unknown: { need_mu: 80.5 },
  factory_fits: { carrier: '5 号厂房', area_m2: 12000, need_m2: 8000 },
  factory_short: { largest_m2: 5000, need_m2: 8000 },
  factory_none: { need_m2: 8000 },
  factory_unknown: { need_m2: 8000 },
  threshold_no_land: {},
  threshold_unknown: {},
  intensity_ok: { value_wan: 450.25, min_wan: 300 },
  intensity_low: { value_wan: 120, min_wan: 300 },
  tax_ok: { value_wan: 30, min_wan: 15 },
  tax_low: { value_wan: 8, min_wan: 15 },
  output_ok: { value_wan: 500, min_wan: 300 },
  output_low: { value_wan: 100, min_wan: 300 },
  power_no_need: {},
  power_ok: { need_kva: 5000, capacity_kva: 80000 },
  power_short: { need_kva: 90000, capacity_kva: 80000 },
  power_unknown: { need_kva: 5000 },
  excluded_industry: { code: '2511', name: '原油加工及石油制品制造' },
  redline: { code: '2611', name: '无机酸制造', note: '不再新增高耗能项目' },
}

describe('fit reason wording', () => {
  beforeEach(() => setLocale('zh-CN'))

  it('has a sentence for every reason code of the contract in both languages', () => {
    for (const code of Object.keys(CODES)) {
      expect(zhFit, code).toHaveProperty(code)
      expect(enFit, code).toHaveProperty(code)
    }
  })

  it('words each reason with its params in Chinese, never leaving a placeholder', () => {
    for (const [code, params] of Object.entries(CODES)) {
      const s = say(code, params)
      expect(s, code).not.toMatch(/[{}]/)
      expect(s, code).not.toBe(code)
      for (const [k, v] of Object.entries(params)) expect(s, `${code} shows ${v}`).toContain(formatParam(v, k))
    }
    expect(say('land_fits', CODES.land_fits)).toBe('可用地块“A-03 地块”120 亩，满足用地需求 80.5 亩')
    expect(say('intensity_low', CODES.intensity_low)).toBe('投资强度 120 万元/亩，低于园区下限 300 万元/亩')
    expect(say('industry_same_code', CODES.industry_same_code)).toBe('项目行业属于园区目标产业 3841 锂离子电池制造')
  })

  it('words each reason in English too', () => {
    setLocale('en')
    for (const [code, params] of Object.entries(CODES)) {
      const s = say(code, params)
      expect(s, code).not.toMatch(/[{}]/)
      expect(s).toMatch(/[A-Za-z]/)
    }
    expect(say('power_short', CODES.power_short)).toBe('Power need 90,000 kVA exceeds the park’s spare capacity of 80,000 kVA')
    expect(say('tax_low', { value_wan: '8.5', min_wan: 15 })).toBe('Tax per mu 8.5 (10k CNY/mu/year) is below the park’s minimum of 15')
  })

  it('drops the colon of a red line without a note, and names unknown codes plainly', () => {
    expect(say('redline', { code: '2611', name: '无机酸制造', note: '' })).toBe('项目行业 2611 无机酸制造 触及园区能耗/环保红线')
    expect(say('redline', CODES.redline)).toBe('项目行业 2611 无机酸制造 触及园区能耗/环保红线：不再新增高耗能项目')
    expect(say('something_new')).toBe('匹配说明：something_new')
  })

  it('formats numbers with grouping and at most 2 decimals', () => {
    expect(formatParam(1234567.891)).toBe('1,234,567.89')
    expect(formatParam(80.5)).toBe('80.5')
    expect(formatParam(300)).toBe('300')
    expect(formatParam('300.00')).toBe('300')
    expect(formatParam('A-03', 'carrier')).toBe('A-03')
    expect(formatParam('3841', 'code')).toBe('3841')
    expect(formatParam(3841, 'code')).toBe('3841')
    expect(formatParam(12000, 'area_m2')).toBe('12,000')
  })
})

describe('fit lists', () => {
  const fit = (id: number, score: number, excluded = false): MatchingApi.Fit => ({
    unit_id: id,
    unit_name: `P${id}`,
    score,
    excluded,
    components: [],
    exclusions: [],
  })

  it('keeps the ranked order and puts excluded parks apart', () => {
    const { ranked, excluded } = splitFits([fit(1, 90), fit(2, 70), fit(3, 95, true), fit(4, 10)])
    expect(ranked.map((f) => f.unit_id)).toEqual([1, 2, 4])
    expect(excluded.map((f) => f.unit_id)).toEqual([3])
  })

  it('reads component scores as percentages and bands scores by colour', () => {
    expect(componentPercent({ score: 0.876 })).toBe(88)
    expect(componentPercent({ score: 1.2 })).toBe(100)
    expect([scoreLevel(80), scoreLevel(50), scoreLevel(49)]).toEqual(['high', 'mid', 'low'])
  })

  it('shows weight shares and checks the weights form', () => {
    expect(weightShares({ industry: 40, carrier: 25, threshold: 25, utility: 10 })).toEqual({
      industry: 40,
      carrier: 25,
      threshold: 25,
      utility: 10,
    })
    expect(weightShares({ industry: 1, carrier: 1, threshold: 0, utility: 0 })).toEqual({
      industry: 50,
      carrier: 50,
      threshold: 0,
      utility: 0,
    })
    expect(validateWeights({ industry: 40, carrier: 25, threshold: 25, utility: 10 })).toEqual({})
    expect(validateWeights({ industry: 0, carrier: 0, threshold: 0, utility: 0 })).toEqual({ all: 'all_zero' })
    expect(validateWeights({ industry: null, carrier: 101, threshold: 2.5, utility: 1 })).toEqual({
      industry: 'required',
      carrier: 'invalid_value',
      threshold: 'invalid_value',
    })
  })
})
