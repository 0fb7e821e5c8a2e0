// 我要提问 / 向专家提问: the project opened from is shown and sent, the browser's own checks stop an empty
// form, and the server's reasons show under their fields in words and go as the field changes.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia } from 'pinia'
import { ApiError } from '@/api/http'
import { i18n } from '@/locales'

vi.mock('@/api/questions', async (orig) => ({ ...(await orig<typeof import('@/api/questions')>()), askQuestion: vi.fn() }))

import { askQuestion } from '@/api/questions'
import AskQuestionDialog from './AskQuestionDialog.vue'

const ask = askQuestion as unknown as ReturnType<typeof vi.fn>

async function setup(props: Record<string, unknown> = {}) {
  const w = mount(AskQuestionDialog, {
    props: { open: false, ...props, 'onUpdate:open': (v: boolean) => w.setProps({ open: v }) },
    global: { plugins: [ElementPlus, i18n, createPinia()] },
    attachTo: document.body,
  })
  await w.setProps({ open: true })
  await flushPromises()
  return w
}
const dialog = () => document.querySelector('[data-testid="qa-ask-dialog"]') as HTMLElement
const errorOf = (field: string) => dialog().querySelector(`[data-testid="qa-field-${field}"] .el-form-item__error`)?.textContent?.trim()
async function submit() {
  ;(dialog().querySelector('[data-testid="qa-ask-submit"]') as HTMLElement).click()
  await flushPromises()
}
function type(testid: string, value: string) {
  const el = dialog().querySelector(`[data-testid="${testid}"]`) as HTMLInputElement | HTMLTextAreaElement
  el.value = value
  el.dispatchEvent(new Event('input'))
}

describe('ask dialog', () => {
  afterEach(() => {
    ask.mockReset()
    document.body.innerHTML = ''
  })

  it('stops an empty form in words, then sends the topic of the list, the title and the project', async () => {
    const w = await setup({ projectId: 201, projectName: '安庆新能源电池材料项目' })
    expect(dialog().querySelector('.el-dialog__title')?.textContent).toBe('就本项目向专家提问')
    expect(dialog().querySelector('[data-testid="qa-ask-project"]')?.textContent).toBe('安庆新能源电池材料项目')
    await submit()
    expect(ask).not.toHaveBeenCalled()
    await vi.waitFor(() => expect(errorOf('topic')).toBe('请选择主题'))
    expect(errorOf('title')).toBe('请填写问题')
    w.findComponent({ name: 'ElSelect' }).vm.$emit('update:modelValue', 'policy')
    type('qa-ask-title', ' 两项补贴能叠加吗 ')
    await flushPromises()
    await vi.waitFor(() => expect(errorOf('topic')).toBeUndefined())
    ask.mockResolvedValue({ id: 5 })
    await submit()
    expect(ask).toHaveBeenCalledWith({ topic: 'policy', title: '两项补贴能叠加吗', project_id: 201 }, { silent: true })
    expect(w.emitted('done')?.[0]).toEqual([{ id: 5 }])
  })

  it('puts the server’s reasons under their fields and clears each as it changes', async () => {
    await setup({ topic: 'park' })
    expect(dialog().querySelector('[data-testid="qa-ask-project"]')).toBeNull()
    type('qa-ask-title', '标准厂房面积多久更新')
    type('qa-ask-body', '<b>急</b>')
    await flushPromises()
    ask.mockRejectedValue(
      new ApiError(400, { code: 'invalid_argument', message: 'x', fields: { body: 'html_not_allowed', title: 'duplicate' } }, '/x'),
    )
    await submit()
    expect(ask.mock.calls[0][0]).toEqual({ topic: 'park', title: '标准厂房面积多久更新', body: '<b>急</b>' })
    await vi.waitFor(() => expect(errorOf('body')).toBe('补充说明不能包含 HTML 或脚本'))
    // A reason this form has no words of its own reads as the generic one, never as its code.
    expect(errorOf('title')).not.toContain('duplicate')
    type('qa-ask-body', '急')
    await flushPromises()
    await vi.waitFor(() => expect(errorOf('body')).toBeUndefined())
    expect(errorOf('title')).toBeTruthy()
  })
})
