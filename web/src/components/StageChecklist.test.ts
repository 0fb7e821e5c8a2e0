// 阶段清单 on the project page: the server's items with their words, a tick with an optional note
// (who and when shown from the answer), an untick that asks first, read-only without
// `capabilities.tick`, and every refusal in the user's language.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { ApiError } from '@/api/http'
import { i18n, setLocale } from '@/locales'
import type { ChecklistApi } from '@/api/checklists'

vi.mock('@/api/checklists', async (orig) => ({
  ...(await orig<typeof import('@/api/checklists')>()),
  getProjectChecklist: vi.fn(),
  tickChecklistItem: vi.fn(),
  untickChecklistItem: vi.fn(),
}))
vi.mock('@/api/attachments', async (orig) => ({
  ...(await orig<typeof import('@/api/attachments')>()),
  getAttachmentKinds: vi.fn(async () => ({
    kinds: [{ code: 'business_licence', name: '营业执照', stages: ['lead'] }],
    formats: [],
    max_bytes: 1,
    max_files: 200,
  })),
}))
vi.mock('@/composables/confirmDanger', () => ({ confirmDanger: vi.fn(async () => true) }))

import { getProjectChecklist, tickChecklistItem, untickChecklistItem } from '@/api/checklists'
import { confirmDanger } from '@/composables/confirmDanger'
import { resetAttachmentKinds } from '@/composables/useAttachments'
import StageChecklist from './StageChecklist.vue'

const get = getProjectChecklist as unknown as ReturnType<typeof vi.fn>
const tick = tickChecklistItem as unknown as ReturnType<typeof vi.fn>
const untick = untickChecklistItem as unknown as ReturnType<typeof vi.fn>
const confirm = confirmDanger as unknown as ReturnType<typeof vi.fn>

const at = new Date(2026, 11, 1, 9, 5, 30).getTime()
function item(id: number, title: string, over: Partial<ChecklistApi.ProjectItem> = {}): ChecklistApi.ProjectItem {
  return {
    id,
    stage: 'lead',
    title,
    detail: '',
    evidence_kind: null,
    required: false,
    ticked: false,
    ticked_by_name: null,
    ticked_at: null,
    note: '',
    evidence_held: false,
    ...over,
  }
}
const LIST = (over: Partial<ChecklistApi.OfProject> = {}, items?: ChecklistApi.ProjectItem[]): ChecklistApi.OfProject => ({
  stage: 'lead',
  items: items ?? [
    item(1, '核实投资方主体信息', { detail: '查验营业执照。', evidence_kind: 'business_licence' }),
    item(2, '首次接洽并记录跟进', { required: true }),
    item(3, '摸清项目需求', { evidence_kind: 'business_licence', evidence_held: true }),
  ],
  capabilities: { tick: true },
  ...over,
})
const PROJECT = { id: 7, stage: 'lead' as const, capabilities: { attach: true } }

async function setup(project: typeof PROJECT = PROJECT) {
  const w = mount(StageChecklist, { props: { project }, global: { plugins: [ElementPlus, i18n] }, attachTo: document.body })
  await flushPromises()
  return w
}
const rows = () => [...document.querySelectorAll('[data-testid="checklist-item"]')] as HTMLElement[]
const row = (id: number) => document.querySelector(`[data-testid="checklist-item"][data-id="${id}"]`) as HTMLElement
const inRow = (id: number, testid: string) => row(id).querySelector(`[data-testid="${testid}"]`) as HTMLElement | null

describe('stage checklist on the project page', () => {
  beforeEach(() => {
    setLocale('zh-CN')
    resetAttachmentKinds()
    get.mockReset().mockResolvedValue(LIST())
    tick.mockReset()
    untick.mockReset()
    confirm.mockReset().mockResolvedValue(true)
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('lists the items in words: title, detail, the evidence asked (held or not), 必做, and the progress', async () => {
    await setup()
    expect(get).toHaveBeenCalledWith(7, { silent: true })
    expect(rows().map((r) => r.querySelector('[data-testid="checklist-title"]')?.textContent)).toEqual([
      '核实投资方主体信息',
      '首次接洽并记录跟进',
      '摸清项目需求',
    ])
    expect(row(1).textContent).toContain('查验营业执照。')
    expect(inRow(1, 'checklist-evidence')?.textContent).toContain('需上传：营业执照')
    expect(inRow(1, 'checklist-evidence-held')).toBeNull()
    expect(inRow(1, 'checklist-to-files')?.textContent?.trim()).toBe('去上传')
    expect(inRow(3, 'checklist-evidence-held')?.textContent).toContain('已上传')
    expect(inRow(3, 'checklist-to-files')?.textContent?.trim()).toBe('查看佐证材料')
    expect(inRow(2, 'checklist-required')?.textContent?.trim()).toBe('必做')
    expect(inRow(1, 'checklist-required')).toBeNull()
    expect(document.querySelector('[data-testid="checklist-progress"]')?.textContent).toBe('已完成 0/3')
    expect(document.querySelector('[data-testid="checklist-required-open"]')?.textContent?.trim()).toBe('必做未完成 1 项')
  })

  it('ticks with the note typed, shows who ticked and when from the answer, and tells the page', async () => {
    const w = await setup()
    inRow(2, 'checklist-tick')!.click()
    await flushPromises()
    expect(tick).not.toHaveBeenCalled() // the note comes first
    const input = document.querySelector('input[data-testid="checklist-note-input"]') as HTMLInputElement
    input.value = '  已电话联系王总 '
    input.dispatchEvent(new Event('input'))
    await flushPromises()
    tick.mockResolvedValue(
      LIST({}, [
        item(2, '首次接洽并记录跟进', { required: true, ticked: true, ticked_by_name: '张伟', ticked_at: at, note: '已电话联系王总' }),
      ]),
    )
    ;(document.querySelector('[data-testid="checklist-confirm"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(tick).toHaveBeenCalledWith(7, 2, '已电话联系王总', { silent: true })
    expect(inRow(2, 'checklist-ticked-by')?.textContent).toBe('张伟 于 2026-12-01 09:05 勾选')
    expect(inRow(2, 'checklist-note')?.textContent?.trim()).toBe('备注：已电话联系王总')
    expect(inRow(2, 'checklist-tick')?.getAttribute('aria-checked')).toBe('true')
    expect(document.querySelector('[data-testid="checklist-note-form"]')).toBeNull()
    expect(document.querySelector('[data-testid="checklist-required-open"]')).toBeNull()
    expect(w.emitted('changed')).toHaveLength(1)
  })

  it('unticks only after the user confirms', async () => {
    get.mockResolvedValue(LIST({}, [item(2, '首次接洽并记录跟进', { ticked: true, ticked_by_name: '张伟', ticked_at: at })]))
    const w = await setup()
    confirm.mockResolvedValueOnce(false)
    inRow(2, 'checklist-tick')!.click()
    await flushPromises()
    expect(confirm.mock.calls[0][0]).toContain('取消勾选“首次接洽并记录跟进”？原勾选记录（张伟，2026-12-01 09:05）将被清除')
    expect(untick).not.toHaveBeenCalled()
    untick.mockResolvedValue(LIST({}, [item(2, '首次接洽并记录跟进')]))
    inRow(2, 'checklist-tick')!.click()
    await flushPromises()
    expect(untick).toHaveBeenCalledWith(7, 2, { silent: true })
    expect(inRow(2, 'checklist-ticked-by')).toBeNull()
    expect(w.emitted('changed')).toHaveLength(1)
  })

  it('is read-only when the server says this user may not tick', async () => {
    get.mockResolvedValue(LIST({ capabilities: { tick: false } }))
    await setup()
    expect(document.querySelector('[data-testid="stage-checklist"]')?.textContent).toContain(
      '只有项目的招商人、负责人、承接园区和投促局可以勾选',
    )
    const box = inRow(1, 'checklist-tick') as HTMLButtonElement
    expect(box.disabled).toBe(true)
    box.click()
    row(1).querySelector<HTMLElement>('[data-testid="checklist-title"]')!.click()
    await flushPromises()
    expect(document.querySelector('[data-testid="checklist-note-form"]')).toBeNull()
  })

  it('says a refused note under it, and reloads when the item is no longer of the stage', async () => {
    await setup()
    inRow(1, 'checklist-tick')!.click()
    await flushPromises()
    tick.mockRejectedValueOnce(
      new ApiError(400, { code: 'invalid_argument', message: 'x', fields: { note: 'too_long' } }, '/projects/7/checklist/1/tick'),
    )
    ;(document.querySelector('[data-testid="checklist-confirm"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(document.querySelector('[data-testid="checklist-note-error"]')?.textContent).toBe('备注不能超过 200 字')

    tick.mockRejectedValueOnce(new ApiError(404, { code: 'not_found', message: 'x' }, '/projects/7/checklist/1/tick'))
    get.mockResolvedValue(LIST({ stage: 'in_review' }, [item(4, '提交项目计划书')]))
    ;(document.querySelector('[data-testid="checklist-confirm"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(document.body.textContent).toContain('该事项已不在项目当前阶段的清单中')
    expect(rows().map((r) => r.dataset.id)).toEqual(['4'])
  })

  it('shows nothing at a stage without a list, reads again when the page hands over a new project, and speaks English', async () => {
    get.mockResolvedValue(LIST({ stage: 'shelved', items: [] }))
    const w = await setup({ ...PROJECT })
    expect(document.querySelector('[data-testid="stage-checklist"]')).toBeNull()
    setLocale('en')
    get.mockResolvedValue(LIST())
    await w.setProps({ project: { ...PROJECT } })
    await flushPromises()
    expect(get).toHaveBeenCalledTimes(2)
    expect(inRow(1, 'checklist-evidence')?.textContent).toContain('Document needed: Business licence')
    expect(inRow(2, 'checklist-required')?.textContent?.trim()).toBe('Required')
    expect(document.querySelector('[data-testid="checklist-progress"]')?.textContent).toBe('0 of 3 done')
  })

  it('asks the page for its files', async () => {
    const w = await setup()
    inRow(1, 'checklist-to-files')!.click()
    await flushPromises()
    expect(w.emitted('files')).toHaveLength(1)
  })
})
