// 通知设置: one switch per kind the server sends, worded; 保存 sends only the changed kinds and shows
// the server's answer; a refusal reads in the user's language; an account without an inbox sees nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n, setLocale } from '@/locales'
import NotificationPreferences from './NotificationPreferences.vue'

const KINDS = { factor_raised: true, supervision_issued: true, escalated: true, digest: true }
type Call = [string, RequestInit | undefined]

function server(
  put: (body: { kinds: Record<string, boolean> }) => { status: number; body: unknown },
  get: { status: number; body: unknown } = { status: 200, body: { kinds: KINDS } },
) {
  return vi.fn(async (_url: string, init?: RequestInit) => {
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
    if (init?.method === 'PUT') {
      const r = put(JSON.parse(String(init.body)))
      return json(r.status, r.body)
    }
    return json(get.status, get.body)
  })
}

async function render() {
  const w = mount(NotificationPreferences, { global: { plugins: [ElementPlus, i18n] }, attachTo: document.body })
  await flushPromises()
  return w
}
const sw = (w: Awaited<ReturnType<typeof render>>, kind: string) => w.find(`[data-testid="notify-pref-${kind}"]`)

describe('通知设置', () => {
  beforeEach(() => setLocale('zh-CN'))
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('words every kind, grouped, and saves only the switch that changed', async () => {
    const fetch = server((b) => ({ status: 200, body: { kinds: { ...KINDS, ...b.kinds } } }))
    vi.stubGlobal('fetch', fetch)
    const w = await render()
    const rows = w.findAll('[data-testid="notify-pref"]')
    expect(rows.map((r) => r.attributes('data-kind'))).toEqual(['factor_raised', 'supervision_issued', 'escalated', 'digest'])
    expect(w.text()).toContain('新的要素需求')
    expect(w.text()).toContain('每日待办摘要')
    expect(w.text()).toContain('超期与提醒')
    await sw(w, 'digest').trigger('click')
    expect(w.find('[data-testid="notify-prefs-dirty"]').exists()).toBe(true)
    await w.find('[data-testid="notify-prefs-save"]').trigger('click')
    await flushPromises()
    const put = (fetch.mock.calls as unknown as Call[]).find(([, i]) => i?.method === 'PUT')
    expect(put?.[0]).toBe('/api/v1/notifications/preferences')
    expect(JSON.parse(String(put?.[1]?.body))).toEqual({ kinds: { digest: false } })
    expect(w.find('[data-testid="notify-prefs-dirty"]').exists()).toBe(false)
    expect(sw(w, 'digest').classes()).not.toContain('is-checked')
  })

  it('shows a refusal in Chinese and keeps the change on screen', async () => {
    vi.stubGlobal(
      'fetch',
      server(() => ({ status: 400, body: { error: { code: 'invalid_argument', message: 'bad', fields: { kinds: 'invalid_value' } } } })),
    )
    const w = await render()
    await sw(w, 'escalated').trigger('click')
    await w.find('[data-testid="notify-prefs-save"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-testid="notify-prefs-error"]').text()).toMatch(/[\u4e00-\u9fff]/)
    expect(w.find('[data-testid="notify-prefs-error"]').text()).not.toContain('bad')
    expect(w.find('[data-testid="notify-prefs-dirty"]').exists()).toBe(true)
  })

  it('is not shown to an account without an inbox (403)', async () => {
    vi.stubGlobal(
      'fetch',
      server(() => ({ status: 200, body: {} }), { status: 403, body: { error: { code: 'forbidden', message: 'no' } } }),
    )
    const w = await render()
    expect(w.find('[data-testid="notify-prefs"]').exists()).toBe(false)
  })

  it('reads in English', async () => {
    setLocale('en')
    vi.stubGlobal(
      'fetch',
      server(() => ({ status: 200, body: {} })),
    )
    const w = await render()
    expect(w.text()).toContain('Notification settings')
    expect(w.text()).toContain('Daily digest')
  })
})
