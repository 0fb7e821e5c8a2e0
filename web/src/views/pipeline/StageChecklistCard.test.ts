// 阶段清单 settings: a stage's list from GET /checklists, rows edited, added, moved and removed, the
// form's own checks and the server's field errors under the right rows, PUT with the whole list, and
// a stage switch that asks before dropping unsaved changes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { ApiError } from '@/api/http'
import { i18n, setLocale } from '@/locales'
import type { ChecklistApi } from '@/api/checklists'

vi.mock('@/api/checklists', async (orig) => ({
  ...(await orig<typeof import('@/api/checklists')>()),
  getChecklists: vi.fn(),
  putChecklist: vi.fn(),
}))
vi.mock('@/api/attachments', async (orig) => ({
  ...(await orig<typeof import('@/api/attachments')>()),
  getAttachmentKinds: vi.fn(async () => ({
    kinds: [
      { code: 'business_licence', name: '营业执照', stages: ['lead'] },
      { code: 'investment_agreement', name: '投资协议', stages: ['signed'] },
    ],
    formats: [],
    max_bytes: 1,
    max_files: 200,
  })),
}))
vi.mock('@/composables/confirmDanger', () => ({ confirmDanger: vi.fn(async () => true) }))

import { getChecklists, putChecklist } from '@/api/checklists'
import { confirmDanger } from '@/composables/confirmDanger'
import { resetAttachmentKinds } from '@/composables/useAttachments'
import StageChecklistCard from './StageChecklistCard.vue'

const get = getChecklists as unknown as ReturnType<typeof vi.fn>
const put = putChecklist as unknown as ReturnType<typeof vi.fn>
const confirm = confirmDanger as unknown as ReturnType<typeof vi.fn>

const item = (id: number, stage: ChecklistApi.Stage, title: string, over: Partial<ChecklistApi.Item> = {}): ChecklistApi.Item => ({
  id,
  stage,
  title,
  detail: '',
  evidence_kind: null,
  required: false,
  ...over,
})
const ALL = (): ChecklistApi.All => ({
  stages: {
    lead: [
      item(1, 'lead', '核实投资方主体信息', { evidence_kind: 'business_licence', detail: '查验营业执照' }),
      item(2, 'lead', '首次接洽并记录跟进'),
    ],
    in_review: [item(4, 'in_review', '提交项目计划书')],
    approved: [],
    negotiating: [],
    signed: [item(12, 'signed', '签订投资协议', { evidence_kind: 'investment_agreement' })],
    construction: [],
    production: [],
  },
  max_items: 3,
})

async function setup() {
  const w = mount(StageChecklistCard, { global: { plugins: [ElementPlus, i18n] }, attachTo: document.body })
  await flushPromises()
  return w
}
const rows = (w: VueWrapper) => w.findAll('[data-testid="checklists-row"]')
const titles = (w: VueWrapper) => rows(w).map((r) => (r.find('input[data-testid="checklists-title"]').element as HTMLInputElement).value)
/** The message under a row's field (the form item's `error`: its text fades out through a transition). */
function errorOf(w: VueWrapper, i: number, item: string): string {
  const row = rows(w)[i].element
  const found = w.findAllComponents({ name: 'ElFormItem' }).find((f) => row.contains(f.element) && f.attributes('data-testid') === item)
  return (found?.props('error') as string | undefined) ?? ''
}
async function typeTitle(w: VueWrapper, i: number, value: string) {
  await rows(w)[i].find('input[data-testid="checklists-title"]').setValue(value)
  await flushPromises()
}
const save = async (w: VueWrapper) => {
  await w.find('[data-testid="checklists-form"]').trigger('submit')
  await flushPromises()
}
const unsaved = (w: VueWrapper) => w.find('[data-testid="checklists-unsaved"]').exists()

describe('stage checklist settings card', () => {
  beforeEach(() => {
    setLocale('zh-CN')
    resetAttachmentKinds()
    get.mockReset().mockResolvedValue(ALL())
    put.mockReset()
    confirm.mockReset().mockResolvedValue(true)
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it("shows the first stage's items with their kinds and 必做, and each stage with its count", async () => {
    const w = await setup()
    const tabs = w.findAll('.el-tabs__item').map((t) => t.text())
    expect(tabs).toEqual(['线索（2）', '预审中（1）', '已入库（0）', '洽谈中（0）', '已签约（1）', '已开工（0）', '已投产（0）'])
    expect(titles(w)).toEqual(['核实投资方主体信息', '首次接洽并记录跟进'])
    expect(rows(w)[0].findComponent({ name: 'ElSelect' }).props('modelValue')).toBe('business_licence')
    expect(
      rows(w)[0]
        .findComponent({ name: 'ElSelect' })
        .findAllComponents({ name: 'ElOption' })
        .map((o) => o.props('label')),
    ).toEqual(['营业执照', '投资协议'])
    expect(unsaved(w)).toBe(false)
  })

  it('adds, moves and removes rows, marks one required, and PUTs the whole list in screen order', async () => {
    const w = await setup()
    await w.find('[data-testid="checklists-add"]').trigger('click')
    await typeTitle(w, 2, '  摸清项目需求 ')
    expect(unsaved(w)).toBe(true)
    // the maximum (3 here, the server's max_items) reached: no more rows
    expect(w.find('[data-testid="checklists-add"]').attributes('disabled')).toBeDefined()
    await rows(w)[2].find('[data-testid="checklists-up"]').trigger('click')
    expect(titles(w)).toEqual(['核实投资方主体信息', '  摸清项目需求 ', '首次接洽并记录跟进'])
    await rows(w)[2].findComponent({ name: 'ElSwitch' }).vm.$emit('update:modelValue', true)
    await rows(w)[0].find('[data-testid="checklists-remove"]').trigger('click')
    await flushPromises()
    const after = ALL()
    after.stages.lead = [item(2, 'lead', '摸清项目需求'), item(20, 'lead', '首次接洽并记录跟进', { required: true })]
    put.mockResolvedValue(after)
    await save(w)
    expect(put).toHaveBeenCalledWith(
      'lead',
      [
        { title: '摸清项目需求', detail: '', evidence_kind: null, required: false },
        { id: 2, title: '首次接洽并记录跟进', detail: '', evidence_kind: null, required: true },
      ],
      { silent: true },
    )
    expect(document.body.textContent).toContain('“线索”阶段清单已保存')
    expect(unsaved(w)).toBe(false)
  })

  it('checks the rows before sending and clears a message once its field changes', async () => {
    const w = await setup()
    await typeTitle(w, 1, ' 核实投资方主体信息 ')
    await w.find('[data-testid="checklists-add"]').trigger('click')
    await save(w)
    expect(put).not.toHaveBeenCalled()
    expect(errorOf(w, 1, 'checklists-title-item')).toBe('同一阶段的事项名称不能重复')
    expect(errorOf(w, 2, 'checklists-title-item')).toBe('请填写事项名称')
    await typeTitle(w, 2, '摸清项目需求')
    expect(errorOf(w, 2, 'checklists-title-item')).toBe('')
    expect(errorOf(w, 1, 'checklists-title-item')).toBe('同一阶段的事项名称不能重复')
  })

  it("puts the server's field errors under the rows sent, and other refusals in the alert", async () => {
    const w = await setup()
    await typeTitle(w, 1, '首次接洽')
    put.mockRejectedValueOnce(
      new ApiError(
        400,
        {
          code: 'invalid_argument',
          message: 'x',
          fields: { 'items.0.evidence_kind': 'invalid_value', 'items.1.id': 'not_found', 'items.1.detail': 'too_long' },
        },
        '/checklists/lead',
      ),
    )
    await save(w)
    expect(errorOf(w, 0, 'checklists-kind-item')).toBe('材料类型无效，请重新选择')
    expect(errorOf(w, 1, 'checklists-title-item')).toBe('该事项已被他人删除，请点“重置”后再修改')
    expect(errorOf(w, 1, 'checklists-detail-item')).toBe('说明不能超过 1000 字')
    // the errors follow their rows
    await rows(w)[1].find('[data-testid="checklists-up"]').trigger('click')
    expect(errorOf(w, 0, 'checklists-detail-item')).toBe('说明不能超过 1000 字')

    put.mockRejectedValueOnce(
      new ApiError(400, { code: 'invalid_argument', message: 'x', fields: { items: 'too_many' } }, '/checklists/lead'),
    )
    await save(w)
    expect(w.find('[data-testid="checklists-list-error"]').text()).toContain('每个阶段最多 3 项，请先删除一些事项')
    put.mockRejectedValueOnce(new ApiError(403, { code: 'forbidden', message: 'x' }, '/checklists/lead'))
    await save(w)
    expect(w.find('[data-testid="checklists-error"]').text()).toContain('没有权限执行此操作')
    await w.find('[data-testid="checklists-reset"]').trigger('click')
    await flushPromises()
    expect(titles(w)).toEqual(['核实投资方主体信息', '首次接洽并记录跟进'])
    expect(w.find('[data-testid="checklists-error"]').exists()).toBe(false)
    expect(unsaved(w)).toBe(false)
  })

  it('asks before a stage switch drops unsaved changes, and stays when the user says no', async () => {
    const w = await setup()
    const tab = (label: string) => w.findAll('.el-tabs__item').find((t) => t.text().startsWith(label))!
    await tab('预审中').trigger('click')
    await flushPromises()
    expect(confirm).not.toHaveBeenCalled() // nothing to lose
    expect(titles(w)).toEqual(['提交项目计划书'])
    await typeTitle(w, 0, '提交项目计划书（含效益测算）')
    confirm.mockResolvedValueOnce(false)
    await tab('已签约').trigger('click')
    await flushPromises()
    expect(confirm.mock.calls[0][0]).toContain('“预审中”阶段清单的修改尚未保存')
    expect(titles(w)).toEqual(['提交项目计划书（含效益测算）'])
    await tab('已签约').trigger('click')
    await flushPromises()
    expect(titles(w)).toEqual(['签订投资协议'])
    expect(unsaved(w)).toBe(false)
  })
})
