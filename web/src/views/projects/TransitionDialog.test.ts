// The transition dialog asks for exactly what the capability entry lists, offers its reason
// codes and sends only those inputs; it has no table of its own of what each move needs.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { i18n, setLocale } from '@/locales'
import type { ProjectApi } from '@/api/projects'

vi.mock('@/api/projects', async (orig) => ({
  ...(await orig<typeof import('@/api/projects')>()),
  transitionProject: vi.fn(),
  getProject: vi.fn(),
  listReceivers: vi.fn(),
}))
vi.mock('@/api/attachments', async (orig) => ({
  ...(await orig<typeof import('@/api/attachments')>()),
  getAttachmentKinds: vi.fn(async () => ({
    kinds: [{ code: 'investment_agreement', name: '投资协议', stages: ['negotiating', 'signed'] }],
    formats: [{ code: 'pdf', extensions: ['pdf'] }],
    max_bytes: 20 * 1024 * 1024,
    max_files: 200,
  })),
  uploadAttachment: vi.fn(),
}))

import { getProject, listReceivers, NO_CAPABILITIES, transitionProject } from '@/api/projects'
import { useAuthStore } from '@/stores/auth'
import { uploadAttachment } from '@/api/attachments'
import { ApiError } from '@/api/http'
import TransitionDialog from './TransitionDialog.vue'

const post = transitionProject as unknown as ReturnType<typeof vi.fn>
const get = getProject as unknown as ReturnType<typeof vi.fn>
const upload = uploadAttachment as unknown as ReturnType<typeof vi.fn>
const project = { id: 7, name: '新能源汽车电机项目', stage: 'negotiating' as const, version: 3 }

async function setup(
  transition: ProjectApi.TransitionCapability,
  p: typeof project & { capabilities?: ProjectApi.Capabilities } = project,
) {
  const w = mount(TransitionDialog, {
    props: { open: false, project: p, transition, units: [] },
    global: { plugins: [ElementPlus, i18n, createPinia()] },
    attachTo: document.body,
  })
  await w.setProps({ open: true })
  await flushPromises()
  return w
}
const shown = (id: string) => document.querySelector(`[data-testid="${id}"]`) !== null

describe('transition dialog follows the capability entry', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    setLocale('zh-CN')
    post.mockReset().mockResolvedValue({ ...project, stage: 'signed' })
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('asks only for the inputs listed (a contracted investment already on the project is not asked)', async () => {
    await setup({ to: 'signed', ask: ['signing_date'], reason_codes: [], reason: 'none' })
    expect(shown('field-signing-date')).toBe(true)
    expect(shown('field-contracted')).toBe(false)
    expect(shown('transition-park')).toBe(false)
    expect(shown('transition-reason-code')).toBe(false)
    expect(document.querySelector('textarea')).toBeNull()
  })

  it('offers the reason codes it is given, with the text optional unless the code is other', async () => {
    const w = await setup({ to: 'shelved', ask: [], reason_codes: ['investor_paused', 'other'], reason: 'optional' })
    expect(shown('transition-reason-code')).toBe(true)
    const select = w.findComponent({ name: 'ElSelect' })
    expect(select.findAllComponents({ name: 'ElOption' }).map((o) => o.props('value'))).toEqual(['investor_paused', 'other'])
    const reasonItem = () =>
      w.findAllComponents({ name: 'ElFormItem' }).find((i) => i.props('label') === i18n.global.t('pipeline.transition.reason'))!
    expect(reasonItem().props('required')).toBe(false)
    select.vm.$emit('update:modelValue', 'other')
    await flushPromises()
    expect(reasonItem().props('required')).toBe(true)
  })

  it('marks the text required when the server says so, and sends only what it asked', async () => {
    const w = await setup({ to: 'negotiating', ask: [], reason_codes: [], reason: 'required' })
    const reason = w
      .findAllComponents({ name: 'ElFormItem' })
      .find((i) => i.props('label') === i18n.global.t('pipeline.transition.reason'))!
    expect(reason.props('required')).toBe(true)
    await w.find('textarea').setValue(' 投资方重新联系 ')
    await w.find('[data-testid="transition-confirm"]').trigger('click')
    await flushPromises()
    expect(post).toHaveBeenCalledWith(7, { to: 'negotiating', version: 3, fields: {}, reason: '投资方重新联系' }, { silent: true })
    expect(w.emitted('done')).toHaveLength(1)
  })
})

describe('transition dialog and the 佐证材料 the server says are missing', () => {
  const sign = (evidence: string[]): ProjectApi.TransitionCapability => ({
    to: 'signed',
    ask: [],
    reason_codes: [],
    reason: 'none',
    evidence,
  })
  const withFiles = (version: number, evidence: string[], attach = true) => ({
    ...project,
    version,
    capabilities: { ...NO_CAPABILITIES, attach, transitions: [sign(evidence)] },
  })
  const confirmButton = () => document.querySelector('[data-testid="transition-confirm"]') as HTMLButtonElement
  const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ''

  beforeEach(() => {
    setActivePinia(createPinia())
    setLocale('zh-CN')
    post.mockReset().mockResolvedValue({ ...project, stage: 'signed' })
    get.mockReset()
    upload.mockReset()
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('names what is missing, offers an upload for each kind and keeps 确定 off until the server says it is there', async () => {
    get.mockResolvedValueOnce(withFiles(3, ['investment_agreement']))
    const w = await setup(sign(['investment_agreement']), withFiles(3, ['investment_agreement']))
    // Read again on open: files may have come since the page read the project.
    expect(get).toHaveBeenCalledWith(7, { silent: true })
    expect(text('transition-evidence-missing')).toContain('进入“已签约”需上传：投资协议')
    expect(shown('attachment-upload-investment_agreement')).toBe(true)
    expect(confirmButton().disabled).toBe(true)

    // The upload: the dialog asks the server for the project again and follows its answer.
    const uploaded = { id: 9, kind: 'investment_agreement', name: '投资协议.pdf' }
    upload.mockResolvedValue(uploaded)
    get.mockResolvedValueOnce(withFiles(4, []))
    const input = w.find('[data-testid="attachment-file-investment_agreement"]')
    Object.defineProperty(input.element, 'files', { value: [new File(['%PDF-1.7'], '投资协议.pdf')], configurable: true })
    await input.trigger('change')
    await flushPromises()
    expect(upload).toHaveBeenCalledWith('project', 7, 'investment_agreement', expect.any(File), '投资协议.pdf', { silent: true })
    expect(get).toHaveBeenCalledTimes(2)
    expect(w.emitted('attached')).toHaveLength(1)
    expect(shown('transition-evidence-missing')).toBe(false)
    expect(text('transition-evidence-done')).toContain('已上传 投资协议：投资协议.pdf')
    expect(confirmButton().disabled).toBe(false)

    confirmButton().click()
    await flushPromises()
    // The version the server answered after the upload, not the one the page had.
    expect(post).toHaveBeenCalledWith(7, { to: 'signed', version: 4, fields: {} }, { silent: true })
  })

  it('says who may upload when this user may not', async () => {
    get.mockResolvedValueOnce(withFiles(3, ['investment_agreement'], false))
    await setup(sign(['investment_agreement']), withFiles(3, ['investment_agreement'], false))
    expect(text('transition-evidence-missing')).toContain('您不能上传佐证材料')
    expect(shown('attachment-upload-investment_agreement')).toBe(false)
    expect(confirmButton().disabled).toBe(true)
  })

  it("shows the guard's refusal in words and the list the server now has", async () => {
    post.mockRejectedValueOnce(
      new ApiError(400, { code: 'guard_failed', message: 'x', fields: { attachments: 'required' } }, '/projects/7/transitions'),
    )
    get.mockResolvedValueOnce(withFiles(3, ['investment_agreement']))
    await setup(sign([]), withFiles(3, []))
    expect(get).not.toHaveBeenCalled()
    confirmButton().click()
    await flushPromises()
    expect(text('transition-error')).toContain('请先上传该阶段要求的佐证材料')
    expect(get).toHaveBeenCalledTimes(1)
    expect(text('transition-evidence-missing')).toContain('进入“已签约”需上传：投资协议')
  })
})

describe('transition dialog and the responsible person the server says the park may name', () => {
  const receivers = listReceivers as unknown as ReturnType<typeof vi.fn>
  const park = { id: 8, parent_id: 1, name: '安庆经济技术开发区', kind: 'park', code: 'AQ-JKQ', version: 1 }
  const handOver: ProjectApi.TransitionCapability = { to: 'negotiating', ask: ['receiving_unit_id'], reason_codes: [], reason: 'none' }

  async function open(permissions: string[]) {
    const pinia = createPinia()
    setActivePinia(pinia)
    useAuthStore().user = { permissions } as never
    const w = mount(TransitionDialog, {
      props: { open: false, project, transition: handOver, units: [park] as never },
      global: { plugins: [ElementPlus, i18n, pinia] },
      attachTo: document.body,
    })
    await w.setProps({ open: true })
    await flushPromises()
    const select = w.findAllComponents({ name: 'ElSelect' }).find((s) => s.attributes('data-testid') === 'transition-park')!
    select.vm.$emit('update:modelValue', park.id)
    await flushPromises()
    return w
  }

  beforeEach(() => {
    setLocale('zh-CN')
    receivers.mockReset().mockResolvedValue({
      items: [
        { id: 3, login: 'receiver', name: '李娜', unit_id: 8, unit_name: '安庆经济技术开发区' },
        // below the park and not a receiver: the server accepts them, so the dialog offers them
        { id: 17, login: 'jkpromoter', name: '罗军', unit_id: 9, unit_name: '经开区招商服务中心' },
      ],
    })
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('offers exactly the people the server lists for the chosen park', async () => {
    const w = await open(['project.write', 'user.read'])
    expect(receivers).toHaveBeenCalledWith(park.id)
    const responsible = w.findAllComponents({ name: 'ElSelect' }).find((s) => s.attributes('data-testid') === 'transition-responsible')!
    expect(responsible.findAllComponents({ name: 'ElOption' }).map((o) => o.props('value'))).toEqual([3, 17])
  })

  it('asks for no list without user.read (the list is people)', async () => {
    await open(['project.write'])
    expect(receivers).not.toHaveBeenCalled()
    expect(shown('transition-responsible')).toBe(false)
  })
})
