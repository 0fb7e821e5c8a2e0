// A small in-memory stand-in for `zhaoshang serve --demo`, following docs/api.md.
// For front-end work without the C++ build: `node tests/e2e/mock-server.mjs [port] [distDir]`.
// The real server is the authority; the e2e suite runs against it when it is built.
import http from 'node:http'
import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { createPipeline } from './mock-pipeline.mjs'
import { createReview } from './mock-review.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const port = Number(process.argv[2] ?? process.env.PORT ?? 8090)
const dist = path.resolve(process.argv[3] ?? path.join(here, '../../web/dist'))
const PASSWORD = 'Demo@2026'

// Grants as in server/src/zhaoshang/org/roles.cpp, plus the matching and pre-review module of
// docs/api.md: park.read for every business role except expert; park.write receiver (subtree) and
// coordinator; routing.read coordinator, leader, receiver; review.manage coordinator;
// review.participate expert, reviewer, receiver, coordinator; review.read leader.
const BASE = [['workbench.view', 'self'], ['org.read', 'all'], ['catalog.read', 'all'], ['park.read', 'all']]
const ROLES = [
  ['promoter', false, [...BASE, ['project.read', 'self'], ['project.create', 'self'], ['project.write', 'self']]],
  ['receiver', false, [...BASE, ['project.read', 'subtree'], ['project.write', 'subtree'], ['park.write', 'subtree'], ['routing.read', 'subtree'],
    ['review.participate', 'self']]],
  ['collaborator', false, BASE],
  ['reviewer', false, [...BASE, ['review.participate', 'self']]],
  ['coordinator', false, [...BASE, ['user.read', 'all'], ['catalog.write', 'all'], ['project.read', 'all'], ['project.create', 'all'],
    ['project.write', 'all'], ['project.adjudicate', 'all'], ['pipeline.settings', 'all'], ['park.write', 'all'], ['routing.read', 'all'],
    ['review.manage', 'all'], ['review.participate', 'self']]],
  ['leader', false, [...BASE, ['user.read', 'subtree'], ['project.read', 'all'], ['routing.read', 'all'], ['review.read', 'all']]],
  ['unit_head', false, [...BASE, ['project.read', 'subtree']]],
  ['trainer', false, BASE],
  ['statistician', false, BASE],
  // 外部专家: sees projects only inside the rounds they sit on.
  ['expert', false, [['workbench.view', 'self'], ['review.participate', 'self']]],
  ['sysadmin', true, [['org.read', 'all'], ['org.write', 'all'], ['user.read', 'all'], ['user.write', 'all'], ['role.read', 'all']]],
  ['secadmin', true, [['org.read', 'all'], ['user.read', 'all'], ['user.roles', 'all'], ['role.read', 'all']]],
  ['auditadmin', true, [['audit.read', 'all']]],
].map(([code, admin, grants]) => ({ code, admin, grants: grants.map(([permission, scope]) => ({ permission, scope })) }))
const grantsOf = (roles) => ROLES.filter((r) => roles.includes(r.code)).flatMap((r) => r.grants)

// The demo city of server/src/zhaoshang/app/demo.cpp (names and shape, not ids).
const units = [
  [1, null, '安庆市', 'city'],
  [2, 1, '安庆市投资促进局', 'bureau'],
  [3, 1, '安庆市发展和改革委员会', 'department'],
  [4, 1, '安庆市经济和信息化局', 'department'],
  [5, 1, '安庆市自然资源和规划局', 'bureau'],
  [6, 1, '中共安庆市委党校', 'party_school'],
  [7, 1, '安庆市统计局', 'statistics_bureau'],
  [8, 1, '安庆经济技术开发区', 'park'],
  [9, 8, '经开区招商服务中心', 'department'],
  [10, 1, '安庆高新技术产业开发区', 'park'],
  [11, 1, '迎江区', 'district'],
  [12, 11, '迎江区投资促进中心', 'department'],
  [13, 11, '迎江经济开发区', 'park'],
  [14, 1, '大观区', 'district'],
  [15, 14, '大观区投资促进中心', 'department'],
  [16, 14, '大观经济开发区', 'park'],
  [17, 1, '宜秀区', 'district'],
  [18, 17, '宜秀区投资促进中心', 'department'],
  [19, 17, '宜秀经济开发区', 'park'],
  [20, 2, '驻上海招商组', 'resident_team'],
  [21, 2, '驻深圳招商组', 'resident_team'],
  [22, 1, '皖江产业技术研究院（虚构）', 'institute'],
  [23, 1, '宜城新材料股份有限公司（虚构）', 'enterprise'],
].map(([id, parent_id, name, kind]) => ({ id, parent_id, name, kind, code: `U${id}`, version: 1 }))

const people = {
  promoter: ['张伟', 20], receiver: ['李娜', 8], collaborator: ['王强', 5], reviewer: ['陈静', 22],
  coordinator: ['刘洋', 2], leader: ['赵敏', 1], trainer: ['孙丽', 6], statistician: ['周杰', 7],
  sysadmin: ['吴刚', 2], secadmin: ['郑芳', 2], auditadmin: ['冯磊', 2],
  yxpromoter: ['黄磊', 18, 'promoter'], dgpromoter: ['何静', 15, 'promoter'], jkpromoter: ['罗军', 9, 'promoter'],
  szpromoter: ['高峰', 21, 'promoter'], unithead: ['林涛', 17, 'unit_head'],
  expert: ['王建国', 22, 'expert'], expert2: ['吴海燕', 23, 'expert'],
}
let nextUserId = 1
const users = Object.entries(people).map(([login, [name, unit_id, role]]) => ({
  id: nextUserId++, login, name, unit_id, roles: [role ?? login], active: true, version: 1,
  password: PASSWORD, last_login_at: null,
  // must_change_password after an administrator's reset; history = the passwords before the current one
  must_change_password: false, history: [],
}))
const ADMIN_ROLES = ROLES.filter((r) => r.admin).map((r) => r.code)
// 三员分立: accounts holding an administrator role are maintained from the command line only.
const isProtected = (u) => u.roles.some((r) => ADMIN_ROLES.includes(r))

// Login failures and lockout per account AND source address (the server's rule): failing from one
// address does not lock the account out elsewhere. After the 2nd failure in a row each one delays
// the next try from that address (3rd → 1 s, 4th → 2 s; an earlier try is 429 with Retry-After and
// not checked); the 5th locks the pair for 15 minutes (423, Retry-After) and the count starts again.
// (The server's per-account ceiling over all addresses, 50 failures, is not imitated.)
// key `${login}|${address}` → { failed, locked_until, retry_at }
const MAX_FAILURES = 5
const FREE_FAILURES = 2
const FIRST_DELAY_MS = 1000
const LOCK_MS = 15 * 60 * 1000
const lockouts = new Map()
const lockoutOf = (login, addr) => {
  const key = `${login}|${addr}`
  if (!lockouts.has(key)) lockouts.set(key, { failed: 0, locked_until: 0, retry_at: 0 })
  return lockouts.get(key)
}
const retryAfter = (ms) => ({ 'Retry-After': String(Math.ceil(ms / 1000)) }) // whole seconds, rounded up
function countFailure(lock, now) {
  lock.failed += 1
  lock.retry_at = 0
  if (lock.failed >= MAX_FAILURES) {
    lock.locked_until = now + LOCK_MS
    lock.failed = 0
  } else if (lock.failed > FREE_FAILURES) {
    lock.retry_at = now + Math.min(LOCK_MS, FIRST_DELAY_MS * 2 ** (lock.failed - FREE_FAILURES - 1))
  }
}
// Logins per source address per minute (ZS_LOGIN_RATE_PER_MINUTE, default 30): 429 with Retry-After.
const LOGIN_RATE = Number(process.env.ZS_LOGIN_RATE_PER_MINUTE ?? 30)
const loginTimes = new Map() // address → [ms…] within the last minute
function rateLimit(addr, now) {
  const recent = (loginTimes.get(addr) ?? []).filter((t) => t > now - 60_000)
  if (recent.length >= LOGIN_RATE) {
    const retry = Math.max(1, Math.ceil((recent[0] + 60_000 - now) / 1000))
    fail(429, 'rate_limited', 'too many login attempts from this address', undefined, { 'Retry-After': String(retry) })
  }
  recent.push(now)
  loginTimes.set(addr, recent)
}

const sessions = new Map() // sid → { userId, csrf }
const audit = []
let chain = ''
function addAudit(actor, action, object_type, object_id, diff, req) {
  const e = {
    id: audit.length + 1, at: Date.now(), actor_id: actor?.id ?? null, actor_login: actor?.login ?? '',
    unit_name: actor ? unitName(actor.unit_id) : '', source: 'web', action, object_type,
    object_id: String(object_id ?? ''), diff, request_id: req.rid,
  }
  chain = crypto.createHash('sha256').update(chain + JSON.stringify(e)).digest('hex')
  audit.push(e)
}

const unitName = (id) => units.find((u) => u.id === id)?.name ?? ''
const permsOf = (roles) => [...new Set(grantsOf(roles).map((g) => g.permission))].sort()
const userOut = (u) => ({
  id: u.id, login: u.login, name: u.name, unit_id: u.unit_id, unit_name: unitName(u.unit_id),
  roles: u.roles, permissions: permsOf(u.roles), active: u.active, version: u.version,
  ...(isProtected(u) ? { protected: true } : {}),
})
/** The `user` of /auth/login and /auth/me: with must_change_password. */
const sessionUser = (u) => ({ ...userOut(u), must_change_password: u.must_change_password })
/** A users-list row: no permissions, plus locked_until (the latest lockout of the account from any address). */
const userRow = (u) => {
  const { permissions, ...rest } = userOut(u)
  const until = Math.max(0, ...[...lockouts].filter(([k]) => k.startsWith(`${u.login}|`)).map(([, v]) => v.locked_until))
  return { ...rest, locked_until: until > Date.now() ? until : null, last_login_at: u.last_login_at ?? null }
}

class HttpError {
  constructor(status, code, message, fields, headers) { Object.assign(this, { status, code, message, fields, headers }) }
}
const fail = (status, code, message, fields, headers) => { throw new HttpError(status, code, message, fields, headers) }

function send(res, status, body, headers = {}) {
  const data = body === undefined ? '' : JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers })
  res.end(data)
}

function cookieSid(req) {
  const m = /(?:^|;\s*)zs_session=([^;]+)/.exec(req.headers.cookie ?? '')
  return m ? m[1] : null
}

function current(req) {
  const s = sessions.get(cookieSid(req))
  if (!s) fail(401, 'unauthenticated', 'no or expired session')
  const u = users.find((x) => x.id === s.userId)
  if (!u || !u.active) fail(401, 'unauthenticated', 'no or expired session')
  return { u, s }
}

function need(req, perm) {
  const ctx = current(req)
  if (req.method !== 'GET' && req.headers['x-csrf-token'] !== ctx.s.csrf) fail(403, 'csrf_failed', 'bad csrf token')
  if (!permsOf(ctx.u.roles).includes(perm)) fail(403, 'forbidden', 'not allowed')
  return ctx.u
}

function page(items, q) {
  const p = Math.max(1, Number(q.get('page') ?? 1))
  const ps = Math.min(200, Math.max(1, Number(q.get('page_size') ?? 20)))
  return { items: items.slice((p - 1) * ps, p * ps), total: items.length, page: p, page_size: ps }
}

function checkPassword(pw, login) {
  if (pw.length < 8) return 'too_short'
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(pw)).length
  if (classes < 3) return 'too_few_classes'
  if (login && pw.toLowerCase().includes(login.toLowerCase())) return 'contains_login'
  return null
}
/** A new own password: strength, then not the current one nor one of the last 5. */
function checkNewPassword(u, pw) {
  const weak = checkPassword(pw, u.login)
  if (weak) return weak
  if (pw === u.password || u.history.slice(-5).includes(pw)) return 'reused'
  return null
}
function setPassword(u, pw, mustChange) {
  u.history.push(u.password)
  u.history = u.history.slice(-5)
  u.password = pw
  u.must_change_password = mustChange
}
// While must_change_password holds, the session may only do these (everything else: 403).
const WHILE_MUST_CHANGE = new Set(['GET /auth/me', 'POST /auth/password', 'POST /auth/logout'])
const protectedFail = () => fail(403, 'admin_account_protected', 'administrator accounts are maintained from the command line')

async function api(req, res, url, body) {
  const p = url.pathname.replace('/api/v1', '')
  const q = url.searchParams
  const M = req.method
  let m
  if (M === 'GET' && p === '/meta') return send(res, 200, { demo: true, version: '0.1.0-mock' })
  if (M === 'POST' && p === '/auth/login') {
    const now = Date.now()
    const addr = req.socket.remoteAddress ?? ''
    rateLimit(addr, now)
    const u = users.find((x) => x.login === body.login)
    if (!u) {
      addAudit(null, 'auth.login_failed', 'user', body.login, { reason: 'unknown_login' }, req)
      fail(401, 'invalid_credentials', 'wrong login or password')
    }
    const lock = lockoutOf(u.login, addr)
    if (lock.locked_until > now)
      fail(423, 'account_locked', 'account locked', { locked_until: String(lock.locked_until) }, retryAfter(lock.locked_until - now))
    if (lock.retry_at > now)
      fail(429, 'rate_limited', 'wrong password several times; wait before the next try', undefined, retryAfter(lock.retry_at - now))
    if (u.password !== body.password) {
      countFailure(lock, now)
      addAudit(u, 'auth.login_failed', 'user', u.id, {}, req)
      fail(401, 'invalid_credentials', 'wrong login or password')
    }
    if (!u.active) fail(403, 'account_disabled', 'account disabled')
    lock.failed = 0
    lock.retry_at = 0
    const sid = crypto.randomBytes(16).toString('hex')
    const csrf = crypto.randomBytes(16).toString('hex')
    sessions.set(sid, { userId: u.id, csrf })
    u.prev_login_at = u.last_login_at
    u.last_login_at = now
    addAudit(u, 'auth.login', 'user', u.id, {}, req)
    return send(res, 200, { user: sessionUser(u), csrf_token: csrf }, {
      'Set-Cookie': `zs_session=${sid}; HttpOnly; SameSite=Strict; Path=/`,
    })
  }
  {
    // The gate of must_change_password: before any other route runs.
    const sess = sessions.get(cookieSid(req))
    const who = sess && users.find((x) => x.id === sess.userId)
    if (who?.must_change_password && !WHILE_MUST_CHANGE.has(`${M} ${p}`))
      fail(403, 'password_change_required', 'the password was reset: change it first (POST /auth/password)')
  }
  if (M === 'POST' && p === '/auth/password') {
    const { u, s } = current(req)
    if (req.headers['x-csrf-token'] !== s.csrf) fail(403, 'csrf_failed', 'bad csrf token')
    const fields = {}
    for (const f of ['old_password', 'new_password']) if (typeof body[f] !== 'string' || !body[f]) fields[f] = 'required'
    if (Object.keys(fields).length) fail(400, 'invalid_argument', 'invalid input', fields)
    if (body.old_password !== u.password) fail(400, 'invalid_argument', 'wrong current password', { old_password: 'invalid_value' })
    const weak = checkNewPassword(u, body.new_password)
    if (weak) fail(400, 'weak_password', 'weak password', { password: weak })
    setPassword(u, body.new_password, false)
    // This session stays; the account's others end.
    const mine = cookieSid(req)
    for (const [sid, x] of sessions) if (x.userId === u.id && sid !== mine) sessions.delete(sid)
    addAudit(u, 'auth.password_change', 'user', u.id, {}, req)
    res.writeHead(204)
    return res.end()
  }
  if (M === 'POST' && p === '/auth/logout') {
    const { u, s } = current(req)
    if (req.headers['x-csrf-token'] !== s.csrf) fail(403, 'csrf_failed', 'bad csrf token')
    sessions.delete(cookieSid(req))
    addAudit(u, 'auth.logout', 'user', u.id, {}, req)
    res.writeHead(204, { 'Set-Cookie': 'zs_session=; Max-Age=0; Path=/' })
    return res.end()
  }
  if (M === 'GET' && p === '/auth/me') {
    const { u, s } = current(req)
    return send(res, 200, { user: sessionUser(u), csrf_token: s.csrf })
  }
  if (M === 'GET' && p === '/workbench') {
    const u = need(req, 'workbench.view')
    return send(res, 200, {
      user: userOut(u), unit: units.find((x) => x.id === u.unit_id),
      stats: { users_in_unit: users.filter((x) => x.unit_id === u.unit_id).length },
      last_login_at: u.prev_login_at ?? null,
      review_rounds: review.workbenchRounds(u),
    })
  }
  if (M === 'GET' && p === '/org/units') { need(req, 'org.read'); return send(res, 200, { items: units }) }
  if (M === 'POST' && p === '/org/units') {
    const u = need(req, 'org.write')
    const fields = {}
    if (!body.name) fields.name = 'required'
    if (!body.kind) fields.kind = 'required'
    if (!units.some((x) => x.id === body.parent_id)) fields.parent_id = 'not_found'
    if (Object.keys(fields).length) fail(400, 'invalid_argument', 'invalid input', fields)
    const unit = { id: units.length + 1, parent_id: body.parent_id, name: body.name, kind: body.kind, code: body.code ?? null, version: 1 }
    units.push(unit)
    addAudit(u, 'org.unit_create', 'org_unit', unit.id, { after: unit }, req)
    return send(res, 201, unit)
  }
  if (M === 'PATCH' && (m = /^\/org\/units\/(\d+)$/.exec(p))) {
    const u = need(req, 'org.write')
    const unit = units.find((x) => x.id === Number(m[1])) ?? fail(404, 'not_found', 'no such unit')
    if (body.version !== unit.version) fail(409, 'version_conflict', 'stale version')
    const before = { name: unit.name, kind: unit.kind }
    Object.assign(unit, body.name ? { name: body.name } : {}, body.kind ? { kind: body.kind } : {}, { version: unit.version + 1 })
    addAudit(u, 'org.unit_update', 'org_unit', unit.id, { before, after: { name: unit.name, kind: unit.kind } }, req)
    return send(res, 200, unit)
  }
  if (M === 'GET' && p === '/roles') { need(req, 'role.read'); return send(res, 200, { items: ROLES }) }
  if (M === 'GET' && p === '/users') {
    need(req, 'user.read')
    const text = q.get('q') ?? ''
    const unitId = q.get('unit_id')
    const active = q.get('active')
    const list = users.filter((x) =>
      (!text || x.login.includes(text) || x.name.includes(text)) &&
      (!unitId || x.unit_id === Number(unitId)) &&
      (active === null || active === '' || String(x.active) === active))
    return send(res, 200, page(list.map(userRow), q))
  }
  if (M === 'POST' && p === '/users') {
    const actor = need(req, 'user.write')
    const fields = {}
    for (const f of ['login', 'name', 'unit_id', 'password']) if (!body[f]) fields[f] = 'required'
    if (Object.keys(fields).length) fail(400, 'invalid_argument', 'invalid input', fields)
    if (users.some((x) => x.login === body.login)) fail(409, 'already_exists', 'login taken', { login: 'already_exists' })
    const weak = checkPassword(body.password, body.login)
    if (weak) fail(400, 'weak_password', 'weak password', { password: weak })
    const u = { id: nextUserId++, login: body.login, name: body.name, unit_id: body.unit_id, roles: [], active: true, version: 1, password: body.password, must_change_password: false, history: [] }
    users.push(u)
    addAudit(actor, 'user.create', 'user', u.id, { after: userOut(u) }, req)
    return send(res, 201, userOut(u))
  }
  if (M === 'PATCH' && (m = /^\/users\/(\d+)$/.exec(p))) {
    const actor = need(req, 'user.write')
    const u = users.find((x) => x.id === Number(m[1])) ?? fail(404, 'not_found', 'no such user')
    if (isProtected(u)) protectedFail()
    if (body.version !== u.version) fail(409, 'version_conflict', 'stale version')
    for (const f of ['name', 'unit_id', 'active']) if (body[f] !== undefined) u[f] = body[f]
    u.version += 1
    addAudit(actor, 'user.update', 'user', u.id, { after: body }, req)
    return send(res, 200, userOut(u))
  }
  if (M === 'PUT' && (m = /^\/users\/(\d+)\/roles$/.exec(p))) {
    const actor = need(req, 'user.roles')
    const u = users.find((x) => x.id === Number(m[1])) ?? fail(404, 'not_found', 'no such user')
    if (isProtected(u)) protectedFail()
    if (body.version !== u.version) fail(409, 'version_conflict', 'stale version')
    const defs = body.roles.map((c) => ROLES.find((r) => r.code === c) ?? fail(400, 'invalid_argument', 'unknown role', { roles: 'invalid_value' }))
    const admins = defs.filter((r) => r.admin).length
    if (admins > 1 || (admins === 1 && defs.length > 1)) fail(400, 'role_conflict', 'role conflict', { roles: 'role_conflict' })
    addAudit(actor, 'user.roles', 'user', u.id, { before: u.roles, after: body.roles }, req)
    u.roles = [...body.roles]
    u.version += 1
    return send(res, 200, userOut(u))
  }
  if (M === 'POST' && (m = /^\/users\/(\d+)\/password$/.exec(p))) {
    const actor = need(req, 'user.write')
    const u = users.find((x) => x.id === Number(m[1])) ?? fail(404, 'not_found', 'no such user')
    if (isProtected(u)) protectedFail()
    const weak = checkPassword(body.password ?? '', u.login)
    if (weak) fail(400, 'weak_password', 'weak password', { password: weak })
    // A reset unlocks the account (from every address) and makes the user choose their own password.
    setPassword(u, body.password, true)
    for (const k of lockouts.keys()) if (k.startsWith(`${u.login}|`)) lockouts.delete(k)
    addAudit(actor, 'user.password_reset', 'user', u.id, {}, req)
    res.writeHead(204)
    return res.end()
  }
  if (M === 'GET' && p === '/audit') {
    need(req, 'audit.read')
    const from = Number(q.get('from') || 0)
    const to = Number(q.get('to') || Infinity)
    const list = audit.filter((e) =>
      (!q.get('actor') || e.actor_login === q.get('actor')) &&
      (!q.get('action') || e.action === q.get('action')) &&
      (!q.get('object_type') || e.object_type === q.get('object_type')) &&
      e.at >= from && e.at <= to).reverse()
    return send(res, 200, page(list, q))
  }
  if (M === 'GET' && p === '/audit/verify') {
    need(req, 'audit.read')
    return send(res, 200, { ok: true, checked: audit.length, checkpoints: 1, archived: 0, first_broken_id: null, reason: '' })
  }
  if (await pipeline(req, res, p, q, body)) return
  if (review.handle(req, res, p, q, body)) return
  fail(404, 'not_found', 'route unknown')
}

const pipeline = createPipeline({ units, users, unitName, fail, send, need, page, addAudit, grantsOf })
const review = createReview({ units, users, unitName, fail, send, need, page, addAudit, grantsOf, core: pipeline.core })

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf' }
function serveStatic(res, pathname) {
  let file = path.join(dist, path.normalize(pathname).replace(/^(\.\.[/\\])+/, ''))
  if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(dist, 'index.html')
  res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
  fs.createReadStream(file).pipe(res)
}

const server = http.createServer(async (req, res) => {
  req.rid = crypto.randomBytes(6).toString('hex')
  res.setHeader('X-Request-Id', req.rid)
  const url = new URL(req.url, 'http://x')
  if (url.pathname === '/healthz') return send(res, 200, { status: 'ok' })
  if (!url.pathname.startsWith('/api/')) return serveStatic(res, url.pathname)
  try {
    let body = {}
    if (req.method !== 'GET') {
      const chunks = []
      for await (const c of req) chunks.push(c)
      const raw = Buffer.concat(chunks)
      const text = raw.toString()
      if (url.pathname.startsWith('/api/v1/projects/import/')) {
        // The import routes take a file's bytes (.xlsx or CSV), not JSON; limit 5 MiB.
        if (raw.length > 5 * 1024 * 1024) fail(413, 'payload_too_large', 'body over the limit')
        body = { raw, type: req.headers['content-type'] ?? '' }
      } else if (text) {
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) fail(415, 'unsupported_media_type', 'json only')
        try { body = JSON.parse(text) } catch { fail(400, 'invalid_json', 'body is not JSON') }
      }
    }
    await api(req, res, url, body)
  } catch (e) {
    if (e instanceof HttpError) return send(res, e.status, { error: { code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}) } }, e.headers)
    send(res, 500, { error: { code: 'internal', message: String(e) } })
  }
})
server.listen(port, '127.0.0.1', () => console.log(`mock zhaoshang on http://127.0.0.1:${port} serving ${dist}`))
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)))
