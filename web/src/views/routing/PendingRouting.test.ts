// 接收 / 退回 / 撤回 on a project's pending routing follow the routing's capabilities, not roles.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { i18n, setLocale } from '@/locales'
import { useAuthStore } from '@/stores/auth'
import type { ProjectApi } from '@/api/projects'
import type { RoutingApi } from '@/api/routings'

vi.mock('@/api/routings', async (orig) => ({ ...(await orig<typeof import('@/api/routings')>()), listRoutings: vi.fn() }))

import { listRoutings } from '@/api/routings'
import PendingRouting from './PendingRouting.vue'

const list = listRoutings as unknown as ReturnType<typeof vi.fn>
const project = {
  id: 7,
  version: 2,
  next_step: 'park_response',
  pending_routing_id: 11,
  responsible_unit_name: '经开区',
} as ProjectApi.Project

async function setup(capabilities: RoutingApi.Routing['capabilities'], roles: string[]) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().setSession({
    user: { id: 1, login: 'u', name: 'U', unit_id: 1, unit_name: 'x', roles, permissions: ['routing.read'], active: true, version: 1 },
    csrf_token: 't',
  } as never)
  list.mockResolvedValue({
    items: [{ id: 11, project_id: 7, park_name: '经开区', deadline: '2026-12-01', overdue: false, status: 'pending', capabilities }],
    total: 1,
  })
  const w = mount(PendingRouting, {
    props: { project },
    global: { plugins: [ElementPlus, i18n, pinia], stubs: { DeclineDialog: true, WithdrawDialog: true } },
  })
  await flushPromises()
  return w
}
const buttons = (w: Awaited<ReturnType<typeof setup>>) =>
  ['pending-accept', 'pending-decline', 'pending-withdraw'].filter((id) => w.find(`[data-testid="${id}"]`).exists())

describe('pending routing follows the capabilities it is given', () => {
  beforeEach(() => setLocale('zh-CN'))
  afterEach(() => list.mockReset())

  it('shows accept and decline when the server says respond, whatever the role', async () => {
    expect(buttons(await setup({ respond: true, withdraw: false, reroute: false }, ['leader']))).toEqual([
      'pending-accept',
      'pending-decline',
    ])
  })

  it('shows withdraw only when the server says so, even to a receiver or coordinator', async () => {
    expect(buttons(await setup({ respond: false, withdraw: true, reroute: false }, ['receiver']))).toEqual(['pending-withdraw'])
    expect(buttons(await setup({ respond: false, withdraw: false, reroute: false }, ['coordinator', 'receiver']))).toEqual([])
  })
})
