// The list page: the summary by unit appears only when GET /supervision/units answers (it arrives
// with a newer server), a unit's name narrows the list to it and keeps it in the address, and the
// issue button follows the permission.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { ApiError } from '@/api/http'
import { i18n, setLocale } from '@/locales'

vi.mock('@/api/supervision', async (orig) => ({
  ...(await orig<typeof import('@/api/supervision')>()),
  listSupervision: vi.fn(),
  getSupervisionUnits: vi.fn(),
}))
vi.mock('@/api/org', async (orig) => ({ ...(await orig<typeof import('@/api/org')>()), listUnits: vi.fn(async () => ({ items: [] })) }))

import { getSupervisionUnits, listSupervision } from '@/api/supervision'
import { useAuthStore } from '@/stores/auth'
import SupervisionListView from './SupervisionListView.vue'

const list = listSupervision as unknown as ReturnType<typeof vi.fn>
const units = getSupervisionUnits as unknown as ReturnType<typeof vi.fn>

async function setup(permissions: string[] = ['supervision.read']) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().user = { permissions } as never
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/supervision', name: 'supervision', component: SupervisionListView },
      { path: '/supervision/:id', name: 'supervision-item', component: { template: '<div/>' } },
    ],
  })
  await router.push('/supervision')
  const w = mount({ template: '<router-view />' }, { global: { plugins: [ElementPlus, i18n, router, pinia] }, attachTo: document.body })
  await flushPromises()
  return { w, router }
}

describe('supervision list', () => {
  beforeEach(() => {
    list.mockReset()
    units.mockReset()
    list.mockImplementation(async () => ({ items: [], total: 0, page: 1, page_size: 20 }))
  })
  afterEach(() => {
    setLocale('zh-CN')
    document.body.innerHTML = ''
  })

  it('asks for open and replied items by default', async () => {
    units.mockImplementation(async () => ({ items: [] }))
    await setup()
    expect(list).toHaveBeenCalledWith({
      status: ['open', 'replied'],
      overdue: false,
      unit_id: null,
      project_id: null,
      page: 1,
      page_size: 20,
    })
  })

  it('shows the units’ counts and narrows the list to a unit by its name', async () => {
    units.mockImplementation(async () => ({
      items: [
        { unit_id: 11, unit_name: '安庆经济技术开发区', open: 2, replied: 1, overdue: 1, closed: 4 },
        { unit_id: 20, unit_name: '宜秀区', open: 0, replied: 0, overdue: 0, closed: 1 },
      ],
    }))
    const { w, router } = await setup()
    const rows = w.findAll('[data-testid="supervision-unit-row"]')
    expect(rows.map((r) => r.findAll('td').map((c) => c.text()))).toEqual([
      ['安庆经济技术开发区', '2', '1', '1', '4'],
      ['宜秀区', '0', '0', '0', '1'],
    ])
    expect(w.find('[data-testid="supervision-units"]').text()).toContain('已超期')
    await rows[0].find('button').trigger('click')
    await flushPromises()
    expect(list).toHaveBeenLastCalledWith(expect.objectContaining({ unit_id: 11, page: 1 }))
    expect(router.currentRoute.value.query).toEqual({ unit_id: '11' })
    expect(w.find('[data-testid="supervision-unit-filter"]').text()).toContain('安庆经济技术开发区')
  })

  it('shows no summary while the server does not have it, and no issue button without supervision.issue', async () => {
    units.mockImplementation(async () => {
      throw new ApiError(404, { code: 'not_found', message: 'x' }, '/supervision/units')
    })
    const { w } = await setup()
    expect(w.find('[data-testid="supervision-units"]').exists()).toBe(false)
    expect(w.find('[data-testid="supervision-issue-open"]').exists()).toBe(false)
    expect(w.find('[data-testid="supervision-table"]').exists()).toBe(true)
  })

  it('offers 发起督办 to whoever holds supervision.issue', async () => {
    units.mockImplementation(async () => ({ items: [] }))
    const { w } = await setup(['supervision.read', 'supervision.issue'])
    expect(w.find('[data-testid="supervision-issue-open"]').text()).toBe('发起督办')
  })
})
