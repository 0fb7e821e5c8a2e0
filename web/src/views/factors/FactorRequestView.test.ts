// The request page offers exactly the steps the server's capabilities allow, sends the version it
// read, and on a conflict shows the request as it is now and says so.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { ApiError } from '@/api/http'
import { i18n, setLocale } from '@/locales'
import { NO_FACTOR_CAPABILITIES, type FactorApi } from '@/api/factors'

vi.mock('@/api/factors', async (orig) => ({
  ...(await orig<typeof import('@/api/factors')>()),
  getFactorRequest: vi.fn(),
  factorStep: vi.fn(),
  getFactorTypes: vi.fn(async () => ({
    items: [],
    unresolvable_reason_codes: ['no_quota', 'not_eligible', 'policy_limit', 'needs_higher_level', 'other'],
    capabilities: { edit: false },
  })),
}))
vi.mock('@/api/org', async (orig) => ({ ...(await orig<typeof import('@/api/org')>()), listUnits: vi.fn(async () => ({ items: [] })) }))
vi.mock('@/composables/confirmDanger', () => ({ confirmDanger: vi.fn(async () => true) }))

import { factorStep, getFactorRequest } from '@/api/factors'
import FactorRequestView from './FactorRequestView.vue'

const get = getFactorRequest as unknown as ReturnType<typeof vi.fn>
const step = factorStep as unknown as ReturnType<typeof vi.fn>

function request(capabilities: Partial<FactorApi.Capabilities>, over: Partial<FactorApi.Request> = {}): FactorApi.Request {
  return {
    id: 5,
    project_id: 65,
    project_name: '国轩涂料扩产项目',
    type: 'land',
    quantity_unit: 'mu_x100',
    need: '新增用地 120 亩',
    quantity: 12_000,
    department_id: 5,
    department_name: '自然资源和规划局',
    status: 'open',
    raised_by_name: '李娜',
    raised_unit_name: '经开区',
    raised_at: 0,
    answer_deadline: '2026-12-03',
    resolve_deadline: null,
    accepted_at: null,
    closed_at: null,
    outcome: '',
    reason_code: null,
    reason: '',
    clock: 'overdue',
    version: 3,
    capabilities: { ...NO_FACTOR_CAPABILITIES, ...capabilities },
    events: [],
    ...over,
  }
}

async function setup() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'factor-requests', component: { template: '<div/>' } },
      { path: '/p/:id', name: 'project-detail', component: { template: '<div/>' } },
    ],
  })
  const w = mount(FactorRequestView, {
    props: { id: 5 },
    global: { plugins: [ElementPlus, i18n, router, createPinia()], stubs: { FactorActionDialog: true, AttachmentsPanel: true } },
    attachTo: document.body,
  })
  await flushPromises()
  return w
}
const buttons = (w: Awaited<ReturnType<typeof setup>>) =>
  w.findAll('[data-testid^="factor-action-"]').map((b) => b.attributes('data-testid')!.replace('factor-action-', ''))

describe('factor request page', () => {
  beforeEach(() => {
    get.mockReset()
    step.mockReset()
  })
  afterEach(() => {
    setLocale('zh-CN')
    document.body.innerHTML = ''
  })

  it('shows the steps the server allows, in a fixed order, and no others', async () => {
    get.mockResolvedValue(request({ withdraw: true, unresolvable: true, accept: true, pass_on: true }))
    const w = await setup()
    expect(buttons(w)).toEqual(['accept', 'pass_on', 'unresolvable', 'withdraw'])
    expect(w.text()).toContain('用地 · 120 亩')
    expect(w.find('[data-testid="clock-tag"]').text()).toBe('已超期')
  })

  it('says so when nothing is allowed', async () => {
    get.mockResolvedValue(request({}, { status: 'resolved', clock: null }))
    const w = await setup()
    expect(buttons(w)).toEqual([])
    expect(w.text()).toContain('当前没有您可以办理的操作')
  })

  it('accepts with the version read', async () => {
    get.mockResolvedValue(request({ accept: true }))
    step.mockResolvedValue(request({ progress: true, resolve: true }, { status: 'accepted', version: 4 }))
    const w = await setup()
    await w.find('[data-testid="factor-action-accept"]').trigger('click')
    await flushPromises()
    expect(step).toHaveBeenCalledWith(5, 'accept', 3, {}, { silent: true })
    expect(buttons(w)).toEqual(['progress', 'resolve'])
  })

  it('reloads on a version conflict and says why', async () => {
    get.mockResolvedValueOnce(request({ accept: true }))
    get.mockResolvedValueOnce(request({ progress: true }, { status: 'accepted', version: 4 }))
    step.mockRejectedValue(new ApiError(409, { code: 'version_conflict', message: 'x' }, '/factor-requests/5/accept'))
    const w = await setup()
    await w.find('[data-testid="factor-action-accept"]').trigger('click')
    await flushPromises()
    expect(get).toHaveBeenCalledTimes(2)
    expect(w.find('[data-testid="factor-notice"]').text()).toContain('已刷新')
    expect(buttons(w)).toEqual(['progress'])
  })

  it('reads the history in words: the reason code of 无法解决, where a pass-on went', async () => {
    get.mockResolvedValue(
      request(
        {},
        {
          status: 'unresolvable',
          events: [
            { at: 1, actor_name: '王强', kind: 'passed_on', note: '属规划许可', from_unit_name: '甲局', to_unit_name: '乙局' },
            { at: 2, actor_name: '王强', kind: 'unresolvable', note: 'no_quota: 指标已用完', from_unit_name: '', to_unit_name: '' },
          ],
        },
      ),
    )
    const w = await setup()
    const events = w.findAll('[data-testid="factor-event"]').map((e) => e.text())
    expect(events[0]).toContain('转办')
    expect(events[0]).toContain('甲局 → 乙局')
    expect(events[1]).toContain('无法解决')
    expect(events[1]).toContain('指标不足：指标已用完')
    expect(events[1]).not.toContain('no_quota')
  })

  it('words the scheduler’s escalation steps by their tier, with no actor', async () => {
    get.mockResolvedValue(
      request(
        {},
        {
          events: [
            { at: 1, actor_name: '', kind: 'escalated', note: 'responsible', from_unit_name: '', to_unit_name: '' },
            { at: 2, actor_name: '', kind: 'escalated', note: 'unit_head', from_unit_name: '', to_unit_name: '' },
            { at: 3, actor_name: '', kind: 'escalated', note: 'coordinator', from_unit_name: '', to_unit_name: '' },
          ],
        },
      ),
    )
    const w = await setup()
    const events = w.findAll('[data-testid="factor-event"]')
    expect(events.map((e) => e.attributes('data-kind'))).toEqual(['escalated', 'escalated', 'escalated'])
    expect(events[0].text()).toContain('超期上报')
    expect(events[0].text()).toContain('已超期，提醒本人/责任单位')
    expect(events[1].text()).toContain('已超期，上报至单位负责人')
    expect(events[2].text()).toContain('已超期，上报至统筹部门')
    expect(events[2].text()).not.toContain('coordinator')
    setLocale('en')
    await flushPromises()
    expect(w.findAll('[data-testid="factor-event"]')[1].text()).toContain('Overdue: raised to the unit head')
  })
})
