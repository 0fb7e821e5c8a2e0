// 最近登录 renders GET /auth/logins (own account, newest first) and disappears on a server
// that does not have the route yet (404), without an error toast.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus, { ElMessage } from 'element-plus'
import { i18n, setLocale } from '@/locales'
import { formatTime } from '@/utils/format'
import LoginHistory from './LoginHistory.vue'

function answer(status: number, body: unknown) {
  return vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }))
}

const AT = Date.UTC(2026, 10, 30, 1, 2, 3)
const LOGINS = {
  items: [
    { at: AT, remote: '10.0.0.8', result: 'ok' },
    { at: AT - 60_000, remote: '203.0.113.9', result: 'failed' },
    { at: AT - 120_000, remote: '203.0.113.9', result: 'locked' },
  ],
}

async function render() {
  const w = mount(LoginHistory, { global: { plugins: [ElementPlus, i18n] } })
  await flushPromises()
  return w
}

describe('LoginHistory (最近登录)', () => {
  beforeEach(() => setLocale('zh-CN'))
  afterEach(() => vi.unstubAllGlobals())

  it('asks GET /api/v1/auth/logins and lists time, address and result in Chinese', async () => {
    const fetch = answer(200, LOGINS)
    vi.stubGlobal('fetch', fetch)
    const w = await render()
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toBe('/api/v1/auth/logins')
    expect(w.text()).toContain('最近登录')
    const rows = w.findAll('[data-testid="login-entry"]')
    expect(rows).toHaveLength(3)
    expect(rows[0].text()).toContain(formatTime(AT))
    expect(rows[0].text()).toContain('10.0.0.8')
    expect(rows.map((r) => r.find('[data-testid="login-result"]').text())).toEqual(['成功', '密码错误', '已锁定'])
  })

  it('reads in English', async () => {
    setLocale('en')
    vi.stubGlobal('fetch', answer(200, LOGINS))
    const w = await render()
    expect(w.text()).toContain('Recent logins')
    expect(w.findAll('[data-testid="login-result"]').map((r) => r.text())).toEqual(['Succeeded', 'Wrong password', 'Locked'])
    expect(w.text()).not.toMatch(/\b(ok|failed|locked)\b/)
  })

  it('says so when there is no login yet', async () => {
    vi.stubGlobal('fetch', answer(200, { items: [] }))
    const w = await render()
    expect(w.findAll('[data-testid="login-entry"]')).toHaveLength(0)
    expect(w.text()).toContain(i18n.global.t('account.logins.empty'))
  })

  it('is not shown at all by a server without the route (404), and shows no error', async () => {
    const toast = vi.spyOn(ElMessage, 'error')
    vi.stubGlobal('fetch', answer(404, { error: { code: 'not_found', message: 'no route' } }))
    const w = await render()
    expect(w.find('[data-testid="login-history"]').exists()).toBe(false)
    expect(w.text()).toBe('')
    expect(toast).not.toHaveBeenCalled()
  })
})
