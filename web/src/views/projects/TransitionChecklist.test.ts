// The transition dialog and the required 阶段清单 items the server says are still open: it names
// them, ticks them in place (with a note), reads the project again, and keeps 确定 off until the
// server's list is empty; the guard's refusal reads in words.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { i18n, setLocale } from '@/locales'
import type { ProjectApi } from '@/api/projects'
import type { ChecklistApi } from '@/api/checklists'

vi.mock('@/api/projects', async (orig) => ({
  ...(await orig<typeof import('@/api/projects')>()),
  transitionProject: vi.fn(),
  getProject: vi.fn(),
}))
vi.mock('@/api/checklists', async (orig) => ({
  ...(await orig<typeof import('@/api/checklists')>()),
  getProjectChecklist: vi.fn(),
  tickChecklistItem: vi.fn(),
}))
vi.mock('@/api/attachments', async (orig) => ({
  ...(await orig<typeof import('@/api/attachments')>()),
  getAttachmentKinds: vi.fn(async () => ({ kinds: [], formats: [], max_bytes: 1, max_files: 200 })),
}))

import { getProject, NO_CAPABILITIES, transitionProject } from '@/api/projects'
import { getProjectChecklist, tickChecklistItem } from '@/api/checklists'
import { ApiError } from '@/api/http'
import TransitionDialog from './TransitionDialog.vue'

const post = transitionProject as unknown as ReturnType<typeof vi.fn>
const get = getProject as unknown as ReturnType<typeof vi.fn>
const getList = getProjectChecklist as unknown as ReturnType<typeof vi.fn>
const tick = tickChecklistItem as unknown as ReturnType<typeof vi.fn>

const project = { id: 7, name: '盛弘整车制造智能工厂项目', stage: 'lead' as const, version: 3 }
const submitReview = (checklist: string[]): ProjectApi.TransitionCapability => ({
  to: 'in_review',
  ask: [],
  reason_codes: [],
  reason: 'none',
  evidence: [],
  checklist,
})
const withOpen = (version: number, checklist: string[]) => ({
  ...project,
  version,
  capabilities: { ...NO_CAPABILITIES, transitions: [submitReview(checklist)] },
})
const item = (id: number, title: string, over: Partial<ChecklistApi.ProjectItem> = {}): ChecklistApi.ProjectItem => ({
  id,
  stage: 'lead',
  title,
  detail: '',
  evidence_kind: null,
  required: true,
  ticked: false,
  ticked_by_name: null,
  ticked_at: null,
  note: '',
  evidence_held: false,
  ...over,
})
const list = (tickable: boolean, ...items: ChecklistApi.ProjectItem[]): ChecklistApi.OfProject => ({
  stage: 'lead',
  items,
  capabilities: { tick: tickable },
})

async function setup(transition: ProjectApi.TransitionCapability, p: ReturnType<typeof withOpen>) {
  const w = mount(TransitionDialog, {
    props: { open: false, project: p, transition, units: [] },
    global: { plugins: [ElementPlus, i18n, createPinia()] },
    attachTo: document.body,
  })
  await w.setProps({ open: true })
  await flushPromises()
  return w
}
const confirmButton = () => document.querySelector('[data-testid="transition-confirm"]') as HTMLButtonElement
const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ''
const shown = (id: string) => document.querySelector(`[data-testid="${id}"]`) !== null

describe('transition dialog and the required checklist items still open', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    setLocale('zh-CN')
    post.mockReset().mockResolvedValue({ ...project, stage: 'in_review' })
    get.mockReset()
    getList.mockReset()
    tick.mockReset()
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('names the items, ticks one in place with its note, and turns 确定 on once the server says none is open', async () => {
    get.mockResolvedValueOnce(withOpen(3, ['首次接洽并记录跟进', '摸清项目需求']))
    getList.mockResolvedValue(
      list(true, item(1, '核实投资方主体信息', { required: false }), item(2, '首次接洽并记录跟进'), item(3, '摸清项目需求')),
    )
    const w = await setup(submitReview(['首次接洽并记录跟进']), withOpen(3, ['首次接洽并记录跟进']))
    // Read again on open: the list may have changed since the page read the project.
    expect(get).toHaveBeenCalledWith(7, { silent: true })
    expect(text('transition-checklist-missing')).toContain('离开“线索”前需完成：首次接洽并记录跟进、摸清项目需求')
    expect(text('transition-checklist-missing')).toContain('可在此直接勾选')
    expect([...document.querySelectorAll('[data-testid="transition-checklist-item"]')].map((e) => (e as HTMLElement).dataset.id)).toEqual([
      '2',
      '3',
    ])
    expect(confirmButton().disabled).toBe(true)

    // Tick both; the dialog reads the project after each and follows the server's list.
    const note = document.querySelector('input[data-testid="transition-checklist-note"]') as HTMLInputElement
    note.value = '已电话联系'
    note.dispatchEvent(new Event('input'))
    tick.mockResolvedValueOnce(list(true, item(2, '首次接洽并记录跟进', { ticked: true }), item(3, '摸清项目需求')))
    get.mockResolvedValueOnce(withOpen(3, ['摸清项目需求']))
    ;(document.querySelector('[data-testid="transition-checklist-tick"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(tick).toHaveBeenCalledWith(7, 2, '已电话联系', { silent: true })
    expect(text('transition-checklist-missing')).toContain('离开“线索”前需完成：摸清项目需求')
    expect(text('transition-checklist-done')).toContain('已勾选：首次接洽并记录跟进')
    expect(confirmButton().disabled).toBe(true)
    expect(w.emitted('attached')).toHaveLength(1)

    tick.mockResolvedValueOnce(list(true, item(2, '首次接洽并记录跟进', { ticked: true }), item(3, '摸清项目需求', { ticked: true })))
    get.mockResolvedValueOnce(withOpen(4, []))
    ;(document.querySelector('[data-testid="transition-checklist-tick"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(tick).toHaveBeenLastCalledWith(7, 3, '', { silent: true })
    expect(shown('transition-checklist-missing')).toBe(false)
    expect(document.querySelectorAll('[data-testid="transition-checklist-done"]')).toHaveLength(2)
    expect(confirmButton().disabled).toBe(false)

    confirmButton().click()
    await flushPromises()
    expect(post).toHaveBeenCalledWith(7, { to: 'in_review', version: 4, fields: {} }, { silent: true })
    expect(w.emitted('done')).toHaveLength(1)
  })

  it('says where to tick when this user may not tick', async () => {
    get.mockResolvedValueOnce(withOpen(3, ['首次接洽并记录跟进']))
    getList.mockResolvedValue(list(false, item(2, '首次接洽并记录跟进')))
    await setup(submitReview(['首次接洽并记录跟进']), withOpen(3, ['首次接洽并记录跟进']))
    expect(text('transition-checklist-missing')).toContain('您不能勾选该项目的阶段清单')
    expect(shown('transition-checklist-item')).toBe(false)
    expect(confirmButton().disabled).toBe(true)
  })

  it("reads the guard's refusal in words and shows the items the server now lists", async () => {
    post.mockRejectedValueOnce(
      new ApiError(400, { code: 'guard_failed', message: 'x', fields: { checklist: 'required' } }, '/projects/7/transitions'),
    )
    get.mockResolvedValueOnce(withOpen(3, ['首次接洽并记录跟进']))
    getList.mockResolvedValue(list(true, item(2, '首次接洽并记录跟进')))
    await setup(submitReview([]), withOpen(3, []))
    expect(get).not.toHaveBeenCalled()
    confirmButton().click()
    await flushPromises()
    expect(text('transition-error')).toContain('请先完成本阶段清单中的必做事项')
    expect(get).toHaveBeenCalledTimes(1)
    expect(text('transition-checklist-missing')).toContain('离开“线索”前需完成：首次接洽并记录跟进')
    expect(confirmButton().disabled).toBe(true)
  })

  it('says a refused tick under its item, in English too', async () => {
    setLocale('en')
    get.mockResolvedValueOnce(withOpen(3, ['首次接洽并记录跟进']))
    getList.mockResolvedValue(list(true, item(2, '首次接洽并记录跟进')))
    await setup(submitReview(['首次接洽并记录跟进']), withOpen(3, ['首次接洽并记录跟进']))
    expect(text('transition-checklist-missing')).toContain('Before leaving “Lead”, complete: 首次接洽并记录跟进')
    tick.mockRejectedValueOnce(
      new ApiError(400, { code: 'invalid_argument', message: 'x', fields: { note: 'invalid_value' } }, '/projects/7/checklist/2/tick'),
    )
    ;(document.querySelector('[data-testid="transition-checklist-tick"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(text('transition-checklist-error')).toBe('The note must be one line without special characters')
  })
})
