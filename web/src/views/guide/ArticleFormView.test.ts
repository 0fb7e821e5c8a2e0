// The article editor: the browser's own checks, the server's field reasons under their fields in words
// (gone once the field changes), the live preview's problems under the body, the body it sends, the
// version on an edit (read with edit=1: no read counted) and a 409 version_conflict.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { ApiError } from '@/api/http'
import { i18n, setLocale } from '@/locales'
import type { GuideApi } from '@/api/guide'

vi.mock('@/api/guide', async (orig) => ({
  ...(await orig<typeof import('@/api/guide')>()),
  getArticle: vi.fn(),
  createArticle: vi.fn(),
  updateArticle: vi.fn(),
  previewArticle: vi.fn(),
}))
vi.mock('@/api/org', async (orig) => ({ ...(await orig<typeof import('@/api/org')>()), listUnits: vi.fn(async () => ({ items: [] })) }))

import { createArticle, getArticle, previewArticle, updateArticle } from '@/api/guide'
import { useAuthStore } from '@/stores/auth'
import ArticleFormView from './ArticleFormView.vue'

const create = createArticle as unknown as ReturnType<typeof vi.fn>
const update = updateArticle as unknown as ReturnType<typeof vi.fn>
const get = getArticle as unknown as ReturnType<typeof vi.fn>
const preview = previewArticle as unknown as ReturnType<typeof vi.fn>

const saved: GuideApi.FullArticle = {
  id: 9,
  category: 'technique',
  title: '首次拜访要点',
  owner_unit_id: 2,
  owner_unit_name: '安庆市投资促进局',
  industry_codes: [],
  review_on: null,
  review_due: false,
  version: 2,
  reads: 0,
  readers: 0,
  updated_by_name: '刘洋',
  updated_at: 0,
  capabilities: { edit: true },
  body: '# 准备\n\n- 了解企业\n',
  html: '<h1 id="h-1">准备</h1>\n<ul>\n<li>了解企业</li>\n</ul>\n',
  headings: [{ level: 1, id: 'h-1', text: '准备' }],
}

async function setup(id?: number) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().user = { permissions: ['guide.read', 'guide.write'], unit_name: '安庆市投资促进局' } as never
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/guide', name: 'guide', component: { template: '<div/>' } },
      { path: '/guide/articles/new', name: 'guide-article-new', component: ArticleFormView },
      { path: '/guide/articles/:id', name: 'guide-article', component: { template: '<div data-testid="article-page"/>' } },
      {
        path: '/guide/articles/:id/edit',
        name: 'guide-article-edit',
        component: ArticleFormView,
        props: (r) => ({ id: Number(r.params.id) }),
      },
    ],
  })
  await router.push(id ? `/guide/articles/${id}/edit` : '/guide/articles/new')
  const stubs = { IndustryPicker: true, UnitTreeSelect: true, ElTreeSelect: true, ElDatePicker: true }
  const w = mount(
    { template: '<router-view />' },
    { global: { plugins: [ElementPlus, i18n, router, pinia], stubs }, attachTo: document.body },
  )
  await flushPromises()
  return { w, router }
}

async function errorText(w: VueWrapper, field: string): Promise<string> {
  const item = w.findAllComponents({ name: 'ElFormItem' }).find((c) => c.attributes('data-testid') === `guide-field-${field}`)
  if (!item) throw new Error(`no form item for ${field}`)
  return String(item.props('error') ?? '')
}
const debounce = () => new Promise((r) => setTimeout(r, 450))

describe('article editor', () => {
  beforeEach(() => {
    create.mockReset()
    update.mockReset()
    get.mockReset()
    preview.mockReset()
    preview.mockResolvedValue({ html: '', headings: [], problems: [] })
  })
  afterEach(() => {
    setLocale('zh-CN')
    document.body.innerHTML = ''
  })

  it('says what is required before asking the server, and the message goes once the field is filled', async () => {
    const { w } = await setup()
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(create).not.toHaveBeenCalled()
    expect(await errorText(w, 'category')).toBe('请选择分类')
    expect(await errorText(w, 'title')).toBe('请填写标题')
    expect(await errorText(w, 'body')).toBe('请填写正文')
    await w.find('input[data-testid="guide-title"]').setValue('首次拜访要点')
    await flushPromises()
    expect(await errorText(w, 'title')).toBe('')
    expect(await errorText(w, 'body')).toBe('请填写正文')
  })

  it('shows the preview’s problems in words, the server’s refusal under the body, and saves once fixed', async () => {
    const { w, router } = await setup()
    w.findComponent({ name: 'ElSelect' }).vm.$emit('update:modelValue', 'technique')
    await w.find('input[data-testid="guide-title"]').setValue('首次拜访要点')
    preview.mockResolvedValueOnce({
      html: '<pre class="raw">&lt;script&gt;</pre>',
      headings: [],
      problems: ['html_not_allowed', 'unsafe_link'],
    })
    await w.find('textarea[data-testid="guide-body"]').setValue('<script>alert(1)</script>')
    await debounce()
    await flushPromises()
    expect(preview).toHaveBeenLastCalledWith('<script>alert(1)</script>', { silent: true })
    expect(w.findAll('[data-testid="guide-problem"]').map((x) => x.text())).toEqual([
      '正文不能包含 HTML 或脚本',
      '链接只能是 http(s)、mailto 或本系统地址',
    ])

    create.mockRejectedValueOnce(
      new ApiError(400, { code: 'invalid_argument', message: 'x', fields: { body: 'html_not_allowed' } }, '/guide/articles'),
    )
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(await errorText(w, 'body')).toBe('正文不能包含 HTML 或脚本')

    preview.mockResolvedValueOnce({ html: '<h1 id="h-1">准备</h1>', headings: [], problems: [] })
    await w.find('textarea[data-testid="guide-body"]').setValue('# 准备')
    await flushPromises()
    expect(await errorText(w, 'body')).toBe('')
    await debounce()
    await flushPromises()
    expect(w.find('[data-testid="guide-problems"]').exists()).toBe(false)
    expect(w.find('[data-testid="guide-preview"] [data-testid="article-html"]').html()).toContain('<h1 id="h-1">准备</h1>')

    create.mockResolvedValueOnce({ ...saved, id: 12, version: 1 })
    await w.find('input[data-testid="guide-note"]').setValue(' 初稿 ')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(create).toHaveBeenLastCalledWith(
      {
        category: 'technique',
        title: '首次拜访要点',
        body: '# 准备',
        industry_codes: [],
        chain_node_ids: [],
        review_on: null,
        note: '初稿',
      },
      { silent: true },
    )
    expect(router.currentRoute.value.fullPath).toBe('/guide/articles/12')
  })

  it('reads the article without counting a read, sends the version it read, and says so when someone saved first', async () => {
    get.mockResolvedValue(saved)
    const { w } = await setup(9)
    expect(get).toHaveBeenCalledWith(9, { silent: true, edit: true })
    expect((w.find('textarea[data-testid="guide-body"]').element as HTMLTextAreaElement).value).toBe('# 准备\n\n- 了解企业\n')
    update.mockRejectedValueOnce(new ApiError(409, { code: 'version_conflict', message: 'x' }, '/guide/articles/9'))
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(update).toHaveBeenCalledWith(9, expect.objectContaining({ version: 2, owner_unit_id: 2 }), { silent: true })
    expect(w.find('[data-testid="guide-conflict"]').text()).toContain('已被他人修改')
    get.mockResolvedValue({ ...saved, version: 3, title: '首次拜访要点（修订）' })
    await w.find('[data-testid="guide-reload"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-testid="guide-conflict"]').exists()).toBe(false)
    expect((w.find('input[data-testid="guide-title"]').element as HTMLInputElement).value).toBe('首次拜访要点（修订）')
  })

  it('words a refused owner unit under the owner field', async () => {
    get.mockResolvedValue(saved)
    const { w } = await setup(9)
    update.mockRejectedValueOnce(
      new ApiError(403, { code: 'forbidden', message: 'x', fields: { owner_unit_id: 'out_of_scope' } }, '/guide/articles/9'),
    )
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(await errorText(w, 'owner_unit_id')).toContain('只能维护本单位')
  })

  it('does not offer a form for an article the caller does not keep', async () => {
    get.mockResolvedValue({ ...saved, capabilities: { edit: false } })
    const { w } = await setup(9)
    expect(w.find('[data-testid="guide-form"]').exists()).toBe(false)
    expect(w.text()).toContain('您不能编辑这篇文章')
  })
})
