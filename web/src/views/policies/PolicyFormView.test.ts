// The policy form: the browser's own checks, the server's field reasons under their fields in words
// (gone once the field changes), the body it sends (万元 → yuan, the version on an edit), a 409
// version_conflict and a 403 for an owner unit outside the caller's scope.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { ApiError } from '@/api/http'
import { i18n, setLocale } from '@/locales'
import type { PolicyApi } from '@/api/policies'

vi.mock('@/api/policies', async (orig) => ({
  ...(await orig<typeof import('@/api/policies')>()),
  getPolicy: vi.fn(),
  createPolicy: vi.fn(),
  updatePolicy: vi.fn(),
}))
vi.mock('@/api/org', async (orig) => ({ ...(await orig<typeof import('@/api/org')>()), listUnits: vi.fn(async () => ({ items: [] })) }))
vi.mock('@/api/catalog', async (orig) => ({
  ...(await orig<typeof import('@/api/catalog')>()),
  listIndustriesIfChanged: vi.fn(async () => null),
}))

import { createPolicy, getPolicy, updatePolicy } from '@/api/policies'
import { useAuthStore } from '@/stores/auth'
import PolicyFormView from './PolicyFormView.vue'

const create = createPolicy as unknown as ReturnType<typeof vi.fn>
const update = updatePolicy as unknown as ReturnType<typeof vi.fn>
const get = getPolicy as unknown as ReturnType<typeof vi.fn>

const saved: PolicyApi.Policy = {
  id: 31,
  title: '大观区技改补助',
  issuer: '大观区人民政府',
  doc_number: '',
  level: 'district',
  effective_from: '2026-05-01',
  expires_on: '2027-12-31',
  state: 'current',
  owner_unit_id: 18,
  owner_unit_name: '大观区投资促进中心',
  conditions: { industry_codes: [], min_investment_yuan: null, land: 'any', location_unit_ids: [], foreign: 'any' },
  grants: [],
  summary: '',
  repealed: false,
  updated_at: 0,
  version: 2,
  capabilities: { edit: true },
  source_text: '',
}

async function setup(id?: number) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().user = { permissions: ['policy.read', 'policy.write'], unit_name: '大观区投资促进中心' } as never
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/policies', name: 'policies', component: { template: '<div/>' } },
      { path: '/policies/new', name: 'policy-new', component: PolicyFormView },
      { path: '/policies/:id', name: 'policy-detail', component: { template: '<div data-testid="detail-page"/>' } },
      { path: '/policies/:id/edit', name: 'policy-edit', component: PolicyFormView, props: (r) => ({ id: Number(r.params.id) }) },
    ],
  })
  await router.push(id ? `/policies/${id}/edit` : '/policies/new')
  // The pickers (industries, units, dates) have tests of their own; here they only take time: a date is
  // "typed" by the picker's update:modelValue.
  const stubs = { IndustryPicker: true, UnitTreeSelect: true, ElTreeSelect: true, ElDatePicker: true }
  const w = mount(
    { template: '<router-view />' },
    { global: { plugins: [ElementPlus, i18n, router, pinia], stubs }, attachTo: document.body },
  )
  await flushPromises()
  return { w, router }
}

/** The message the page hands a field's form item ('' when none; Element Plus shows it under the field). */
async function errorText(w: VueWrapper, field: string): Promise<string> {
  const item = w.findAllComponents({ name: 'ElFormItem' }).find((c) => c.attributes('data-testid') === `policy-field-${field}`)
  if (!item) throw new Error(`no form item for ${field}`)
  return String(item.props('error') ?? '')
}

async function fillRequired(w: VueWrapper) {
  await w.find('input[data-testid="policy-title"]').setValue('大观区技改补助')
  await w.find('input[data-testid="policy-issuer"]').setValue('大观区人民政府')
  w.findComponent({ name: 'ElSelect' }).vm.$emit('update:modelValue', 'district')
  w.findAllComponents({ name: 'ElDatePicker' })[0].vm.$emit('update:modelValue', '2026-05-01')
  await flushPromises()
}

describe('policy form', () => {
  beforeEach(() => {
    create.mockReset()
    update.mockReset()
    get.mockReset()
  })
  afterEach(() => {
    setLocale('zh-CN')
    document.body.innerHTML = ''
  })

  it('says what is required before asking the server, and the message goes once the field is filled', async () => {
    const { w } = await setup()
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(create).not.toHaveBeenCalled()
    expect(await errorText(w, 'title')).toBe('请填写政策名称')
    expect(await errorText(w, 'issuer')).toBe('请填写发文机关')
    expect(await errorText(w, 'level')).toBe('请选择政策层级')
    expect(await errorText(w, 'effective_from')).toBe('请选择生效日期')
    await w.find('input[data-testid="policy-title"]').setValue('大观区技改补助')
    await flushPromises()
    expect(await errorText(w, 'title')).toBe('')
    expect(await errorText(w, 'issuer')).toBe('请填写发文机关')
  })

  it('shows the server’s reasons under their fields, clears them when fixed, and saves in yuan', async () => {
    const { w, router } = await setup()
    await fillRequired(w)
    w.findAllComponents({ name: 'ElDatePicker' })[1].vm.$emit('update:modelValue', '2026-01-01')
    await w.find('input[data-testid="policy-min-investment"]').setValue('2000')
    await w.find('[data-testid="policy-grant-add"]').trigger('click')
    await w.find('input[data-testid="policy-grant-rate-0"]').setValue('10')
    await w.find('input[data-testid="policy-grant-cap-0"]').setValue('500')
    create.mockRejectedValueOnce(
      new ApiError(
        400,
        { code: 'invalid_argument', message: 'x', fields: { expires_on: 'before_start', 'conditions.land': 'invalid_value' } },
        '/policies',
      ),
    )
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(create).toHaveBeenCalledTimes(1)
    const body = create.mock.calls[0][0] as PolicyApi.Body
    expect(body).toMatchObject({
      title: '大观区技改补助',
      level: 'district',
      effective_from: '2026-05-01',
      expires_on: '2026-01-01',
      conditions: { min_investment_yuan: 20_000_000 },
      grants: [{ kind: 'subsidy', rate_pct: 10, cap_yuan: 5_000_000, text: '' }],
    })
    expect(body.owner_unit_id).toBeUndefined()
    expect(await errorText(w, 'expires_on')).toBe('失效日期不能早于生效日期')
    expect(await errorText(w, 'conditions-land')).toBe('请选择用地条件')

    // Still before the start: the message stays; after it: gone.
    w.findAllComponents({ name: 'ElDatePicker' })[1].vm.$emit('update:modelValue', '2026-04-30')
    await flushPromises()
    expect(await errorText(w, 'expires_on')).toBe('失效日期不能早于生效日期')
    w.findAllComponents({ name: 'ElDatePicker' })[1].vm.$emit('update:modelValue', '2027-12-31')
    await flushPromises()
    expect(await errorText(w, 'expires_on')).toBe('')

    create.mockResolvedValueOnce(saved)
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/policies/31')
  })

  it('words a grant’s reason under that grant and a refused owner unit under the owner field', async () => {
    const { w } = await setup()
    await fillRequired(w)
    await w.find('[data-testid="policy-grant-add"]').trigger('click')
    await w.find('[data-testid="policy-grant-add"]').trigger('click')
    create.mockRejectedValueOnce(
      new ApiError(400, { code: 'invalid_argument', message: 'x', fields: { 'grants.1.cap_yuan': 'invalid_value' } }, '/policies'),
    )
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(await errorText(w, 'grants-1-cap_yuan')).toBe('最高金额须大于 0')
    expect(await errorText(w, 'grants-0-cap_yuan')).toBe('')

    create.mockRejectedValueOnce(new ApiError(403, { code: 'forbidden', message: 'x' }, '/policies'))
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(await errorText(w, 'owner_unit_id')).toContain('只能维护本单位')
  })

  it('sends the version it read and says so when someone saved first', async () => {
    get.mockResolvedValue(saved)
    const { w } = await setup(31)
    expect((w.find('input[data-testid="policy-title"]').element as HTMLInputElement).value).toBe('大观区技改补助')
    update.mockRejectedValueOnce(new ApiError(409, { code: 'version_conflict', message: 'x' }, '/policies/31'))
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(update).toHaveBeenCalledWith(31, expect.objectContaining({ version: 2, owner_unit_id: 18 }), { silent: true })
    expect(w.find('[data-testid="policy-conflict"]').text()).toContain('已被他人修改')
    get.mockResolvedValue({ ...saved, version: 3, title: '大观区技改补助（修订）' })
    await w.find('[data-testid="policy-reload"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-testid="policy-conflict"]').exists()).toBe(false)
    expect((w.find('input[data-testid="policy-title"]').element as HTMLInputElement).value).toBe('大观区技改补助（修订）')
  })

  it('does not offer a form for a policy the caller does not keep', async () => {
    get.mockResolvedValue({ ...saved, capabilities: { edit: false } })
    const { w } = await setup(31)
    expect(w.find('[data-testid="policy-form"]').exists()).toBe(false)
    expect(w.text()).toContain('您不能编辑这项政策')
  })
})
