// 全文搜索: the word from the address is searched, hits show their kind and the marked segments as
// text (<mark>, never HTML from the server), links only where the user may go, and "结果较多".
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { ApiError } from '@/api/http'
import { i18n } from '@/locales'

vi.mock('@/api/search', async (orig) => ({ ...(await orig<typeof import('@/api/search')>()), searchAll: vi.fn() }))

import { searchAll } from '@/api/search'
import { useAuthStore } from '@/stores/auth'
import GuideSearchView from './GuideSearchView.vue'

const search = searchAll as unknown as ReturnType<typeof vi.fn>
const page = { template: '<div/>' }

async function setup(path: string, permissions: string[]) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().user = { permissions } as never
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/guide', name: 'guide', component: page },
      { path: '/guide/search', name: 'guide-search', component: GuideSearchView },
      { path: '/guide/articles/:id', name: 'guide-article', component: page, meta: { perms: ['guide.read'] } },
      { path: '/policies/:id', name: 'policy-detail', component: page, meta: { perms: ['policy.read'] } },
      { path: '/parks/:id/card', name: 'park-card', component: page, meta: { perms: ['park.read'] } },
    ],
  })
  await router.push(path)
  const w = mount({ template: '<router-view />' }, { global: { plugins: [ElementPlus, i18n, router, pinia] }, attachTo: document.body })
  await flushPromises()
  return { w, router }
}

describe('search page', () => {
  afterEach(() => {
    search.mockReset()
    document.body.innerHTML = ''
  })

  it('searches the word of the address and marks the hits as text', async () => {
    search.mockResolvedValue({
      q: '用地',
      kinds: ['article', 'policy', 'park'],
      more: true,
      items: [
        {
          kind: 'policy',
          ref_id: 10,
          title: '工业用地<b>办法</b>',
          title_segments: [
            { text: '工业', hit: false },
            { text: '用地', hit: true },
            { text: '<b>办法</b>', hit: false },
          ],
          snippet: [
            { text: '不新增', hit: false },
            { text: '用地', hit: true },
          ],
          updated_at: 0,
        },
        { kind: 'park', ref_id: 11, title: '经开区', title_segments: [{ text: '经开区', hit: false }], snippet: [], updated_at: 0 },
      ],
    })
    const { w } = await setup('/guide/search?q=用地', ['guide.read', 'policy.read'])
    expect(search).toHaveBeenCalledWith('用地', [], 50, { silent: true })
    const results = w.findAll('[data-testid="search-result"]')
    expect(results.length).toBe(2)
    expect(results[0].find('[data-testid="search-result-kind"]').text()).toBe('政策')
    expect(results[0].findAll('mark').map((m) => m.text())).toEqual(['用地', '用地'])
    // the title's markup is text: no <b> element
    expect(results[0].find('b').exists()).toBe(false)
    expect(results[0].find('[data-testid="search-result-title"]').text()).toBe('工业用地<b>办法</b>')
    expect(results[0].find('a[href="/policies/10"]').exists()).toBe(true)
    // no park.read: the park's title is not a link
    expect(results[1].find('a').exists()).toBe(false)
    expect(w.find('[data-testid="search-more"]').text()).toContain('结果较多，请细化关键词')
  })

  it('puts the word and the kind in the address, and words the server’s refusal under the box', async () => {
    search.mockRejectedValueOnce(new ApiError(400, { code: 'invalid_argument', message: 'x', fields: { q: 'invalid_value' } }, '/search'))
    const { w, router } = await setup('/guide/search?q=%25', ['guide.read'])
    const item = w.findAllComponents({ name: 'ElFormItem' }).find((c) => c.attributes('data-testid') === 'search-field-q')
    expect(String(item?.props('error'))).toBe('关键词无效，请输入文字或数字')
    search.mockResolvedValue({ q: '汽车', kinds: ['article'], more: false, items: [] })
    await w.find('input[data-testid="search-q"]').setValue('汽车')
    await w.find('[data-testid="search-kind-article"] input').setValue(true)
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ q: '汽车', kind: 'article' })
    expect(search).toHaveBeenLastCalledWith('汽车', ['article'], 50, { silent: true })
    expect(w.find('[data-testid="search-empty"]').exists()).toBe(true)
  })
})
