// The inbox: each notification in words (an unknown kind generically, never its code), opening one
// marks it read and the bell's count follows the server's answer, then it goes where the thing is
// done; 全部已读 reads them all.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n, setLocale } from '@/locales'
import type { NotificationApi } from '@/api/notifications'

vi.mock('@/api/notifications', async (orig) => ({
  ...(await orig<typeof import('@/api/notifications')>()),
  listNotifications: vi.fn(),
  markNotificationRead: vi.fn(),
  markAllNotificationsRead: vi.fn(),
}))

import { listNotifications, markAllNotificationsRead, markNotificationRead } from '@/api/notifications'
import { useAuthStore } from '@/stores/auth'
import { useInboxStore } from '@/stores/inbox'
import InboxView from './InboxView.vue'

const list = listNotifications as unknown as ReturnType<typeof vi.fn>
const read = markNotificationRead as unknown as ReturnType<typeof vi.fn>
const readAll = markAllNotificationsRead as unknown as ReturnType<typeof vi.fn>

const at = new Date(2026, 10, 30, 9, 5).getTime()
const rows = (): NotificationApi.Notification[] => [
  {
    id: 3,
    kind: 'supervision_issued',
    object_type: 'supervision_item',
    object_id: 7,
    project_id: 54,
    title: '加快开工',
    created_at: at,
    read: false,
  },
  {
    id: 2,
    kind: 'weekly_report_ready',
    object_type: 'report',
    object_id: 1,
    project_id: null,
    title: '第48周',
    created_at: at,
    read: false,
  },
  {
    id: 1,
    kind: 'factor_resolved',
    object_type: 'factor_request',
    object_id: 4,
    project_id: 122,
    title: '博远涂料',
    created_at: at,
    read: true,
  },
]

async function setup() {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().user = { permissions: ['workbench.view', 'supervision.read', 'factor.read', 'project.read'] } as never
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'home', component: { template: '<div/>' } },
      { path: '/supervision/:id', component: { template: '<div/>' } },
      { path: '/factor-requests/:id', component: { template: '<div/>' } },
    ],
  })
  await router.push('/')
  const w = mount(InboxView, { global: { plugins: [ElementPlus, i18n, router, pinia] }, attachTo: document.body })
  await flushPromises()
  return { w, router, inbox: useInboxStore() }
}

describe('inbox', () => {
  beforeEach(() => {
    list.mockReset()
    read.mockReset()
    readAll.mockReset()
    list.mockImplementation(async () => ({ items: rows(), total: 3, unread: 2, page: 1, page_size: 20 }))
  })
  afterEach(() => {
    setLocale('zh-CN')
    document.body.innerHTML = ''
  })

  it('words each kind, an unknown one generically, with its time', async () => {
    const { w, inbox } = await setup()
    const texts = w.findAll('[data-testid="inbox-text"]').map((e) => e.text())
    expect(texts[0]).toBe('收到督办事项「加快开工」，请按期反馈办理情况')
    expect(texts[1]).toBe('您有一条新通知：第48周')
    expect(w.text()).not.toContain('weekly_report_ready')
    expect(w.find('[data-testid="inbox-time"]').text()).toBe('2026-11-30 09:05')
    expect(inbox.unread).toBe(2)
    setLocale('en')
    await flushPromises()
    expect(w.findAll('[data-testid="inbox-text"]')[0].text()).toBe('New supervision item “加快开工”: reply by the deadline')
  })

  it('opening one marks it read, counts the bell down and goes where it is done', async () => {
    read.mockResolvedValue({ unread: 1 })
    const { w, router, inbox } = await setup()
    await w.findAll('.row-button')[0].trigger('click')
    await flushPromises()
    expect(read).toHaveBeenCalledWith(3, { silent: true })
    expect(inbox.unread).toBe(1)
    expect(router.currentRoute.value.path).toBe('/supervision/7')
  })

  it('does not ask again for one already read', async () => {
    const { w, router } = await setup()
    await w.findAll('.row-button')[2].trigger('click')
    await flushPromises()
    expect(read).not.toHaveBeenCalled()
    expect(router.currentRoute.value.path).toBe('/factor-requests/4')
  })

  it('全部已读 reads them all and the bell goes to zero', async () => {
    readAll.mockResolvedValue({ unread: 0 })
    const { w, inbox } = await setup()
    await w.find('[data-testid="inbox-read-all"]').trigger('click')
    await flushPromises()
    expect(inbox.unread).toBe(0)
    expect(w.findAll('[data-testid="inbox-item"]').every((e) => e.attributes('data-read') === 'true')).toBe(true)
    expect(w.find('[data-testid="inbox-read-all"]').attributes('disabled')).toBeDefined()
  })
})
