// The files panel shows what the server says (its list, `capabilities.attach`, each file's
// `capabilities.remove`), checks a file's size and extension before sending it, and says every
// refusal in the user's language, never as a code.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia } from 'pinia'
import { ApiError } from '@/api/http'
import { i18n, setLocale } from '@/locales'
import type { AttachmentApi } from '@/api/attachments'

const KINDS: AttachmentApi.Kinds = {
  kinds: [
    { code: 'business_licence', name: '营业执照', stages: ['lead', 'in_review'] },
    { code: 'investment_agreement', name: '投资协议', stages: ['negotiating', 'signed'] },
    { code: 'production_photo', name: '投产照片', stages: ['production'] },
    { code: 'other', name: '其他材料', stages: [] },
  ],
  formats: [
    { code: 'pdf', extensions: ['pdf'] },
    { code: 'png', extensions: ['png'] },
    { code: 'jpeg', extensions: ['jpg', 'jpeg'] },
  ],
  max_bytes: 20 * 1024 * 1024,
  max_files: 200,
}

vi.mock('@/api/attachments', async (orig) => ({
  ...(await orig<typeof import('@/api/attachments')>()),
  getAttachmentKinds: vi.fn(async () => KINDS),
  listAttachments: vi.fn(),
  uploadAttachment: vi.fn(),
  removeAttachment: vi.fn(),
}))

import { listAttachments, removeAttachment, uploadAttachment } from '@/api/attachments'
import { resetAttachmentKinds } from '@/composables/useAttachments'
import AttachmentsPanel from './AttachmentsPanel.vue'

const list = listAttachments as unknown as ReturnType<typeof vi.fn>
const upload = uploadAttachment as unknown as ReturnType<typeof vi.fn>
const remove = removeAttachment as unknown as ReturnType<typeof vi.fn>

const at = new Date(2026, 10, 30, 9, 5, 7).getTime()
function file(over: Partial<AttachmentApi.Attachment> = {}): AttachmentApi.Attachment {
  return {
    id: 3,
    object_type: 'project',
    object_id: 7,
    kind: 'investment_agreement',
    stage: 'negotiating',
    name: '投资协议.pdf',
    format: 'pdf',
    size_bytes: 1_572_864,
    sha256: 'x',
    uploaded_by_name: '李娜',
    uploaded_at: at,
    capabilities: { remove: true },
    ...over,
  }
}

async function setup(items: AttachmentApi.Attachment[], attach: boolean, props: Record<string, unknown> = {}) {
  list.mockResolvedValue({ items, max_bytes: KINDS.max_bytes, capabilities: { attach } })
  const w = mount(AttachmentsPanel, {
    props: { objectType: 'project', objectId: 7, stage: 'signed', ...props },
    global: { plugins: [ElementPlus, i18n, createPinia()] },
    attachTo: document.body,
  })
  await flushPromises()
  return w
}
const byId = (w: VueWrapper, id: string) => w.findAll(`[data-testid="${id}"]`)

/** Choose a kind in the upload's select, then a file in its input. */
async function choose(w: VueWrapper, kind: string | null, f: File) {
  if (kind) {
    w.findComponent({ name: 'ElSelect' }).vm.$emit('update:modelValue', kind)
    await flushPromises()
  }
  const input = w.find('input[type="file"]')
  Object.defineProperty(input.element, 'files', { value: [f], configurable: true })
  await input.trigger('change')
  await flushPromises()
}
const errorText = (w: VueWrapper) => w.find('[data-testid="attachment-error"]').text()

describe('attachments panel', () => {
  beforeEach(() => {
    setLocale('zh-CN')
    resetAttachmentKinds()
    list.mockReset()
    upload.mockReset()
    remove.mockReset()
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('lists each file in words: kind, name, size, uploader, YYYY-MM-DD HH:mm, the stage at upload, a download link', async () => {
    const w = await setup([file()], false)
    const item = w.find('[data-testid="attachment-item"]')
    expect(item.find('[data-testid="attachment-kind-tag"]').text()).toBe('投资协议')
    expect(item.find('[data-testid="attachment-size"]').text()).toBe('1.5 MB')
    expect(item.find('[data-testid="attachment-uploader"]').text()).toBe('李娜')
    expect(item.find('[data-testid="attachment-time"]').text()).toBe('2026-11-30 09:05')
    expect(item.text()).toContain('上传时：洽谈中')
    expect(item.find('[data-testid="attachment-download"]').attributes('href')).toBe('/api/v1/attachments/3/content')
    expect(w.emitted('count')).toEqual([[1]])
    setLocale('en')
    await flushPromises()
    expect(item.find('[data-testid="attachment-kind-tag"]').text()).toBe('Investment agreement')
  })

  it('offers the upload only with capabilities.attach, and 删除 only on the files that allow it', async () => {
    const w = await setup([file(), file({ id: 4, name: 'b.pdf', capabilities: { remove: false } })], false)
    expect(byId(w, 'attachment-upload')).toHaveLength(0)
    expect(byId(w, 'attachment-remove')).toHaveLength(1)
    const w2 = await setup([], true)
    expect(byId(w2, 'attachment-upload')).toHaveLength(1)
    expect(byId(w2, 'attachment-empty')[0].text()).toBe('暂无佐证材料')
  })

  it("offers the stage's kinds first", async () => {
    const w = await setup([], true, { stage: 'signed' })
    const groups = w.findAllComponents({ name: 'ElOptionGroup' })
    expect(groups.map((g) => g.props('label'))).toEqual(['本阶段常用', '其他类型'])
    expect(groups[0].findAllComponents({ name: 'ElOption' }).map((o) => o.props('value'))).toEqual(['investment_agreement'])
  })

  it('asks for the kind first, and refuses a file over the limit or of another format without sending it', async () => {
    const w = await setup([], true)
    await choose(w, null, new File(['%PDF-1.7'], 'a.pdf'))
    expect(errorText(w)).toBe('请先选择材料类型')
    const big = new File(['x'], '大文件.pdf')
    Object.defineProperty(big, 'size', { value: KINDS.max_bytes + 1 })
    await choose(w, 'other', big)
    expect(errorText(w)).toBe('文件过大：单个文件不能超过 20 MB，请压缩或拆分后再上传')
    await choose(w, 'other', new File(['x'], 'setup.exe'))
    expect(errorText(w)).toContain('不支持该文件格式，请上传 PDF、PNG、JPG、JPEG 文件')
    await choose(w, 'other', new File(['x'], '合同'))
    expect(errorText(w)).toBe('文件名缺少扩展名（如 .pdf、.jpg），请改名后再上传')
    expect(upload).not.toHaveBeenCalled()
  })

  it('sends the file with its kind and name, then lists it again and says the project changed', async () => {
    const w = await setup([], true)
    const f = new File(['%PDF-1.7\n%%EOF\n'], '投资协议 v2.pdf')
    upload.mockResolvedValue(file({ name: '投资协议 v2.pdf' }))
    list.mockResolvedValue({ items: [file({ name: '投资协议 v2.pdf' })], max_bytes: KINDS.max_bytes, capabilities: { attach: true } })
    await choose(w, 'investment_agreement', f)
    expect(upload).toHaveBeenCalledWith('project', 7, 'investment_agreement', f, '投资协议 v2.pdf', { silent: true })
    expect(list).toHaveBeenCalledTimes(2)
    expect(w.emitted('changed')).toHaveLength(1)
    expect(w.find('[data-testid="attachment-name"]').text()).toBe('投资协议 v2.pdf')
  })

  it("says the server's refusals in words, in both languages", async () => {
    const w = await setup([], true)
    const refuse = (status: number, code: string, fields: Record<string, string> = {}) =>
      upload.mockRejectedValueOnce(new ApiError(status, { code, message: 'english for the log', fields }, '/x'))
    refuse(400, 'invalid_argument', { file: 'type_mismatch' })
    await choose(w, 'other', new File(['\x89PNG'], 'scan.pdf'))
    expect(errorText(w)).toBe('文件内容与扩展名不符（例如把图片改名为 .pdf），请上传原始文件')
    refuse(413, 'payload_too_large')
    await choose(w, 'other', new File(['x'], 'a.pdf'))
    expect(errorText(w)).toBe('文件过大：单个文件不能超过 20 MB，请压缩或拆分后再上传')
    refuse(409, 'too_many_files', { file: 'too_many_files' })
    await choose(w, 'other', new File(['x'], 'a.pdf'))
    expect(errorText(w)).toBe('文件数量已达上限（200 个），请先删除不再需要的文件')
    refuse(403, 'forbidden')
    await choose(w, 'other', new File(['x'], 'a.pdf'))
    expect(errorText(w)).toBe('您不能为该对象上传或删除佐证材料')
    setLocale('en')
    refuse(400, 'invalid_argument', { file: 'unsupported_type' })
    await choose(w, 'other', new File(['x'], 'a.pdf'))
    expect(errorText(w)).toBe('This file format is not accepted; upload PDF, PNG, JPG, JPEG')
    expect(w.emitted('changed')).toBeUndefined()
  })

  it('removes a file only with a reason', async () => {
    const w = await setup([file()], true)
    await w.find('[data-testid="attachment-remove"]').trigger('click')
    await flushPromises()
    const confirm = document.querySelector('[data-testid="attachment-remove-confirm"]') as HTMLElement
    confirm.click()
    await flushPromises()
    expect(remove).not.toHaveBeenCalled()
    await vi.waitFor(() =>
      expect(document.querySelector('[data-testid="attachment-remove-reason-item"] .el-form-item__error')?.textContent).toContain(
        '请填写删除原因',
      ),
    )
    const box = document.querySelector('textarea[data-testid="attachment-remove-reason"]') as HTMLTextAreaElement
    box.value = ' 上传错文件 '
    box.dispatchEvent(new Event('input'))
    remove.mockResolvedValue(undefined)
    list.mockResolvedValue({ items: [], max_bytes: KINDS.max_bytes, capabilities: { attach: true } })
    confirm.click()
    await flushPromises()
    expect(remove).toHaveBeenCalledWith(3, '上传错文件', { silent: true })
    expect(w.emitted('changed')).toHaveLength(1)
    expect(byId(w, 'attachment-item')).toHaveLength(0)
  })
})
