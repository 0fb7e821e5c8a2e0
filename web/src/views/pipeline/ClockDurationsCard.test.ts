// 办理时限: ranges and edit rights are the server's; a save sends only what changed and shows a
// refused kind's message under its own input.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { ApiError } from '@/api/http'
import { i18n, setLocale } from '@/locales'
import type { ClocksApi } from '@/api/clocks'

vi.mock('@/api/clocks', async (orig) => ({
  ...(await orig<typeof import('@/api/clocks')>()),
  getClocks: vi.fn(),
  putClocks: vi.fn(),
}))

import { getClocks, putClocks } from '@/api/clocks'
import ClockDurationsCard from './ClockDurationsCard.vue'
import { changedDurations, clockGroups, durationProblems } from './clockForm'

const get = getClocks as unknown as ReturnType<typeof vi.fn>
const put = putClocks as unknown as ReturnType<typeof vi.fn>
const ITEMS: ClocksApi.Clock[] = [
  { kind: 'lead_response', days: 1, default: 1, min: 1, max: 10 },
  { kind: 'factor_resolve', days: 20, default: 20, min: 1, max: 250 },
]

async function setup(edit = true) {
  get.mockResolvedValue({ items: ITEMS.map((i) => ({ ...i })), capabilities: { edit } })
  const w = mount(ClockDurationsCard, { global: { plugins: [ElementPlus, i18n] }, attachTo: document.body })
  await flushPromises()
  return w
}
async function type(w: Awaited<ReturnType<typeof setup>>, kind: string, value: number | null) {
  w.find(`[data-testid="clock-${kind}"]`).findComponent({ name: 'ElInputNumber' }).vm.$emit('update:modelValue', value)
  await flushPromises()
}
const errorText = async (w: Awaited<ReturnType<typeof setup>>, kind: string) => {
  await vi.waitFor(() => expect(w.find(`[data-testid="clock-${kind}"] .el-form-item__error`).exists()).toBe(true))
  return w.find(`[data-testid="clock-${kind}"] .el-form-item__error`).text()
}

describe('办理时限 card', () => {
  beforeEach(() => {
    get.mockReset()
    put.mockReset()
  })
  afterEach(() => {
    setLocale('zh-CN')
    document.body.innerHTML = ''
  })

  it('names each kind, shows its default and the server’s range', async () => {
    const w = await setup()
    expect(w.find('[data-testid="clock-lead_response"]').text()).toContain('线索响应')
    expect(w.find('[data-testid="clock-lead_response"]').text()).toContain('默认 1 天')
    expect(w.find('[data-testid="clock-factor_resolve"]').text()).toContain('可设 1–250 天')
  })

  it('sends only the changed kinds', async () => {
    const w = await setup()
    put.mockResolvedValue({ items: [ITEMS[0], { ...ITEMS[1], days: 15 }], capabilities: { edit: true } })
    await type(w, 'factor_resolve', 15)
    await w.find('[data-testid="clock-form"]').trigger('submit')
    await flushPromises()
    expect(put).toHaveBeenCalledWith({ factor_resolve: 15 }, { silent: true })
  })

  it('shows a refused kind under its input, in words', async () => {
    const w = await setup()
    put.mockRejectedValue(
      new ApiError(400, { code: 'invalid_argument', message: 'x', fields: { lead_response: 'invalid_value' } }, '/clocks'),
    )
    await type(w, 'lead_response', 3)
    await w.find('[data-testid="clock-form"]').trigger('submit')
    await flushPromises()
    expect(await errorText(w, 'lead_response')).toBe('请输入 1 到 10 之间的整数')
  })

  it('lists the escalation delays apart, under 超期上报', async () => {
    get.mockResolvedValue({
      items: [
        { kind: 'escalate_unit_head', days: 2, default: 2, min: 1, max: 30 },
        ...ITEMS,
        { kind: 'escalate_coordinator', days: 5, default: 5, min: 1, max: 60 },
      ],
      capabilities: { edit: true },
    })
    const w = mount(ClockDurationsCard, { global: { plugins: [ElementPlus, i18n] }, attachTo: document.body })
    await flushPromises()
    const order = w.findAll('[data-testid^="clock-"]').map((e) => e.attributes('data-testid'))
    const group = order.indexOf('clock-group-escalation')
    expect(group).toBeGreaterThan(order.indexOf('clock-factor_resolve'))
    expect(order.indexOf('clock-escalate_unit_head')).toBeGreaterThan(group)
    expect(order.indexOf('clock-escalate_coordinator')).toBeGreaterThan(group)
    expect(w.find('[data-testid="clock-group-escalation"]').text()).toContain('超期上报')
    expect(w.find('[data-testid="clock-escalate_unit_head"]').text()).toContain('上报单位负责人')
  })

  it('is read-only without capabilities.edit', async () => {
    const w = await setup(false)
    expect(w.find('[data-testid="clock-save"]').exists()).toBe(false)
    expect(w.find('[data-testid="clock-input-lead_response"]').classes()).toContain('is-disabled')
  })
})

describe('clock form', () => {
  it('finds the changed kinds and the empty or out-of-range ones', () => {
    expect(changedDurations({ lead_response: 1, factor_resolve: 30 }, ITEMS)).toEqual({ factor_resolve: 30 })
    expect(durationProblems({ lead_response: null, factor_resolve: 251 }, ITEMS)).toEqual({
      lead_response: 'required',
      factor_resolve: 'invalid_value',
    })
  })

  it('puts the escalation delays after the handling clocks', () => {
    const esc = { kind: 'escalate_leader', days: 5, default: 5, min: 1, max: 60 }
    expect(clockGroups([esc, ...ITEMS])).toEqual([
      { escalation: false, items: ITEMS },
      { escalation: true, items: [esc] },
    ])
    expect(clockGroups(ITEMS)).toEqual([{ escalation: false, items: ITEMS }])
  })
})
