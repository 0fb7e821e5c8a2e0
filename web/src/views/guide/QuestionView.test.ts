// 一线提问 — a question's page shows the answer box and 收入指南 exactly when the question's
// `capabilities` say so, whatever the user's roles; 收入指南 asks first, and a question someone else
// promoted meanwhile (409 already_promoted) says so and shows the link to the article.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { ApiError } from '@/api/http'
import { i18n } from '@/locales'
import type { QuestionApi } from '@/api/questions'

vi.mock('@/api/questions', async (orig) => ({
  ...(await orig<typeof import('@/api/questions')>()),
  getQuestion: vi.fn(),
  answerQuestion: vi.fn(),
  promoteAnswer: vi.fn(),
}))
vi.mock('@/composables/confirmDanger', () => ({ confirmDanger: vi.fn(async () => true) }))

import { answerQuestion, getQuestion, promoteAnswer } from '@/api/questions'
import { confirmDanger } from '@/composables/confirmDanger'
import { useAuthStore } from '@/stores/auth'
import QuestionView from './QuestionView.vue'

const get = getQuestion as unknown as ReturnType<typeof vi.fn>
const answer = answerQuestion as unknown as ReturnType<typeof vi.fn>
const promote = promoteAnswer as unknown as ReturnType<typeof vi.fn>
const confirm = confirmDanger as unknown as ReturnType<typeof vi.fn>
const page = { template: '<div/>' }
const errorText = () => document.querySelector('[data-testid="qa-field-answer"] .el-form-item__error')?.textContent?.trim()

function question(capabilities: QuestionApi.Question['capabilities'], over: Partial<QuestionApi.Full> = {}): QuestionApi.Full {
  return {
    id: 4,
    topic: 'technique',
    title: '先给用地指标再注册怎么谈？',
    body: '背景',
    body_html: '<p>背景</p>\n',
    project_id: 201,
    project_name: '安庆新能源电池材料项目',
    asked_by: 1,
    asked_by_name: '张伟',
    unit_name: '驻上海招商组',
    article_id: null,
    answers_count: 1,
    created_at: 0,
    updated_at: 0,
    capabilities,
    answers: [
      { id: 9, body: '先签**框架协议**', html: '<p>先签<strong>框架协议</strong></p>\n', by_name: '王建国', by_unit_name: '专家库', at: 0 },
    ],
    ...over,
  }
}

async function setup(q: QuestionApi.Full, permissions: string[] = ['guide.read', 'project.read']) {
  get.mockResolvedValue(q)
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().user = { permissions } as never
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/guide/questions', name: 'guide-questions', component: page },
      { path: '/guide/questions/:id', name: 'guide-question', component: QuestionView, props: (r) => ({ id: Number(r.params.id) }) },
      { path: '/guide/articles/:id', name: 'guide-article', component: page },
      { path: '/projects/:id', name: 'project-detail', component: page },
    ],
  })
  await router.push('/guide/questions/4')
  const w = mount({ template: '<router-view />' }, { global: { plugins: [ElementPlus, i18n, router, pinia] }, attachTo: document.body })
  await flushPromises()
  return { w, router }
}

describe('question page', () => {
  afterEach(() => {
    get.mockReset()
    answer.mockReset()
    promote.mockReset()
    confirm.mockClear()
    document.body.innerHTML = ''
  })

  it('shows neither the answer box nor 收入指南 without the capabilities; the project links to its page', async () => {
    const { w } = await setup(question({ answer: false, promote: false }))
    expect(w.find('[data-testid="qa-title"]').text()).toBe('先给用地指标再注册怎么谈？')
    expect(w.find('[data-testid="qa-status"]').text()).toBe('已解答')
    expect(w.find('[data-testid="qa-answer-html"] strong').text()).toBe('框架协议')
    expect(w.find('[data-testid="qa-answer-form"]').exists()).toBe(false)
    expect(w.find('[data-testid="qa-promote"]').exists()).toBe(false)
    expect(w.find('a[data-testid="qa-project"]').attributes('href')).toBe('/projects/201')
  })

  it('names the project without a link for a reader of the guide who may not open projects', async () => {
    const { w } = await setup(question({ answer: true, promote: false }), ['guide.read', 'qa.answer'])
    expect(w.find('a[data-testid="qa-project"]').exists()).toBe(false)
    expect(w.find('[data-testid="qa-project"]').text()).toBe('安庆新能源电池材料项目')
    expect(w.find('[data-testid="qa-answer-form"]').exists()).toBe(true)
  })

  it('answers: an empty box is refused in words before sending; a sent answer shows with the question as the server returns it', async () => {
    const { w } = await setup(question({ answer: true, promote: false }, { answers: [], answers_count: 0 }))
    expect(w.find('[data-testid="qa-status"]').text()).toBe('待解答')
    await w.find('[data-testid="qa-answer-form"]').trigger('submit')
    await flushPromises()
    expect(answer).not.toHaveBeenCalled()
    await vi.waitFor(() => expect(errorText()).toBe('请填写解答'))
    await w.find('textarea[data-testid="qa-answer-body"]').setValue('先签框架协议')
    await flushPromises()
    await vi.waitFor(() => expect(errorText()).toBeUndefined())
    answer.mockResolvedValue(question({ answer: true, promote: true }))
    await w.find('[data-testid="qa-answer-form"]').trigger('submit')
    await flushPromises()
    expect(answer).toHaveBeenCalledWith(4, '先签框架协议', { silent: true })
    expect(w.findAll('[data-testid="qa-answer"]')).toHaveLength(1)
    expect(w.find('[data-testid="qa-promote"]').exists()).toBe(true)
    expect((w.find('textarea[data-testid="qa-answer-body"]').element as HTMLTextAreaElement).value).toBe('')
  })

  it('words the server’s refusal of an answer under the box', async () => {
    const { w } = await setup(question({ answer: true, promote: false }))
    answer.mockRejectedValue(new ApiError(400, { code: 'invalid_argument', message: 'x', fields: { body: 'html_not_allowed' } }, '/x'))
    await w.find('textarea[data-testid="qa-answer-body"]').setValue('<script>x</script>')
    await w.find('[data-testid="qa-answer-form"]').trigger('submit')
    await flushPromises()
    await vi.waitFor(() => expect(errorText()).toBe('解答不能包含 HTML 或脚本'))
  })

  it('收入指南 asks first, sends the answer and opens the new article', async () => {
    const { w, router } = await setup(question({ answer: true, promote: true }))
    confirm.mockResolvedValueOnce(false)
    await w.find('[data-testid="qa-promote"]').trigger('click')
    await flushPromises()
    expect(promote).not.toHaveBeenCalled()
    promote.mockResolvedValue({ id: 12 })
    await w.find('[data-testid="qa-promote"]').trigger('click')
    await flushPromises()
    expect(confirm.mock.calls[1][0]).toContain('招商技巧')
    expect(promote).toHaveBeenCalledWith(4, 9, { silent: true })
    expect(router.currentRoute.value.fullPath).toBe('/guide/articles/12')
  })

  it('a question promoted meanwhile (409 already_promoted) reloads and links to the article', async () => {
    const { w } = await setup(question({ answer: true, promote: true }))
    promote.mockRejectedValue(new ApiError(409, { code: 'already_promoted', message: 'x' }, '/x'))
    get.mockResolvedValue(question({ answer: true, promote: false }, { article_id: 12 }))
    await w.find('[data-testid="qa-promote"]').trigger('click')
    await flushPromises()
    expect(document.body.textContent).toContain('这条提问已收入招商指南')
    expect(w.find('[data-testid="qa-promote"]').exists()).toBe(false)
    expect(w.find('a[data-testid="qa-article-link"]').attributes('href')).toBe('/guide/articles/12')
  })
})
