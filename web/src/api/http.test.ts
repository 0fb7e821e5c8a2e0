import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('element-plus/es/components/message/index.mjs', () => ({ ElMessage: vi.fn() }))

import { ElMessage } from 'element-plus/es/components/message/index.mjs'
import { ApiError, configureHttp, errorMessage, filenameFromDisposition, http, parseRetryAfter } from './http'
import { formatClock } from '@/utils/format'
import { i18n, setLocale } from '@/locales'

const message = ElMessage as unknown as ReturnType<typeof vi.fn>

function reply(status: number, body?: unknown) {
  return vi.fn(
    async () =>
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

  it('says what kind of failure an unknown code is, in the user’s language, never the server’s English text', async () => {
    setLocale('en')
    vi.stubGlobal('fetch', reply(400, { error: { code: 'brand_new_code', message: 'Something specific' } }))
    await expect(http.get('/x')).rejects.toMatchObject({ code: 'brand_new_code', status: 400 })
    expect(shown()).toBe('The request was not accepted; please check what you entered and try again')
    vi.stubGlobal('fetch', reply(409, { error: { code: 'another_new_code', message: 'Clash' } }))
    await expect(http.get('/x')).rejects.toThrow()
    expect(shown()).toBe('This conflicts with existing data; please refresh and try again')
    vi.stubGlobal('fetch', reply(502, { error: { code: 'bad_gateway_x', message: 'upstream' } }))
    await expect(http.get('/x')).rejects.toThrow()
    expect(shown()).not.toContain('upstream')
  })

  it('shows the unlock time of a locked account', async () => {
    const until = Date.UTC(2026, 0, 2, 3, 4, 5)
    vi.stubGlobal('fetch', reply(423, { error: { code: 'account_locked', message: 'locked', fields: { locked_until: String(until) } } }))
    await expect(http.post('/auth/login', {})).rejects.toThrow()
    const text = shown() ?? ''
    expect(text.startsWith(`账号已锁定至 ${formatClock(until)}`)).toBe(true)
    expect(formatClock(until)).toMatch(/\d{2}:\d{2}$/)
  })

  it('maps rate limiting to a clear message', () => {
    const err = new ApiError(429, { code: 'rate_limited', message: 'slow down' }, '/auth/login')
    expect(errorMessage(err)).toBe('登录尝试过于频繁，请稍后再试')
  })

  it('says how long to wait when a 429 carries Retry-After', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'slow down' } }), {
            status: 429,
            headers: { 'Content-Type': 'application/json', 'Retry-After': '42' },
          }),
      ),
    )
    await expect(http.post('/auth/login', {})).rejects.toMatchObject({ retryAfter: 42 })
    expect(shown()).toBe('登录尝试过于频繁，请 42 秒后再试')
    setLocale('en')
    const err = new ApiError(429, { code: 'rate_limited', message: 'slow down' }, '/auth/login', 7)
    expect(errorMessage(err)).toBe('Too many login attempts; try again in 7 seconds')
  })

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('120')).toBe(120)
    expect(parseRetryAfter(' 0 ')).toBe(0)
    const now = Date.UTC(2026, 0, 1, 8, 0, 0)
    expect(parseRetryAfter('Thu, 01 Jan 2026 08:00:30 GMT', now)).toBe(30)
    expect(parseRetryAfter('Thu, 01 Jan 2026 07:00:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('soon')).toBeNull()
    expect(parseRetryAfter(null)).toBeNull()
  })

  it('hands password_change_required to the hook and shows no toast', async () => {
    const onPasswordChangeRequired = vi.fn()
    configureHttp({ onPasswordChangeRequired })
    vi.stubGlobal('fetch', reply(403, { error: { code: 'password_change_required', message: 'change it' } }))
    await expect(http.get('/workbench')).rejects.toMatchObject({ status: 403, code: 'password_change_required' })
    expect(onPasswordChangeRequired).toHaveBeenCalledTimes(1)
    expect(onUnauthorized).not.toHaveBeenCalled()
    expect(message).not.toHaveBeenCalled()
    // a plain 403 is not that
    vi.stubGlobal('fetch', reply(403, { error: { code: 'forbidden', message: 'no' } }))
    await expect(http.get('/audit')).rejects.toThrow()
    expect(onPasswordChangeRequired).toHaveBeenCalledTimes(1)
    expect(shown()).toBe('没有权限执行此操作')
  })

  it('words a field reason that means something particular on that field', () => {
    const join = (why: string, status = 400, code = 'invalid_argument') =>
      errorMessage(new ApiError(status, { code, message: 'x', fields: { join_project_id: why } }, '/projects'))
    expect(join('invalid_value')).toContain('不在所填投资方的撞单结果中')
    expect(join('already_promoter', 409, 'already_promoter')).toBe('您已是该项目的招商人，无需重复加入')
    const capital = new ApiError(400, { code: 'invalid_argument', message: 'x', fields: { amount_yuan: 'exceeds_investment' } }, '/p')
    expect(errorMessage(capital)).toBe('到位资金累计不能超过签约（或总）投资额')
    const reused = new ApiError(400, { code: 'weak_password', message: 'x', fields: { password: 'reused' } }, '/auth/password')
    expect(errorMessage(reused)).toBe('新密码不能与最近 5 次使用过的密码相同')
    setLocale('en')
    expect(errorMessage(reused)).toBe('The new password must differ from your last 5 passwords')
    expect(errorMessage(new ApiError(403, { code: 'admin_account_protected', message: 'x' }, '/users/3'))).toContain('command line')
  })

  it('keeps the field reasons of a validation error', async () => {
    vi.stubGlobal('fetch', reply(400, { error: { code: 'weak_password', message: 'weak', fields: { password: 'too_short' } } }))
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
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>bad gateway</html>', { status: 502 })),
    )
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

  it('marks a background poll for the server and does not count it as the person’s activity', async () => {
    const onActivity = vi.fn()
    configureHttp({ csrfToken: () => 'tok-1', onUnauthorized, onActivity })
    const fetchMock = reply(200, { unread: 3 })
    vi.stubGlobal('fetch', fetchMock)
    await http.get('/notifications/unread-count', { background: true })
    const calls = fetchMock.mock.calls as unknown as [string, RequestInit][]
    expect((calls[0][1].headers as Record<string, string>)['X-Background']).toBe('1')
    expect(onActivity).not.toHaveBeenCalled()
    await http.get('/notifications/unread-count')
    expect((calls[1][1].headers as Record<string, string>)['X-Background']).toBeUndefined()
    expect(onActivity).toHaveBeenCalledTimes(1)
  })

  it('returns undefined for 204', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { status: 204 })),
    )
    await expect(http.post('/auth/logout')).resolves.toBeUndefined()
  })

  it('sends a file as its raw bytes with the given Content-Type and the CSRF header', async () => {
    const fetchMock = reply(200, { total: 1 })
    vi.stubGlobal('fetch', fetchMock)
    const file = new File(['项目名称,投资方名称\n'], 'leads.csv', { type: 'application/vnd.ms-excel' })
    await expect(http.post('/projects/import/preview', file, { contentType: 'text/csv' })).resolves.toEqual({ total: 1 })
    const [url, init] = (fetchMock.mock.calls as unknown as [string, RequestInit][])[0]
    const h = init.headers as Record<string, string>
    expect(url).toBe('/api/v1/projects/import/preview')
    expect(h['Content-Type']).toBe('text/csv')
    expect(h['X-CSRF-Token']).toBe('tok-1')
    expect(init.body).toBe(file) // not JSON.stringify'd, not multipart
  })

  it("falls back to the file's own type, then to octet-stream", async () => {
    const fetchMock = reply(200, {})
    vi.stubGlobal('fetch', fetchMock)
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    await http.post('/x', new Blob([new Uint8Array([0x50, 0x4b])], { type: xlsx }))
    await http.post('/x', new Uint8Array([1, 2]).buffer)
    const calls = fetchMock.mock.calls as unknown as [string, RequestInit][]
    expect((calls[0][1].headers as Record<string, string>)['Content-Type']).toBe(xlsx)
    expect((calls[1][1].headers as Record<string, string>)['Content-Type']).toBe('application/octet-stream')
  })

  it('returns a binary answer as a blob named by Content-Disposition filename*', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 0xff])
    const fetchMock = vi.fn(
      async () =>
        new Response(bytes, {
          status: 200,
          headers: {
            'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'Content-Disposition':
              'attachment; filename="ledger-20260102.xlsx"; filename*=UTF-8\'\'%E9%A1%B9%E7%9B%AE%E5%8F%B0%E8%B4%A6-20260102.xlsx',
          },
        }),
    )
    vi.stubGlobal('fetch', fetchMock)
    const f = await http.getFile('/projects/export.xlsx', { query: { stage: 'negotiating', q: '电机' } })
    expect(f.filename).toBe('项目台账-20260102.xlsx')
    expect(new Uint8Array(await f.blob.arrayBuffer())).toEqual(bytes)
    const [url, init] = (fetchMock.mock.calls as unknown as [string, RequestInit][])[0]
    expect(url).toBe('/api/v1/projects/export.xlsx?stage=negotiating&q=%E7%94%B5%E6%9C%BA')
    expect((init.headers as Record<string, string>).Accept).toBe('*/*')
    expect(message).not.toHaveBeenCalled()
  })

  it('posts a file and receives a file (the problem-row report)', async () => {
    const fetchMock = vi.fn(async () => new Response(new Uint8Array([1]), { status: 200 }))
    vi.stubGlobal('fetch', fetchMock)
    const f = await http.postFile('/projects/import/report.xlsx', new Blob(['a']), { contentType: 'text/csv' })
    expect(f.filename).toBe('report.xlsx') // no Content-Disposition: the path's last segment
    const [, init] = (fetchMock.mock.calls as unknown as [string, RequestInit][])[0]
    expect(init.method).toBe('POST')
    expect((init.headers as Record<string, string>)['X-CSRF-Token']).toBe('tok-1')
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('text/csv')
  })

  it('shows the JSON error of a file request through the interceptor', async () => {
    vi.stubGlobal(
      'fetch',
      reply(400, {
        error: { code: 'invalid_argument', message: 'narrow the filters', fields: { filters: 'too_many_rows' } },
      }),
    )
    await expect(http.getFile('/projects/export.xlsx')).rejects.toMatchObject({ fields: { filters: 'too_many_rows' } })
    expect(shown()).toBe('筛选结果超过 100000 行，不能一次导出，请缩小筛选范围')
  })

  it('names the missing header columns of an invalid_file', async () => {
    vi.stubGlobal(
      'fetch',
      reply(400, {
        error: { code: 'invalid_file', message: 'lacks columns', fields: { 项目名称: 'required', 来源渠道: 'required' } },
      }),
    )
    await expect(http.post('/projects/import/preview', new Blob(['x']), { contentType: 'text/csv' })).rejects.toThrow()
    expect(shown()).toBe('文件缺少必需的列：项目名称、来源渠道。请使用导入模板的表头')
    setLocale('en')
    const err = new ApiError(400, { code: 'invalid_file', message: 'm', fields: { file: 'too_many' } }, '/x')
    expect(errorMessage(err)).toBe('At most 5,000 rows per file; split it and import the parts one by one')
    const unreadable = new ApiError(400, { code: 'invalid_file', message: 'm', fields: { file: 'invalid_value' } }, '/x')
    expect(errorMessage(unreadable)).toBe('The file cannot be read; use the import template (.xlsx), or a UTF-8 / GBK .csv file')
  })

  it('turns a 200 that is not JSON into an error instead of throwing a SyntaxError', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>login</html>', { status: 200 })),
    )
    await expect(http.get('/projects')).rejects.toMatchObject({ code: 'bad_response', status: 200 })
    expect(shown()).toBe('服务器返回了无法识别的内容，请稍后重试')
  })

  it('reads file names from Content-Disposition', () => {
    expect(filenameFromDisposition("attachment; filename*=UTF-8''%E7%BA%BF%E7%B4%A2.xlsx")).toBe('线索.xlsx')
    expect(filenameFromDisposition('attachment; filename*=utf-8\'zh\'a%20b.xlsx; filename="x.xlsx"')).toBe('a b.xlsx')
    expect(filenameFromDisposition('attachment; filename="report \\"1\\".xlsx"')).toBe('report "1".xlsx')
    expect(filenameFromDisposition('attachment; filename=plain.xlsx')).toBe('plain.xlsx')
    expect(filenameFromDisposition('attachment; filename*=UTF-8\'\'%E0%A4%A; filename="fallback.xlsx"')).toBe('fallback.xlsx')
    expect(filenameFromDisposition('inline')).toBeNull()
    expect(filenameFromDisposition(null)).toBeNull()
  })

  it('has a translation for every documented error code in both languages', () => {
    const codes = new Set([
      'invalid_json',
      'invalid_argument',
      'weak_password',
      'unauthenticated',
      'invalid_credentials',
      'account_locked',
      'account_disabled',
      'forbidden',
      'csrf_failed',
      'not_found',
      'method_not_allowed',
      'version_conflict',
      'already_exists',
      'payload_too_large',
      'unsupported_media_type',
      'rate_limited',
      'role_conflict',
      'internal',
      'transition_not_allowed',
      'guard_failed',
      'password_change_required',
      'admin_account_protected',
      'already_promoter',
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
