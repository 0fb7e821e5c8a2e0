// 我的待办: counts per kind (the server's plural keys), items in the server's order with their
// clock and words for their codes, each a link to where it is done.
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n, setLocale } from '@/locales'
import type { WorkbenchApi } from '@/api/workbench'
import WorkbenchTodos from './WorkbenchTodos.vue'

const TODOS: WorkbenchApi.Todos = {
  counts: { projects: 25, routings: 1, factor_requests: 1, supervision: 2 },
  items: [
    { kind: 'project', id: 137, project_id: 137, title: '思源电控项目', detail: 'submit_review', deadline: '2025-11-21', clock: 'overdue' },
    { kind: 'routing', id: 9, project_id: 44, title: '华峰驱动电机项目', detail: '经开区', deadline: '2026-12-02', clock: 'due_soon' },
    { kind: 'factor_request', id: 5, project_id: 65, title: '国轩涂料项目', detail: 'labour', deadline: '2026-12-08', clock: 'on_time' },
    { kind: 'supervision', id: 3, project_id: 16, title: '加快供地', detail: 'urgent', deadline: '2026-12-09', clock: 'on_time' },
    { kind: 'supervision', id: 4, project_id: 0, title: '落实签约项目要素保障', detail: 'replied', deadline: null, clock: null },
  ],
}

async function setup() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/p/:id', name: 'project-detail', component: { template: '<div/>' } },
      { path: '/projects', name: 'projects', component: { template: '<div/>' } },
      { path: '/routings', name: 'routings', component: { template: '<div/>' } },
      { path: '/f', name: 'factor-requests', component: { template: '<div/>' } },
      { path: '/f/:id', name: 'factor-request', component: { template: '<div/>' } },
      { path: '/supervision/:id?', component: { template: '<div/>' } },
    ],
  })
  const w = mount(WorkbenchTodos, { props: { todos: TODOS }, global: { plugins: [ElementPlus, i18n, router] } })
  await flushPromises()
  return w
}

describe('我的待办', () => {
  afterEach(() => setLocale('zh-CN'))

  it('counts each kind and lists the items as sent, in words, each a link', async () => {
    const w = await setup()
    expect(w.find('[data-testid="todo-count-project"]').text()).toContain('25')
    expect(w.find('[data-testid="todo-count-factor_request"]').text()).toContain('要素需求')
    const items = w.findAll('[data-testid="todo-item"]')
    expect(items.map((i) => i.attributes('data-kind'))).toEqual(['project', 'routing', 'factor_request', 'supervision', 'supervision'])
    expect(items[0].text()).toContain('已超期')
    expect(items[0].text()).toContain('提交预审')
    expect(items[1].text()).toContain('即将到期')
    expect(items[2].text()).toContain('用工')
    expect(items.map((i) => i.find('a').attributes('href'))).toEqual([
      '/p/137',
      '/routings?project_id=44',
      '/f/5',
      '/supervision/3',
      '/supervision/4',
    ])
    // 督办: its words, never the code: the priority, or that a reply waits to be reviewed.
    expect(items[3].text()).toContain('督办')
    expect(items[3].text()).toContain('紧急')
    expect(items[4].text()).toContain('已反馈，待审核')
    expect(items[4].text()).not.toContain('replied')
    // Only 1 of 25 project to-dos is here: say so and link the whole list.
    expect(w.find('[data-testid="todo-all-project"]').exists()).toBe(true)
  })

  it('shows a follow-up as its clock in words, linked to the project', async () => {
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/p/:id', name: 'project-detail', component: { template: '<div/>' } },
        { path: '/projects', name: 'projects', component: { template: '<div/>' } },
      ],
    })
    const todos: WorkbenchApi.Todos = {
      counts: { projects: 0, routings: 0, factor_requests: 0, follow_ups: 2 },
      items: [
        { kind: 'follow_up', id: 7, project_id: 7, title: '新线索', detail: 'lead_response', deadline: '2026-11-19', clock: 'due_soon' },
        { kind: 'follow_up', id: 8, project_id: 8, title: '洽谈项目', detail: 'progress_report', deadline: '2026-12-02', clock: 'on_time' },
      ],
    }
    const w = mount(WorkbenchTodos, { props: { todos }, global: { plugins: [ElementPlus, i18n, router] } })
    await flushPromises()
    expect(w.find('[data-testid="todo-count-follow_up"]').text()).toContain('跟进汇报')
    const items = w.findAll('[data-testid="todo-item"]')
    expect(items[0].text()).toContain('新线索首次跟进')
    expect(items[1].text()).toContain('定期进展汇报')
    expect(items.map((i) => i.find('a').attributes('href'))).toEqual(['/p/7', '/p/8'])
    setLocale('en')
    await flushPromises()
    expect(w.findAll('[data-testid="todo-item"]')[0].text()).toContain('First contact on a new lead')
  })

  it('narrows the list to a kind when its count is clicked', async () => {
    const w = await setup()
    await w.find('[data-testid="todo-count-factor_request"]').trigger('click')
    expect(w.findAll('[data-testid="todo-item"]').map((i) => i.attributes('data-kind'))).toEqual(['factor_request'])
    await w.find('[data-testid="todo-count-factor_request"]').trigger('click')
    expect(w.findAll('[data-testid="todo-item"]')).toHaveLength(5)
  })
})
