// The item page offers exactly the steps of the item's capabilities, sends the version it read,
// needs words for a reply, and on a conflict shows the item as it is now and says so.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { ApiError } from '@/api/http'
import { i18n, setLocale } from '@/locales'
import { NO_SUPERVISION_CAPABILITIES, type SupervisionApi } from '@/api/supervision'

vi.mock('@/api/supervision', async (orig) => ({
  ...(await orig<typeof import('@/api/supervision')>()),
  getSupervision: vi.fn(),
  supervisionStep: vi.fn(),
}))
vi.mock('@/api/org', async (orig) => ({ ...(await orig<typeof import('@/api/org')>()), listUnits: vi.fn(async () => ({ items: [] })) }))

import { getSupervision, supervisionStep } from '@/api/supervision'
import SupervisionItemView from './SupervisionItemView.vue'

const get = getSupervision as unknown as ReturnType<typeof vi.fn>
const step = supervisionStep as unknown as ReturnType<typeof vi.fn>

function item(capabilities: Partial<SupervisionApi.Capabilities>, over: Partial<SupervisionApi.Item> = {}): SupervisionApi.Item {
  return {
    id: 7,
    subject_type: 'unit',
    subject_id: 20,
    subject_name: '宜秀区',
    project_name: '',
    factor_type: null,
    project_id: null,
    unit_id: 20,
    unit_name: '宜秀区',
    title: '宜秀区线索研判滞后',
    instruction: '请说明原因并限期研判。',
    leader_instruction: '请抓紧。',
    priority: 'critical',
    deadline: '2026-12-04',
    status: 'open',
    issued_by_name: '刘洋',
    issued_at: new Date(2026, 10, 30, 9, 0).getTime(),
    closed_at: null,
    clock: 'due_soon',
    version: 3,
    capabilities: { ...NO_SUPERVISION_CAPABILITIES, ...capabilities },
    events: [
      { at: 1, user_name: '刘洋', kind: 'issued', note: '请说明原因并限期研判。' },
      { at: 2, user_name: '林涛', kind: 'replied', note: '已安排专人跟进。' },
      { at: 3, user_name: '', kind: 'escalated', note: 'unit_head' },
      { at: 4, user_name: '系统', kind: 'merged_into_digest', note: '' },
      { at: 5, user_name: '', kind: 'escalated', note: 'responsible' },
    ],
    ...over,
  }
}

async function setup() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'supervision', component: { template: '<div/>' } },
      { path: '/s/:id/print', name: 'supervision-print', component: { template: '<div/>' } },
    ],
  })
  const w = mount(SupervisionItemView, {
    props: { id: 7 },
    global: { plugins: [ElementPlus, i18n, router, createPinia()] },
    attachTo: document.body,
  })
  await flushPromises()
  return w
}
const buttons = (w: Awaited<ReturnType<typeof setup>>) =>
  w
    .find('[data-testid="supervision-actions"]')
    .findAll('button')
    .map((b) => b.attributes('data-testid')!.replace('supervision-action-', ''))
const dialog = () => document.querySelector('[data-testid="supervision-action-dialog"]') as HTMLElement
async function submitNote(note: string) {
  const el = dialog().querySelector('textarea[data-testid="supervision-action-note"]') as HTMLTextAreaElement
  el.value = note
  el.dispatchEvent(new Event('input'))
  await flushPromises()
  ;(dialog().querySelector('[data-testid="supervision-action-submit"]') as HTMLElement).click()
  await flushPromises()
}

describe('supervision item page', () => {
  beforeEach(() => {
    get.mockReset()
    step.mockReset()
  })
  afterEach(() => {
    setLocale('zh-CN')
    document.body.innerHTML = ''
  })

  it('shows the 批示, the number, the clock and the steps the server allows, and no others', async () => {
    get.mockResolvedValue(item({ reopen: true, close: true }))
    const w = await setup()
    expect(buttons(w)).toEqual(['close', 'reopen'])
    expect(w.find('[data-testid="supervision-leader"]').text()).toContain('请抓紧。')
    expect(w.find('[data-testid="supervision-number"]').text()).toContain('DB-2026-0007')
    expect(w.find('[data-testid="supervision-priority"]').text()).toBe('特急')
    expect(w.find('[data-testid="clock-tag"]').text()).toBe('即将到期')
  })

  it('reads every event in words, the coming escalation too, and an unknown one generically', async () => {
    get.mockResolvedValue(item({}))
    const w = await setup()
    const events = w.findAll('[data-testid="supervision-event"]').map((e) => e.text())
    expect(events[0]).toContain('发起督办')
    expect(events[1]).toContain('反馈')
    expect(events[2]).toContain('超期上报')
    expect(events[2]).toContain('系统')
    expect(events[2]).toContain('超期未反馈，已上报至单位负责人')
    expect(events[2]).not.toContain('unit_head')
    expect(events[4]).toContain('超期未反馈，已提醒承办单位')
    expect(events[3]).toContain('其他操作')
    expect(w.text()).not.toContain('merged_into_digest')
    expect(w.text()).toContain('当前没有您可以办理的操作')
  })

  it('needs words for a reply, then sends them with the version read', async () => {
    get.mockResolvedValue(item({ reply: true }))
    step.mockResolvedValue(item({ reply: true }, { status: 'replied', version: 4 }))
    const w = await setup()
    await w.find('[data-testid="supervision-action-reply"]').trigger('click')
    await flushPromises()
    await submitNote('   ')
    expect(step).not.toHaveBeenCalled()
    await vi.waitFor(() => expect(dialog().querySelector('.el-form-item__error')?.textContent).toContain('请填写说明'))
    await submitNote('已安排专人跟进')
    expect(step).toHaveBeenCalledWith(7, 'reply', 3, '已安排专人跟进', { silent: true }, undefined)
    await vi.waitFor(() => expect(w.find('[data-testid="supervision-status"]').text()).toBe('已反馈'))
  })

  it('reloads when the item moved on and says so', async () => {
    get.mockResolvedValueOnce(item({ close: true }))
    get.mockResolvedValueOnce(item({ reopen: true }, { status: 'closed', version: 4, clock: null }))
    step.mockImplementation(async () => {
      throw new ApiError(409, { code: 'invalid_status', message: 'x' }, '/supervision/7/close')
    })
    const w = await setup()
    await w.find('[data-testid="supervision-action-close"]').trigger('click')
    await flushPromises()
    ;(dialog().querySelector('[data-testid="supervision-action-submit"]') as HTMLElement).click()
    await flushPromises()
    expect(step).toHaveBeenCalledWith(7, 'close', 3, '', { silent: true }, undefined)
    expect(get).toHaveBeenCalledTimes(2)
    expect(w.find('[data-testid="supervision-notice"]').text()).toContain('状态已变化')
    expect(buttons(w)).toEqual(['reopen'])
  })

  it('offers a new deadline when reopening and words the server refusing it', async () => {
    get.mockResolvedValue(item({ reopen: true }, { status: 'closed', clock: null }))
    step.mockImplementation(async () => {
      throw new ApiError(400, { code: 'invalid_argument', message: 'x', fields: { deadline: 'invalid_value' } }, '/supervision/7/reopen')
    })
    const w = await setup()
    await w.find('[data-testid="supervision-action-reopen"]').trigger('click')
    await flushPromises()
    expect(dialog().querySelector('[data-testid="supervision-reopen-deadline-field"]')).not.toBeNull()
    await submitNote('设备到货延迟，请继续跟踪')
    expect(step).toHaveBeenCalledWith(7, 'reopen', 3, '设备到货延迟，请继续跟踪', { silent: true }, undefined)
    await vi.waitFor(() =>
      expect(dialog().querySelector('[data-testid="supervision-reopen-deadline-field"] .el-form-item__error')?.textContent).toContain(
        '反馈期限须为今天或以后的日期',
      ),
    )
  })
})
