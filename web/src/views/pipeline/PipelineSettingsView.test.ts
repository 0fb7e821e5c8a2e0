import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { ApiError } from '@/api/http'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { i18n, setLocale } from '@/locales'

vi.mock('@/api/matching', async (orig) => ({
  ...(await orig<typeof import('@/api/matching')>()),
  getWeights: vi.fn().mockResolvedValue({ industry: 40, carrier: 25, threshold: 25, utility: 10, version: 1 }),
  putWeights: vi.fn(),
}))
// The day ranges come from GET /meta: the page checks what the server's rules say.
vi.mock('@/api/meta', () => ({
  getMeta: vi.fn().mockResolvedValue({
    demo: true,
    version: 'test',
    rules: {
      collision_threshold: 0.8,
      routing_days: { default: 5, min: 1, max: 60 },
      deadline_days: { min: 1, max: 3650 },
      reason_codes: { rejected: [], returned: [], shelved: [], lost: [] },
      decline_reason_codes: [],
    },
  }),
}))
// 办理时限 is its own card with its own test (ClockDurationsCard.test.ts).
vi.mock('@/api/clocks', async (orig) => ({
  ...(await orig<typeof import('@/api/clocks')>()),
  getClocks: vi.fn().mockResolvedValue({ items: [], capabilities: { edit: true } }),
}))
vi.mock('@/api/projects', async (orig) => ({
  ...(await orig<typeof import('@/api/projects')>()),
  getPipelineSettings: vi.fn(),
  putPipelineSettings: vi.fn(),
}))

import { getPipelineSettings, putPipelineSettings } from '@/api/projects'
import PipelineSettingsView from './PipelineSettingsView.vue'
import { DEADLINE_KEYS } from './deadlineForm'

const get = getPipelineSettings as unknown as ReturnType<typeof vi.fn>
const put = putPipelineSettings as unknown as ReturnType<typeof vi.fn>
const DEFAULTS = { lead: 3, in_review: 7, approved: 14, negotiating: 90, signed: 90, construction: 365 }

let pinia: Pinia
async function setup() {
  const w = mount(PipelineSettingsView, { global: { plugins: [ElementPlus, i18n, pinia] }, attachTo: document.body })
  await flushPromises()
  return w
}

/** What the user typing into a stage's number input ends in. */
async function type(w: Awaited<ReturnType<typeof setup>>, stage: string, value: number | null) {
  const input = w.find(`[data-testid="deadline-${stage}"]`).findComponent({ name: 'ElInputNumber' })
  input.vm.$emit('update:modelValue', value)
  await flushPromises()
}

const save = async (w: Awaited<ReturnType<typeof setup>>) => {
  await w.find('[data-testid="deadline-form"]').trigger('submit')
  await flushPromises()
}
const errorOf = (w: Awaited<ReturnType<typeof setup>>, stage: string) => w.find(`[data-testid="deadline-${stage}"] .el-form-item__error`)
/** el-form-item shows (and hides) its error after a short debounce: wait for it. */
async function errorText(w: Awaited<ReturnType<typeof setup>>, stage: string): Promise<string> {
  await vi.waitFor(() => expect(errorOf(w, stage).exists()).toBe(true))
  return errorOf(w, stage).text()
}
const noError = (w: Awaited<ReturnType<typeof setup>>, stage: string) => vi.waitFor(() => expect(errorOf(w, stage).exists()).toBe(false))

describe('stage deadline settings page', () => {
  beforeEach(() => {
    pinia = createPinia()
    setActivePinia(pinia)
    setLocale('zh-CN')
    get.mockReset().mockResolvedValue({ stage_deadline_days: { ...DEFAULTS }, routing_days: 5 })
    put.mockReset()
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('lists each stage by its Chinese name with the loaded days and the rule in words', async () => {
    const w = await setup()
    const labels = w.findAll('.stage-row .el-form-item__label').map((l) => l.text())
    expect(labels).toEqual(['线索', '预审中', '已入库', '洽谈中', '已签约', '已开工'])
    const values = [...DEADLINE_KEYS].map((k) =>
      w.find(`[data-testid="deadline-${k}"]`).findComponent({ name: 'ElInputNumber' }).props('modelValue'),
    )
    expect(values).toEqual([3, 7, 14, 90, 90, 365, 5])
    expect(w.find('[data-testid="deadline-explain"]').text()).toContain(
      '新进入该阶段的项目，下一步期限 = 进入日期 + 天数；已在该阶段的项目不受影响',
    )
    expect(w.find('[data-testid="deadline-lead"]').text()).toContain('下一步：提交预审')
    expect(w.find('[data-testid="deadline-reset"]').attributes('disabled')).toBeDefined()
  })

  it('saves every stage with the changed value and shows what the server saved', async () => {
    put.mockResolvedValue({ stage_deadline_days: { ...DEFAULTS, lead: 5 }, routing_days: 5 })
    const w = await setup()
    await type(w, 'lead', 5)
    expect(w.find('[data-testid="deadline-unsaved"]').exists()).toBe(true)
    await save(w)
    expect(put).toHaveBeenCalledTimes(1)
    expect(put.mock.calls[0][0]).toEqual({ stage_deadline_days: { ...DEFAULTS, lead: 5 }, routing_days: 5 })
    expect(w.find('[data-testid="deadline-unsaved"]').exists()).toBe(false)
    expect(w.find('[data-testid="deadline-reset"]').attributes('disabled')).toBeDefined()
  })

  it('puts the server field errors under their stage', async () => {
    put.mockRejectedValue(
      new ApiError(
        400,
        { code: 'invalid_argument', message: 'bad', fields: { signed: 'invalid_value', construction: 'unknown_field' } },
        '/pipeline/settings',
      ),
    )
    const w = await setup()
    await type(w, 'signed', 120)
    await save(w)
    expect(await errorText(w, 'signed')).toBe('取值无效')
    expect(await errorText(w, 'construction')).toBe('未知字段')
    await noError(w, 'lead')
  })

  it('does not send a cleared stage', async () => {
    const w = await setup()
    await type(w, 'lead', null)
    await save(w)
    expect(put).not.toHaveBeenCalled()
    expect(await errorText(w, 'lead')).toBe('必填')
  })

  it('keeps typed days within 1–3650 (the input clamps, the check above is the backstop)', async () => {
    const w = await setup()
    await type(w, 'approved', 0)
    await type(w, 'construction', 5000)
    const value = (st: string) => w.find(`[data-testid="deadline-${st}"]`).findComponent({ name: 'ElInputNumber' }).props('modelValue')
    expect([value('approved'), value('construction')]).toEqual([1, 3650])
  })

  it('saves the days a park has to answer a routing (1–60) and shows their server error', async () => {
    put.mockRejectedValue(
      new ApiError(400, { code: 'invalid_argument', message: 'bad', fields: { routing_days: 'invalid_value' } }, '/pipeline/settings'),
    )
    const w = await setup()
    expect(w.find('[data-testid="deadline-routing_days"] .el-form-item__label').text()).toBe('园区接收')
    await type(w, 'routing_days', 10)
    await save(w)
    expect(put.mock.calls[0][0].routing_days).toBe(10)
    expect(await errorText(w, 'routing_days')).toBe('取值无效')
  })

  it('Reset goes back to the loaded values and clears the errors', async () => {
    const w = await setup()
    await type(w, 'lead', null)
    await save(w)
    await errorText(w, 'lead')
    await w.find('[data-testid="deadline-reset"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-testid="deadline-lead"]').findComponent({ name: 'ElInputNumber' }).props('modelValue')).toBe(3)
    await noError(w, 'lead')
    expect(w.find('[data-testid="deadline-unsaved"]').exists()).toBe(false)
  })
})
