// The policy form ⇄ the body of POST/PUT, the browser's own checks, the field messages, and the lead
// form's facts for the policy preview.
import { describe, expect, it } from 'vitest'
import { i18n } from '@/locales'
import type { PolicyApi } from '@/api/policies'
import { emptyGrant, emptyPolicyForm, FIELDS, fieldErrorKey, formOfPolicy, formValues, localProblems, policyBody } from './policyForm'
import { leadFacts } from './policyPreview'
import { emptyProjectForm } from '@/views/projects/projectForm'

const POLICY: PolicyApi.Policy = {
  id: 1,
  title: '安庆市支持新能源汽车产业高质量发展若干政策',
  issuer: '安庆市人民政府',
  doc_number: '庆政〔2026〕8号',
  level: 'city',
  effective_from: '2026-01-01',
  expires_on: null,
  state: 'current',
  owner_unit_id: 4,
  owner_unit_name: '安庆市经济和信息化局',
  conditions: {
    industry_codes: ['3612', '384'],
    min_investment_yuan: 100_000_000,
    land: 'needs_land',
    location_unit_ids: [11],
    foreign: 'any',
  },
  grants: [{ kind: 'subsidy', rate_pct: 10, cap_yuan: 50_000_000, text: '按设备投资额的10%给予补助' }],
  summary: '对新落户的新能源汽车项目给予补助',
  repealed: false,
  updated_at: 0,
  version: 3,
  capabilities: { edit: true },
  source_text: '第一条\n第二条',
}

describe('policy form', () => {
  it('sends what the form holds: trimmed, an empty end date as null, no owner when left to the server', () => {
    const f = emptyPolicyForm()
    Object.assign(f, {
      title: '  大观区技改补助  ',
      issuer: '大观区人民政府 ',
      level: 'district',
      effective_from: '2026-05-01',
      expires_on: null,
      min_investment_yuan: 20_000_000,
      industry_codes: ['C'],
      grants: [{ ...emptyGrant(), rate_pct: 10, cap_yuan: 5_000_000, text: ' 按技改设备投资的10%给予补助 ' }],
    })
    expect(policyBody(f)).toEqual({
      title: '大观区技改补助',
      issuer: '大观区人民政府',
      doc_number: '',
      level: 'district',
      effective_from: '2026-05-01',
      expires_on: null,
      summary: '',
      source_text: '',
      repealed: false,
      conditions: { industry_codes: ['C'], min_investment_yuan: 20_000_000, land: 'any', location_unit_ids: [], foreign: 'any' },
      grants: [{ kind: 'subsidy', rate_pct: 10, cap_yuan: 5_000_000, text: '按技改设备投资的10%给予补助' }],
    })
    f.owner_unit_id = 18
    expect(policyBody(f).owner_unit_id).toBe(18)
  })

  it('reads a loaded policy back into the same body', () => {
    const b = policyBody(formOfPolicy(POLICY))
    expect(b).toMatchObject({
      title: POLICY.title,
      level: 'city',
      expires_on: null,
      owner_unit_id: 4,
      source_text: '第一条\n第二条',
      conditions: POLICY.conditions,
      grants: POLICY.grants,
    })
  })

  it('checks what the browser can before sending', () => {
    const f = emptyPolicyForm()
    expect(localProblems(f)).toEqual({ title: 'required', issuer: 'required', level: 'required', effective_from: 'required' })
    Object.assign(f, { title: 'a', issuer: 'b', level: 'city', effective_from: '2026-01-01' })
    expect(localProblems(f)).toEqual({})
    f.grants = [
      { ...emptyGrant(), rate_pct: 120 },
      { ...emptyGrant(), capInvalid: true },
    ]
    f.minInvestmentInvalid = true
    expect(localProblems(f)).toEqual({
      'grants.0.rate_pct': 'invalid_value',
      'grants.1.cap_yuan': 'not_a_number',
      'conditions.min_investment_yuan': 'not_a_number',
    })
  })

  it('has a sentence for every field reason the server names, a grant’s whatever its row', () => {
    const te = (k: string) => i18n.global.te(k, 'zh-CN')
    const t = (k: string) => i18n.global.t(k, {}, { locale: 'zh-CN' })
    const cases: [string, string, string][] = [
      ['title', 'required', '请填写政策名称'],
      ['issuer', 'required', '请填写发文机关'],
      ['level', 'invalid_value', '请选择政策层级'],
      ['effective_from', 'invalid_value', '生效日期无效，请按“年-月-日”填写'],
      ['expires_on', 'invalid_value', '失效日期无效，请按“年-月-日”填写'],
      ['expires_on', 'before_start', '失效日期不能早于生效日期'],
      ['owner_unit_id', 'not_found', '所选维护单位不存在'],
      ['conditions.industry_codes', 'not_found', '所选行业代码不存在'],
      ['conditions.location_unit_ids', 'not_found', '所选落地地区不存在'],
      ['conditions.min_investment_yuan', 'invalid_value', '投资额下限须大于 0'],
      ['conditions.land', 'invalid_value', '请选择用地条件'],
      ['conditions.foreign', 'invalid_value', '请选择内外资条件'],
      ['grants', 'too_many', '支持内容最多 20 项'],
      ['grants.0.kind', 'invalid_value', '请选择支持类型'],
      ['grants.7.rate_pct', 'invalid_value', '比例须为 1–100 的整数'],
      ['grants.19.cap_yuan', 'invalid_value', '最高金额须大于 0'],
    ]
    for (const [field, reason, words] of cases) {
      expect(FIELDS, field).toContain(field)
      const key = fieldErrorKey(field, reason, te)
      expect(key, `${field} ${reason}`).not.toBeNull()
      expect(t(key!)).toBe(words)
      expect(i18n.global.te(key!, 'en'), `${key} in English`).toBe(true)
    }
    // A reason this form has no sentence for reads as the generic one (useFieldErrors).
    expect(fieldErrorKey('title', 'too_long', te)).toBeNull()
  })

  it('lets a changed start date settle the end date’s message', () => {
    const f = emptyPolicyForm()
    const before = JSON.stringify(formValues(f).expires_on)
    f.effective_from = '2026-05-01'
    expect(JSON.stringify(formValues(f).expires_on)).not.toBe(before)
  })
})

describe('the lead form’s facts for the policy preview', () => {
  it('waits for the industry or the investment', () => {
    const f = emptyProjectForm()
    expect(leadFacts(f)).toBeNull()
    f.land_mu_x100 = 2000
    expect(leadFacts(f)).toBeNull()
    f.total_investment_yuan = 30_000_000
    expect(leadFacts(f)).toEqual({ foreign: false, total_investment_yuan: 30_000_000, land_mu_x100: 2000 })
    f.industry_code = '3841'
    f.preferred_unit_id = 11
    f.foreign = true
    expect(leadFacts(f)).toEqual({
      foreign: true,
      industry_code: '3841',
      total_investment_yuan: 30_000_000,
      land_mu_x100: 2000,
      preferred_unit_id: 11,
    })
  })
})
