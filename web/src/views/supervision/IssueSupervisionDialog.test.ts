// 发起督办: what the form sends (only what was given: no deadline means the server's clock), the
// form's own checks, and the server's field reasons shown beside their fields in the user's
// language, each gone as soon as its field changes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia } from 'pinia'
import { ApiError } from '@/api/http'
import { i18n, setLocale } from '@/locales'

vi.mock('@/api/supervision', async (orig) => ({ ...(await orig<typeof import('@/api/supervision')>()), issueSupervision: vi.fn() }))

import { issueSupervision } from '@/api/supervision'
import IssueSupervisionDialog from './IssueSupervisionDialog.vue'

const issue = issueSupervision as unknown as ReturnType<typeof vi.fn>

async function setup(props: Record<string, unknown> = {}) {
  const w = mount(IssueSupervisionDialog, {
    props: {
      open: false,
      subjectType: 'project' as const,
      subjectId: 54 as number | null,
      subjectName: '宜城电池材料扩产项目',
      defaultUnitName: '安庆经济技术开发区',
      unitTree: [],
      'onUpdate:open': (v: boolean) => w.setProps({ open: v }),
      ...props,
    },
    global: { plugins: [ElementPlus, i18n, createPinia()] },
    attachTo: document.body,
  })
  await w.setProps({ open: true })
  await flushPromises()
  return w
}
const dialog = () => document.querySelector('[data-testid="supervision-issue-dialog"]') as HTMLElement
const fieldError = (f: string) =>
  dialog().querySelector(`[data-testid="supervision-field-${f}"] .el-form-item__error`)?.textContent?.trim() ?? ''
async function type(selector: string, value: string) {
  const el = dialog().querySelector(selector) as HTMLInputElement | HTMLTextAreaElement
  el.value = value
  el.dispatchEvent(new Event('input'))
  await flushPromises()
}
async function submit() {
  ;(dialog().querySelector('[data-testid="supervision-issue-submit"]') as HTMLElement).click()
  await flushPromises()
}

describe('issue a supervision item', () => {
  beforeEach(() => {
    issue.mockReset()
  })
  afterEach(() => {
    setLocale('zh-CN')
    document.body.innerHTML = ''
  })

  it('sends the subject, title, instruction and priority; no deadline and no unit unless given', async () => {
    issue.mockResolvedValue({ id: 9, issued_at: Date.now(), unit_name: '安庆经济技术开发区' })
    const w = await setup()
    expect(dialog().querySelector('[data-testid="supervision-issue-subject"]')?.textContent).toContain('宜城电池材料扩产项目')
    await type('input[data-testid="supervision-issue-title"]', ' 加快开工 ')
    await type('textarea[data-testid="supervision-issue-instruction"]', '请倒排工期')
    await submit()
    expect(issue).toHaveBeenCalledWith(
      { subject_type: 'project', subject_id: 54, title: '加快开工', instruction: '请倒排工期', priority: 'normal' },
      { silent: true },
    )
    expect(w.emitted('done')?.[0]).toEqual([{ id: 9, issued_at: expect.any(Number), unit_name: '安庆经济技术开发区' }])
  })

  it('asks for what is missing before sending anything, and for the unit when the subject is a unit', async () => {
    await setup({ subjectType: 'unit', subjectId: null, subjectName: undefined })
    await submit()
    expect(issue).not.toHaveBeenCalled()
    await vi.waitFor(() => expect(fieldError('subject_id')).toBe('请选择督办的单位'))
    await vi.waitFor(() => expect(fieldError('title')).toBe('请填写此项'))
    await vi.waitFor(() => expect(fieldError('instruction')).toBe('请填写此项'))
    await type('input[data-testid="supervision-issue-title"]', '宜秀区线索研判滞后')
    await vi.waitFor(() => expect(fieldError('title')).toBe(''))
    await vi.waitFor(() => expect(fieldError('instruction')).toBe('请填写此项'))
  })

  it('shows the server’s field reasons beside their fields in the user’s language and clears each as it changes', async () => {
    issue.mockImplementation(async () => {
      throw new ApiError(
        400,
        { code: 'invalid_argument', message: 'bad', fields: { deadline: 'invalid_value', title: 'too_long', unit_id: 'not_found' } },
        '/supervision',
      )
    })
    await setup()
    await type('input[data-testid="supervision-issue-title"]', '加快开工')
    await type('textarea[data-testid="supervision-issue-instruction"]', '请倒排工期')
    await submit()
    await vi.waitFor(() => expect(fieldError('deadline')).toBe('反馈期限须为今天或以后的日期'))
    await vi.waitFor(() => expect(fieldError('title')).toBe('内容过长'))
    await vi.waitFor(() => expect(fieldError('unit_id')).toBe('所选单位不存在'))
    expect(dialog().querySelector('[data-testid="supervision-issue-error"]')).toBeNull()
    await type('input[data-testid="supervision-issue-title"]', '加快开工建设')
    await vi.waitFor(() => expect(fieldError('title')).toBe(''))
    await vi.waitFor(() => expect(fieldError('deadline')).toBe('反馈期限须为今天或以后的日期'))

    setLocale('en')
    await submit()
    await vi.waitFor(() => expect(fieldError('deadline')).toBe('The reply deadline must be today or later'))
    await vi.waitFor(() => expect(fieldError('title')).toBe('Too long'))
  })

  it('says in words what went wrong without a field', async () => {
    issue.mockImplementation(async () => {
      throw new ApiError(403, { code: 'forbidden', message: 'no' }, '/supervision')
    })
    await setup()
    await type('input[data-testid="supervision-issue-title"]', '加快开工')
    await type('textarea[data-testid="supervision-issue-instruction"]', '请倒排工期')
    await submit()
    const alert = dialog().querySelector('[data-testid="supervision-issue-error"]')?.textContent ?? ''
    expect(alert).not.toContain('forbidden')
    expect(alert.trim().length).toBeGreaterThan(0)
  })
})
