// The park card offers 编辑 when the server says this user may edit this park (`can_edit` of
// GET /parks/{id}), not for every holder of park.write: a receiver's covers its own park only.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n, setLocale } from '@/locales'
import type { ParkApi } from '@/api/parks'
import { useAuthStore } from '@/stores/auth'

vi.mock('@/api/parks', async (orig) => ({ ...(await orig<typeof import('@/api/parks')>()), getPark: vi.fn() }))

import { getPark } from '@/api/parks'
import { emptyParkForm } from './parkForm'
import ParkCardView from './ParkCardView.vue'

const get = getPark as unknown as ReturnType<typeof vi.fn>

const park = (can_edit: boolean): ParkApi.Profile => ({
  unit_id: 8,
  unit_name: '安庆高新技术产业开发区',
  unit_kind: 'park',
  ...emptyParkForm(),
  min_intensity_yuan_per_mu: 0,
  min_tax_yuan_per_mu: 0,
  min_output_yuan_per_mu: 0,
  power_kva: 0,
  water_t_per_day: 0,
  gas_m3_per_day: 0,
  steam_t_per_hour: 0,
  carriers: [],
  updated_at: null,
  version: 2,
  can_edit,
})

async function setup(can_edit: boolean) {
  setLocale('zh-CN')
  const pinia = createPinia()
  setActivePinia(pinia)
  // A receiver: park.write, which covers only its own park.
  useAuthStore().user = { permissions: ['park.read', 'park.write'] } as never
  get.mockResolvedValue(park(can_edit))
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'parks', component: { template: '<div/>' } },
      { path: '/parks/:id/edit', name: 'park-edit', component: { template: '<div/>' } },
    ],
  })
  await router.push('/')
  const w = mount(ParkCardView, { props: { id: 8 }, global: { plugins: [ElementPlus, i18n, router, pinia] } })
  await flushPromises()
  return w
}
const labels = (w: Awaited<ReturnType<typeof setup>>) => w.findAll('.toolbar button').map((b) => b.text())

describe('park card', () => {
  afterEach(() => get.mockReset())

  it('offers 编辑 when the server says this user may edit this park', async () => {
    const w = await setup(true)
    expect(get).toHaveBeenCalledWith(8, { silent: true })
    expect(labels(w)).toContain(i18n.global.t('parks.card.edit'))
  })

  it('does not offer it for another park, though the user holds park.write', async () => {
    const w = await setup(false)
    expect(w.find('[data-testid="park-card"]').exists()).toBe(true)
    expect(labels(w)).not.toContain(i18n.global.t('parks.card.edit'))
  })
})
