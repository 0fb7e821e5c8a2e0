import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('element-plus', () => ({ ElMessage: vi.fn() }))

import { ElMessage } from 'element-plus'
import { ApiError, configureHttp, errorMessage, http } from './http'
import { i18n, setLocale } from '@/locales'

const message = ElMessage as unknown as ReturnType<typeof vi.fn>

function reply(status: number, body?: unknown) {
  return vi.fn(async () =>
    new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    }),
  )
}

const shown = () => (message.mock.calls.at(-1)?.[0] as { message: string } | undefined)?.message

describe('http error interceptor', () => {
  const onUnauthorized = vi.fn()

  beforeEach(() => {
    setLocale('zh-CN')
    message.mockClear()
    onUnauthorized.mockClear()
    configureHttp({ csrfToken: () => 'tok-1', onUnauthorized })
  })
  afterEach(() => vi.unstubAllGlobals())

  it('shows the Chinese text for a known error code', async () => {
    vi.stubGlobal('fetch', reply(401, { error: { code: 'invalid_credentials', message: 'bad login' } }))
    await expect(http.post('/auth/login', { login: 'a', password: 'b' })).rejects.toBeInstanceOf(ApiError)
    expect(shown()).toBe('用户名或密码错误')
  })

  it('follows the language switch', async () => {
    setLocale('en')
    vi.stubGlobal('fetch', reply(403, { error: { code: 'forbidden', message: 'no' } }))
    await expect(http.get('/users')).rejects.toThrow()
    expect(shown()).toBe('You are not allowed to do this')
  })

  it('falls back to the server message for an unknown code', async () => {
    vi.stubGlobal('fetch', reply(400, { error: { code: 'brand_new_code', message: 'Something specific' } }))
    await expect(http.get('/x')).rejects.toMatchObject({ code: 'brand_new_code', status: 400 })
    expect(shown()).toBe('Something specific')
  })

  it('shows the unlock time of a locked account', async () => {
    const until = Date.UTC(2026, 0, 2, 3, 4, 5)
    vi.stubGlobal(
      'fetch',
      reply(423, { error: { code: 'account_locked', message: 'locked', fields: { locked_until: String(until) } } }),
    )
    await expect(http.post('/auth/login', {})).rejects.toThrow()
    const text = shown() ?? ''
    expect(text.startsWith('账号已锁定，请15分钟后再试')).toBe(true)
    expect(text).toContain(new Date(until).toLocaleString('zh-CN', { hour12: false }))
  })

  it('maps rate limiting to a clear message', () => {
    const err = new ApiError(429, { code: 'rate_limited', message: 'slow down' }, '/auth/login')
    expect(errorMessage(err)).toBe('登录尝试过于频繁，请稍后再试')
  })

  it('keeps the field reasons of a validation error', async () => {
    vi.stubGlobal(
      'fetch',
      reply(400, { error: { code: 'weak_password', message: 'weak', fields: { password: 'too_short' } } }),
    )
    await expect(http.post('/users', {})).rejects.toMatchObject({ fields: { password: 'too_short' } })
  })

  it('sends the user to login on a 401, except for the login call itself', async () => {
    vi.stubGlobal('fetch', reply(401, { error: { code: 'unauthenticated', message: 'no session' } }))
    await expect(http.get('/workbench')).rejects.toThrow()
    expect(onUnauthorized).toHaveBeenCalledTimes(1)

    vi.stubGlobal('fetch', reply(401, { error: { code: 'invalid_credentials', message: 'bad' } }))
    await expect(http.post('/auth/login', {})).rejects.toThrow()
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
  })

  it('is quiet when asked to be', async () => {
    vi.stubGlobal('fetch', reply(401, { error: { code: 'unauthenticated', message: 'no session' } }))
    await expect(http.get('/auth/me', { silent: true, noAuthRedirect: true })).rejects.toThrow()
    expect(message).not.toHaveBeenCalled()
    expect(onUnauthorized).not.toHaveBeenCalled()
  })

  it('handles a non-JSON error body', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>bad gateway</html>', { status: 502 })))
    await expect(http.get('/x')).rejects.toMatchObject({ code: 'http_502', status: 502 })
    expect(message).toHaveBeenCalledTimes(1)
  })

  it('adds CSRF and JSON headers to writes, not to reads', async () => {
    const fetchMock = reply(200, { ok: true })
    vi.stubGlobal('fetch', fetchMock)
    await http.patch('/users/1', { active: false, version: 3 })
    await http.get('/users', { query: { q: '张', page: 1, unit_id: null } })
    const calls = fetchMock.mock.calls as unknown as [string, RequestInit][]
    const [url1, init1] = calls[0]
    const h1 = init1.headers as Record<string, string>
    expect(url1).toBe('/api/v1/users/1')
    expect(init1.method).toBe('PATCH')
    expect(init1.credentials).toBe('same-origin')
    expect(h1['X-CSRF-Token']).toBe('tok-1')
    expect(h1['Content-Type']).toBe('application/json')
    expect(init1.body).toBe('{"active":false,"version":3}')

    const [url2, init2] = calls[1]
    const h2 = init2.headers as Record<string, string>
    expect(url2).toBe('/api/v1/users?q=%E5%BC%A0&page=1')
    expect(h2['X-CSRF-Token']).toBeUndefined()
    expect(h2['Content-Type']).toBeUndefined()
  })

  it('returns undefined for 204', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(null, { status: 204 })))
    await expect(http.post('/auth/logout')).resolves.toBeUndefined()
  })

  it('has a translation for every documented error code in both languages', () => {
    const codes = new Set([
      'invalid_json', 'invalid_argument', 'weak_password', 'unauthenticated', 'invalid_credentials',
      'account_locked', 'account_disabled', 'forbidden', 'csrf_failed', 'not_found', 'method_not_allowed',
      'version_conflict', 'already_exists', 'payload_too_large', 'unsupported_media_type', 'rate_limited',
      'role_conflict', 'internal', 'transition_not_allowed', 'guard_failed',
    ])
    // Also every code docs/api.md names: rows of the error table, and "400 `code`" in the prose.
    // (vitest runs from web/; happy-dom gives import.meta.url an http scheme)
    const doc = path.resolve(process.cwd(), '../docs/api.md')
    if (fs.existsSync(doc)) {
      const text = fs.readFileSync(doc, 'utf8')
      for (const m of text.matchAll(/^\| ([a-z_]+) \| \d{3} \|/gm)) codes.add(m[1])
      for (const m of text.matchAll(/\b[45]\d\d `([a-z_]+)`/g)) codes.add(m[1])
    }
    for (const loc of ['zh-CN', 'en'] as const) {
      for (const c of codes) expect(i18n.global.te(`errors.${c}`, loc), `${loc} errors.${c}`).toBe(true)
    }
  })
})
