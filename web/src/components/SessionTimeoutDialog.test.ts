// The idle-timeout warning follows GET /meta `session.idle_minutes` and nothing else: a minute
// before the cut-off it asks; 继续 calls GET /auth/me (restarting the server's clock); without
// the server's number there is never a warning.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, flushPromises } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n, setLocale } from '@/locales'
import { configureHttp } from '@/api/http'
import { useAppStore } from '@/stores/app'
import { useSessionStore } from '@/stores/session'
import SessionTimeoutDialog from './SessionTimeoutDialog.vue'

const MIN = 60_000
const ME = { user: { id: 1, login: 'promoter', name: '张伟', permissions: [], roles: [] }, csrf_token: 'x' }

function stubFetch() {
  const fetch = vi.fn(async () => new Response(JSON.stringify(ME), { status: 200, headers: { 'Content-Type': 'application/json' } }))
  vi.stubGlobal('fetch', fetch)
  return fetch
}

async function setup(session: { idle_minutes: number; absolute_hours: number } | null) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const store = useSessionStore()
  store.touch(Date.now())
  configureHttp({ onActivity: () => store.touch() })
  useAppStore().session = session
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', name: 'login', component: { template: '<div/>' } }] })
  const w = mount(SessionTimeoutDialog, { global: { plugins: [ElementPlus, i18n, router, pinia] }, attachTo: document.body })
  await flushPromises()
  return w
}

const warningShown = () =>
  !!document.querySelector('[data-testid="session-warning-text"]')?.closest('.el-overlay:not([style*="display: none"])')

describe('SessionTimeoutDialog', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.UTC(2026, 10, 30, 8), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    setLocale('zh-CN')
    localStorage.clear()
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('warns one minute before the idle cut-off; 继续 asks GET /auth/me and the warning goes', async () => {
    const fetch = stubFetch()
    const w = await setup({ idle_minutes: 30, absolute_hours: 12 })
    await vi.advanceTimersByTimeAsync(29 * MIN - 1000)
    expect(warningShown()).toBe(false)
    await vi.advanceTimersByTimeAsync(2000)
    expect(warningShown()).toBe(true)
    expect(document.body.textContent).toContain('会话即将超时')
    expect(document.body.textContent).toContain('60 秒后将自动退出登录')
    await vi.advanceTimersByTimeAsync(10_000)
    expect(document.body.textContent).toContain('50 秒后将自动退出登录')
    expect(fetch).not.toHaveBeenCalled()

    await (document.querySelector('[data-testid="session-continue"]') as HTMLElement).click()
    await flushPromises()
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toBe('/api/v1/auth/me')
    await vi.advanceTimersByTimeAsync(500)
    expect(warningShown()).toBe(false)
    // The clock restarted: the next warning is another 29 minutes away.
    await vi.advanceTimersByTimeAsync(28 * MIN)
    expect(warningShown()).toBe(false)
    w.unmount()
  })

  it('asks the server once at the cut-off (another tab may have kept the session)', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ error: { code: 'unauthenticated', message: '' } }), { status: 401 }))
    vi.stubGlobal('fetch', fetch)
    const w = await setup({ idle_minutes: 5, absolute_hours: 12 })
    await vi.advanceTimersByTimeAsync(5 * MIN + 100)
    expect(fetch).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(10 * MIN)
    expect(fetch).toHaveBeenCalledTimes(1)
    w.unmount()
  })

  it('a request meanwhile (this tab or another) postpones the warning', async () => {
    stubFetch()
    const w = await setup({ idle_minutes: 30, absolute_hours: 12 })
    await vi.advanceTimersByTimeAsync(20 * MIN)
    useSessionStore().touch(Date.now())
    await vi.advanceTimersByTimeAsync(20 * MIN)
    expect(warningShown()).toBe(false)
    await vi.advanceTimersByTimeAsync(9 * MIN + 1000)
    expect(warningShown()).toBe(true)
    w.unmount()
  })

  it('never warns when the server does not say how long a session lasts', async () => {
    const fetch = stubFetch()
    const w = await setup(null)
    await vi.advanceTimersByTimeAsync(13 * 60 * MIN)
    expect(warningShown()).toBe(false)
    expect(fetch).not.toHaveBeenCalled()
    w.unmount()
  })
})
