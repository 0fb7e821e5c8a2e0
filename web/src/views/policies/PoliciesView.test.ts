// The list page: the filters it sends, the 即将到期 count and banner, the state filter kept in the
// address, 导出Excel with the state on screen, 新增政策 only for policy.write; and the policy page:
// every field in words, the source text as text (never HTML), 编辑 only when capabilities.edit.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n, setLocale } from '@/locales'
import type { PolicyApi } from '@/api/policies'

vi.mock('@/api/policies', async (orig) => ({
  ...(await orig<typeof import('@/api/policies')>()),
  listPolicies: vi.fn(),
  getPolicy: vi.fn(),
  exportPolicies: vi.fn(async () => ({ blob: new Blob(['PK']), filename: '政策库.xlsx' })),
}))
vi.mock('@/api/org', async (orig) => ({
  ...(await orig<typeof import('@/api/org')>()),
  listUnits: vi.fn(async () => ({
    items: [
      { id: 1, parent_id: null, name: '安庆市', kind: 'city', code: '', version: 1 },
      { id: 11, parent_id: 1, name: '安庆经济技术开发区', kind: 'park', code: '', version: 1 },
    ],
  })),
}))
vi.mock('@/api/catalog', async (orig) => ({
  ...(await orig<typeof import('@/api/catalog')>()),
  listIndustriesIfChanged: vi.fn(async () => null),
}))
vi.mock('@/utils/download', () => ({ saveFile: vi.fn() }))

import { exportPolicies, getPolicy, listPolicies } from '@/api/policies'
import { saveFile } from '@/utils/download'
import { useAuthStore } from '@/stores/auth'
import PoliciesView from './PoliciesView.vue'
import PolicyView from './PolicyView.vue'

const list = listPolicies as unknown as ReturnType<typeof vi.fn>
const get = getPolicy as unknown as ReturnType<typeof vi.fn>

function policy(over: Partial<PolicyApi.Policy> = {}): PolicyApi.Policy {
  return {
    id: 8,
    title: '新能源汽车产业链招商专项奖励',
    issuer: '安庆市投资促进局',
    doc_number: '庆投促〔2024〕15号',
    level: 'city',
    effective_from: '2024-01-01',
    expires_on: '2027-01-15',
    state: 'expiring',
    owner_unit_id: 2,
    owner_unit_name: '安庆市投资促进局',
    conditions: {
      industry_codes: [],
      min_investment_yuan: 1_000_000_000,
      land: 'no_new_land',
      location_unit_ids: [11],
      foreign: 'foreign_only',
    },
    grants: [{ kind: 'subsidy', rate_pct: 10, cap_yuan: 10_000_000, text: '对链主项目按合同投资额分档奖励' }],
    summary: '面向链主项目',
    repealed: false,
    updated_at: 0,
    version: 1,
    capabilities: { edit: false },
    ...over,
  }
}

async function setup(permissions: string[], component: unknown = PoliciesView, path = '/policies') {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().user = { permissions, unit_name: '安庆市投资促进局' } as never
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/policies', name: 'policies', component: component as never },
      { path: '/policies/new', name: 'policy-new', component: { template: '<div/>' } },
      { path: '/policies/:id', name: 'policy-detail', component: component as never, props: (r) => ({ id: Number(r.params.id) }) },
      { path: '/policies/:id/edit', name: 'policy-edit', component: { template: '<div/>' } },
    ],
  })
  await router.push(path)
  const w = mount({ template: '<router-view />' }, { global: { plugins: [ElementPlus, i18n, router, pinia] }, attachTo: document.body })
  await flushPromises()
  return { w, router }
}

describe('政策库 list', () => {
  beforeEach(() => {
    list.mockReset()
    list.mockImplementation(async (q: PolicyApi.Query) => ({
      items: q.state === 'expiring' || q.page_size > 1 ? [policy()] : [],
      total: q.state === 'expiring' ? 1 : 10,
      page: 1,
      page_size: q.page_size,
      expiring_days: 90,
    }))
  })
  afterEach(() => {
    setLocale('zh-CN')
    document.body.innerHTML = ''
  })

  it('asks for every policy, counts the expiring ones apart and says so up front', async () => {
    const { w } = await setup(['policy.read'])
    expect(list).toHaveBeenCalledWith({ q: '', level: '', state: '', page: 1, page_size: 20 })
    expect(list).toHaveBeenCalledWith({ state: 'expiring', page: 1, page_size: 1 }, { silent: true })
    expect(w.find('[data-testid="policy-expiring-count"]').text()).toBe('1')
    expect(w.find('[data-testid="policy-expiring-banner"]').text()).toContain('有 1 项政策将在 90 天内到期')
    const row = w.find('[data-testid="policy-table"]')
    expect(row.text()).toContain('新能源汽车产业链招商专项奖励')
    expect(row.text()).toContain('市级')
    expect(row.find('[data-testid="policy-state"]').text()).toBe('即将到期')
    expect(row.find('[data-testid="policy-state"]').classes()).toContain('el-tag--warning')
    expect(row.text()).toContain('资金补贴')
    // no policy.write: nothing to add
    expect(w.find('[data-testid="policy-create"]').exists()).toBe(false)
  })

  it('filters 即将到期 from the banner and keeps it in the address', async () => {
    const { w, router } = await setup(['policy.read', 'policy.write'])
    expect(w.find('[data-testid="policy-create"]').text()).toBe('新增政策')
    await w.find('[data-testid="policy-expiring-show"]').trigger('click')
    await flushPromises()
    expect(list).toHaveBeenLastCalledWith({ q: '', level: '', state: 'expiring', page: 1, page_size: 20 })
    expect(router.currentRoute.value.query).toEqual({ state: 'expiring' })
    // the banner has said what it had to
    expect(w.find('[data-testid="policy-expiring-banner"]').exists()).toBe(false)
  })

  it('reads its filters from the address and exports the state on screen', async () => {
    const { w } = await setup(['policy.read'], PoliciesView, '/policies?state=expired&level=city&q=稳经济')
    expect(list).toHaveBeenCalledWith({ q: '稳经济', level: 'city', state: 'expired', page: 1, page_size: 20 })
    await w.find('[data-testid="policy-export"]').trigger('click')
    await flushPromises()
    expect(exportPolicies).toHaveBeenCalledWith('expired')
    expect(saveFile).toHaveBeenCalledWith({ blob: expect.any(Blob), filename: '政策库.xlsx' })
  })
})

describe('政策详情', () => {
  afterEach(() => {
    setLocale('zh-CN')
    document.body.innerHTML = ''
  })

  it('says every field in words, shows the source text as text, and no 编辑 without capabilities.edit', async () => {
    get.mockResolvedValue(policy({ source_text: '<b>第一条</b>\n第二条' }))
    const { w } = await setup(['policy.read'], PolicyView, '/policies/8')
    expect(w.find('[data-testid="policy-title"]').text()).toBe('新能源汽车产业链招商专项奖励')
    expect(w.find('[data-testid="policy-min-investment"]').text()).toBe('不低于 100,000 万元')
    expect(w.find('[data-testid="policy-land"]').text()).toBe('不新增用地')
    expect(w.find('[data-testid="policy-foreign"]').text()).toBe('限外资')
    expect(w.find('[data-testid="policy-locations"]').text()).toBe('安庆经济技术开发区')
    expect(w.find('[data-testid="policy-industries"]').text()).toBe('不限行业')
    expect(w.find('[data-testid="policy-grant-rate"]').text()).toBe('比例 10%')
    expect(w.find('[data-testid="policy-grant-cap"]').text()).toBe('最高 1,000 万元')
    expect(w.find('[data-testid="policy-expiring-notice"]').text()).toContain('2027-01-15')
    const source = w.find('[data-testid="policy-source"]')
    expect(source.text()).toContain('<b>第一条</b>')
    expect(source.find('b').exists()).toBe(false)
    expect(w.find('[data-testid="policy-edit"]').exists()).toBe(false)
  })

  it('offers 编辑 when the server says the caller keeps it, and reads an open end as 长期有效', async () => {
    get.mockResolvedValue(policy({ state: 'current', expires_on: null, capabilities: { edit: true } }))
    const { w } = await setup(['policy.read', 'policy.write'], PolicyView, '/policies/8')
    expect(w.find('[data-testid="policy-edit"]').exists()).toBe(true)
    expect(w.find('[data-testid="policy-expires"]').text()).toBe('长期有效')
    expect(w.find('[data-testid="policy-expiring-notice"]').exists()).toBe(false)
  })
})
