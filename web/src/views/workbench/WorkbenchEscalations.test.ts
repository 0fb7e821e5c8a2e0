// 超期上报 on the workbench: the steps as the server lists them, each worded and linked to where the
// item is handled; paged; no block at all for someone with none.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n, setLocale } from '@/locales'
import WorkbenchEscalations from './WorkbenchEscalations.vue'

const AT = Date.UTC(2026, 11, 8, 2, 15)
const STEPS = [
  {
    object_type: 'factor_request',
    object_id: 7,
    project_id: 65,
    title: '国轩涂料项目',
    deadline: '2026-11-27',
    tier: 'coordinator',
    unit_id: 9,
    at: AT,
  },
  {
    object_type: 'routing',
    object_id: 3,
    project_id: 44,
    title: '华峰驱动电机项目',
    deadline: '2026-11-20',
    tier: 'coordinator',
    unit_id: 5,
    at: AT - 1000,
  },
  {
    object_type: 'supervision_item',
    object_id: 2,
    project_id: 16,
    title: '督办：加快供地',
    deadline: '2026-11-18',
    tier: 'leader',
    unit_id: 5,
    at: AT - 2000,
  },
  {
    object_type: 'project',
    object_id: 137,
    project_id: 137,
    title: '思源电控项目',
    deadline: '2026-11-10',
    tier: 'unit_head',
    unit_id: 5,
    at: AT - 3000,
  },
]

function answer(body: unknown) {
  return vi.fn(async () => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }))
}

async function render() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div/>' } }] })
  const w = mount(WorkbenchEscalations, { global: { plugins: [ElementPlus, i18n, router] } })
  await flushPromises()
  return w
}

describe('超期上报 block', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    setLocale('zh-CN')
  })

  it('lists the steps newest first with tier, deadline and a link to where each is handled', async () => {
    const fetch = answer({ items: STEPS, total: 4, page: 1, page_size: 10 })
    vi.stubGlobal('fetch', fetch)
    const w = await render()
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toBe('/api/v1/escalations?page=1&page_size=10')
    expect(w.find('[data-testid="workbench-escalations"]').text()).toContain('超期上报')
    const items = w.findAll('[data-testid="escalation-item"]')
    expect(items.map((i) => i.attributes('data-kind'))).toEqual(['factor_request', 'routing', 'supervision_item', 'project'])
    expect(items.map((i) => i.find('a').attributes('href'))).toEqual([
      '/factor-requests/7',
      '/routings?project_id=44',
      '/supervision/2',
      '/projects/137',
    ])
    expect(items[0].text()).toContain('要素需求')
    expect(items[0].text()).toContain('统筹部门')
    expect(items[0].text()).toContain('期限 2026-11-27')
    expect(items[2].find('[data-testid="escalation-tier"]').text()).toBe('分管领导')
    expect(items[3].find('[data-testid="escalation-tier"]').text()).toBe('单位负责人')
    // Four steps fit one page: no pager.
    expect(w.find('[data-testid="escalations-pager"]').exists()).toBe(false)
  })

  it('pages a long list', async () => {
    vi.stubGlobal('fetch', answer({ items: STEPS, total: 23, page: 1, page_size: 10 }))
    const w = await render()
    expect(w.find('[data-testid="escalations-total"]').text()).toBe('共 23 条')
    expect(w.find('[data-testid="escalations-pager"]').exists()).toBe(true)
  })

  it('is not there when nothing was raised to the user', async () => {
    vi.stubGlobal('fetch', answer({ items: [], total: 0, page: 1, page_size: 10 }))
    const w = await render()
    expect(w.find('[data-testid="workbench-escalations"]').exists()).toBe(false)
  })

  it('reads in English', async () => {
    setLocale('en')
    vi.stubGlobal('fetch', answer({ items: STEPS.slice(3), total: 1, page: 1, page_size: 10 }))
    const w = await render()
    const text = w.find('[data-testid="workbench-escalations"]').text()
    expect(text).toContain('Escalations')
    expect(text).toContain('Unit head')
    expect(text).toContain('Deadline 2026-11-10')
  })
})
