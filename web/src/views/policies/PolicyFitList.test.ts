// 可享政策 on the project page: matches with the conditions met in words, near misses with what is
// missing, the tab's count; and the lead form's preview: nothing asked until the industry or the
// investment is filled, then 「N 项可享政策」.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { reactive, type Component } from 'vue'
import { i18n } from '@/locales'
import type { PolicyApi } from '@/api/policies'
import { emptyProjectForm } from '@/views/projects/projectForm'

vi.mock('@/api/policies', async (orig) => ({
  ...(await orig<typeof import('@/api/policies')>()),
  getProjectPolicies: vi.fn(),
  matchPolicies: vi.fn(),
}))
vi.mock('@/api/org', async (orig) => ({ ...(await orig<typeof import('@/api/org')>()), listUnits: vi.fn(async () => ({ items: [] })) }))
vi.mock('@/api/catalog', async (orig) => ({
  ...(await orig<typeof import('@/api/catalog')>()),
  listIndustriesIfChanged: vi.fn(async () => null),
}))

import { getProjectPolicies, matchPolicies } from '@/api/policies'
import { useAuthStore } from '@/stores/auth'
import ProjectPolicies from './ProjectPolicies.vue'
import PolicyPreview from './PolicyPreview.vue'

const ofProject = getProjectPolicies as unknown as ReturnType<typeof vi.fn>
const match = matchPolicies as unknown as ReturnType<typeof vi.fn>

function matched(id: number, fit: 'match' | 'near_miss', over: Partial<PolicyApi.Matched> = {}): PolicyApi.Matched {
  return {
    id,
    title: `政策${id}`,
    issuer: '安庆市人民政府',
    doc_number: '',
    level: 'city',
    effective_from: '2026-01-01',
    expires_on: null,
    state: 'current',
    owner_unit_id: 2,
    owner_unit_name: '安庆市投资促进局',
    conditions: { industry_codes: [], min_investment_yuan: null, land: 'any', location_unit_ids: [], foreign: 'any' },
    grants: [],
    summary: '',
    repealed: false,
    updated_at: 0,
    version: 1,
    fit,
    met: [],
    missing: [],
    ...over,
  }
}

const ANSWER: PolicyApi.MatchResponse = {
  items: [
    matched(2, 'match', {
      title: '安徽省制造业高质量发展专项资金管理办法',
      level: 'provincial',
      grants: [{ kind: 'subsidy', rate_pct: 8, cap_yuan: 20_000_000, text: '' }],
      met: [{ code: 'investment_met', params: { min_yuan: 50_000_000 } }],
    }),
    matched(6, 'match', { title: '安庆市产业人才安居办法' }),
    matched(3, 'near_miss', {
      title: '安庆经济技术开发区标准化厂房租金减免办法',
      level: 'park',
      conditions: { industry_codes: ['C'], min_investment_yuan: null, land: 'any', location_unit_ids: [11], foreign: 'any' },
      met: [{ code: 'industry_in', params: { code: 'C' } }],
      missing: [{ code: 'located_outside', params: {} }],
    }),
    matched(5, 'near_miss', { missing: [{ code: 'investment_below', params: { min_yuan: 50_000_000, have_yuan: 30_000_000 } }] }),
  ],
  matches: 2,
  near_misses: 2,
}

function mountWith(component: unknown, props: Record<string, unknown>): VueWrapper {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().user = { permissions: ['policy.read', 'project.read'] } as never
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div/>' } }] })
  const options = { props, global: { plugins: [ElementPlus, i18n, router, pinia] }, attachTo: document.body }
  return mount(component as Component, options as never) as VueWrapper
}

describe('可享政策 on the project page', () => {
  beforeEach(() => ofProject.mockReset())
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('lists the matches with their conditions met and the near misses with what is missing', async () => {
    ofProject.mockResolvedValue(ANSWER)
    const w = mountWith(ProjectPolicies, {
      projectId: 1,
      version: 4,
      unitName: (id: number) => (id === 11 ? '安庆经济技术开发区' : undefined),
    })
    await flushPromises()
    expect(ofProject).toHaveBeenCalledWith(1, { silent: true })
    expect(w.emitted('count')).toEqual([[2]])
    const matches = w.findAll('[data-testid="policy-match"]')
    expect(matches.map((m) => m.find('[data-testid="policy-fit-title"]').text())).toEqual([
      '安徽省制造业高质量发展专项资金管理办法',
      '安庆市产业人才安居办法',
    ])
    expect(matches[0].find('[data-testid="policy-met"]').text()).toBe('投资额达到 5,000 万元')
    expect(matches[0].find('[data-testid="policy-fit-grants"]').text()).toBe('资金补贴 · 比例 8% · 最高 2,000 万元')
    expect(matches[0].find('[data-testid="policy-fit-title"]').attributes('href')).toBe('/policies/2')
    expect(matches[1].find('[data-testid="policy-met"]').text()).toBe('不限条件')
    const near = w.findAll('[data-testid="policy-near-miss"]')
    expect(near.map((n) => n.find('[data-testid="policy-missing"]').text())).toEqual([
      '需在安庆经济技术开发区落地',
      '投资额须达 5,000 万元（本项目 3,000 万元）',
    ])
    expect(w.find('[data-testid="policy-matches-title"]').text()).toBe('可享政策 2 项')
    expect(w.find('[data-testid="policy-near-misses-title"]').text()).toBe('差一项条件 2 项')
  })

  it('asks again when the project changes', async () => {
    ofProject.mockResolvedValue(ANSWER)
    const w = mountWith(ProjectPolicies, { projectId: 1, version: 4 })
    await flushPromises()
    await w.setProps({ version: 5 })
    await flushPromises()
    expect(ofProject).toHaveBeenCalledTimes(2)
  })
})

describe('可享政策预览 on the lead form', () => {
  beforeEach(() => match.mockReset())
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('waits for the industry or the investment, then shows how many policies apply', async () => {
    match.mockResolvedValue(ANSWER)
    const form = reactive(emptyProjectForm())
    const w = mountWith(PolicyPreview, { form, delayMs: 0 })
    await flushPromises()
    expect(match).not.toHaveBeenCalled()
    expect(w.find('[data-testid="policy-preview-empty"]').text()).toBe('填写所属行业或总投资后显示可享政策')
    form.industry_code = '3841'
    form.total_investment_yuan = 30_000_000
    await flushPromises()
    await new Promise((r) => setTimeout(r, 5))
    await flushPromises()
    expect(match).toHaveBeenLastCalledWith({ foreign: false, industry_code: '3841', total_investment_yuan: 30_000_000 }, { silent: true })
    expect(w.find('[data-testid="policy-matches-title"]').text()).toBe('2 项可享政策')
    expect(w.find('[data-testid="policy-near-misses-title"]').text()).toBe('另有 2 项差一项条件')
    // the lead's form stays: a policy opens in a new browser tab
    expect(w.find('[data-testid="policy-fit-title"]').attributes('target')).toBe('_blank')
    expect(w.findAll('[data-testid="policy-missing"]').map((m) => m.text())).toContain('投资额须达 5,000 万元（本项目 3,000 万元）')
  })
})
