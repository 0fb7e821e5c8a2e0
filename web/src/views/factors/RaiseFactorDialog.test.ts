// 提出要素需求: the department follows the chosen type (the server's mapping), the quantity asks in
// the type's own unit, a type without a department needs one, and a stage the server refuses reads
// in Chinese.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia } from 'pinia'
import { ApiError } from '@/api/http'
import { i18n, setLocale } from '@/locales'

vi.mock('@/api/factors', async (orig) => ({
  ...(await orig<typeof import('@/api/factors')>()),
  raiseFactorRequest: vi.fn(),
  getFactorTypes: vi.fn(async () => ({
    items: [
      { type: 'power', quantity_unit: 'kva', unit_id: 8, unit_name: '国网安庆供电公司' },
      { type: 'water', quantity_unit: 't_per_day', unit_id: null, unit_name: '' },
      { type: 'policy', quantity_unit: '', unit_id: 3, unit_name: '发改委' },
    ],
    unresolvable_reason_codes: [],
    capabilities: { edit: false },
  })),
}))

import { raiseFactorRequest } from '@/api/factors'
import RaiseFactorDialog from './RaiseFactorDialog.vue'

const raise = raiseFactorRequest as unknown as ReturnType<typeof vi.fn>

async function setup() {
  const w = mount(RaiseFactorDialog, {
    props: { open: false, projectId: 16, unitTree: [], 'onUpdate:open': (v: boolean) => w.setProps({ open: v }) },
    global: { plugins: [ElementPlus, i18n, createPinia()] },
    attachTo: document.body,
  })
  await w.setProps({ open: true })
  await flushPromises()
  return w
}
const dialog = () => document.querySelector('[data-testid="factor-raise-dialog"]') as HTMLElement
async function choose(w: Awaited<ReturnType<typeof setup>>, type: string) {
  w.findAllComponents({ name: 'ElSelect' })[0].vm.$emit('update:modelValue', type)
  await flushPromises()
}
async function submit() {
  ;(dialog().querySelector('[data-testid="factor-raise-submit"]') as HTMLElement).click()
  await flushPromises()
}
const treeSelect = (w: Awaited<ReturnType<typeof setup>>) => w.findComponent({ name: 'ElTreeSelect' })

describe('raise a factor request', () => {
  beforeEach(() => {
    raise.mockReset()
  })
  afterEach(() => {
    setLocale('zh-CN')
    document.body.innerHTML = ''
  })

  it('takes the type’s department and asks the quantity in its unit', async () => {
    const w = await setup()
    expect(dialog().querySelector('[data-testid="factor-quantity"]')).toBeNull()
    await choose(w, 'power')
    expect(treeSelect(w).props('modelValue')).toBe(8)
    expect(dialog().querySelector('[data-testid="factor-quantity"]')?.textContent).toContain('kVA')
    await choose(w, 'policy')
    expect(dialog().querySelector('[data-testid="factor-quantity"]')).toBeNull()
  })

  it('sends type, need, quantity and department', async () => {
    raise.mockResolvedValue({ id: 9, department_name: '国网安庆供电公司' })
    const w = await setup()
    await choose(w, 'power')
    const qty = dialog().querySelector('[data-testid="factor-quantity"] input') as HTMLInputElement
    qty.value = '8000'
    qty.dispatchEvent(new Event('input'))
    const need = dialog().querySelector('textarea[data-testid="factor-need"]') as HTMLTextAreaElement
    need.value = '新建专线'
    need.dispatchEvent(new Event('input'))
    await flushPromises()
    await submit()
    expect(raise).toHaveBeenCalledWith(16, { type: 'power', need: '新建专线', quantity: 8000, department_id: 8 }, { silent: true })
  })

  it('needs a department for a type that has none', async () => {
    const w = await setup()
    await choose(w, 'water')
    const need = dialog().querySelector('textarea[data-testid="factor-need"]') as HTMLTextAreaElement
    need.value = '日供水 500 吨'
    need.dispatchEvent(new Event('input'))
    await submit()
    expect(raise).not.toHaveBeenCalled()
    await vi.waitFor(() => expect(dialog().querySelector('[data-testid="factor-department"] .el-form-item__error')).not.toBeNull())
    expect(dialog().querySelector('[data-testid="factor-department"] .el-form-item__error')?.textContent).toContain('请选择')
  })

  it('says in Chinese when the project’s stage does not allow it', async () => {
    raise.mockRejectedValue(new ApiError(409, { code: 'stage_not_allowed', message: 'factor requests are raised from negotiation' }, '/x'))
    const w = await setup()
    await choose(w, 'policy')
    const need = dialog().querySelector('textarea[data-testid="factor-need"]') as HTMLTextAreaElement
    need.value = '兑现设备补贴'
    need.dispatchEvent(new Event('input'))
    await submit()
    expect(dialog().querySelector('[data-testid="factor-raise-error"]')?.textContent).toContain('当前阶段不能提出要素需求')
  })
})
