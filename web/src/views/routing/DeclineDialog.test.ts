// 退回 offers the decline codes of the server's rules (GET /meta), in the server's order.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { i18n, setLocale } from '@/locales'
import type { RoutingApi } from '@/api/routings'

vi.mock('@/api/meta', () => ({
  getMeta: vi.fn(async () => ({
    demo: false,
    version: 'x',
    rules: {
      collision_threshold: 0.8,
      routing_days: { default: 5, min: 1, max: 60 },
      deadline_days: { min: 1, max: 3650 },
      reason_codes: { rejected: [], returned: [], shelved: [], lost: [] },
      decline_reason_codes: ['no_carrier', 'industry_mismatch', 'other'],
    },
  })),
}))
vi.mock('@/api/routings', async (orig) => ({ ...(await orig<typeof import('@/api/routings')>()), declineRouting: vi.fn() }))

import { declineRouting } from '@/api/routings'
import DeclineDialog from './DeclineDialog.vue'

const decline = declineRouting as unknown as ReturnType<typeof vi.fn>
const routing = { id: 11, project_name: '新能源汽车电机项目' } as RoutingApi.Routing

async function setup() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const w = mount(DeclineDialog, {
    props: { open: false, routing },
    global: { plugins: [ElementPlus, i18n, pinia] },
    attachTo: document.body,
  })
  await w.setProps({ open: true })
  await flushPromises()
  return w
}

describe('decline dialog', () => {
  beforeEach(() => {
    setLocale('zh-CN')
    decline.mockReset().mockResolvedValue({ ...routing, status: 'declined' })
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('offers the decline codes of the meta rules', async () => {
    const w = await setup()
    expect(w.findAllComponents({ name: 'ElOption' }).map((o) => o.props('value'))).toEqual(['no_carrier', 'industry_mismatch', 'other'])
  })

  it('wants text with other, then sends the code and the text', async () => {
    const w = await setup()
    w.findComponent({ name: 'ElSelect' }).vm.$emit('update:modelValue', 'other')
    await flushPromises()
    await w.find('[data-testid="decline-confirm"]').trigger('click')
    await flushPromises()
    expect(decline).not.toHaveBeenCalled()
    await w.find('textarea').setValue('园区无匹配载体')
    await w.find('[data-testid="decline-confirm"]').trigger('click')
    await flushPromises()
    expect(decline).toHaveBeenCalledWith(11, { reason_code: 'other', reason: '园区无匹配载体' }, { silent: true })
    expect(w.emitted('done')).toHaveLength(1)
  })
})
