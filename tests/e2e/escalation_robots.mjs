// Browser scenarios of 超期上报 (escalation), 群机器人 (group robots) and 通知设置 (notification settings).
// run.mjs hands its helpers to `register`. Two scenarios start their own server on a fresh demo
// database (a factor request made overdue by a simulated clock; a robot delivery run by the
// scheduler), so they can run after anything the other scenarios did, and leave nothing behind.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import http from 'node:http'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const DAY_MS = 86_400_000

// ---------------------------------------------------------------- own servers
/** True when nothing listens on 127.0.0.1:port (we can bind it ourselves). */
function canListen(port) {
  return new Promise((resolve) => {
    const s = net.createServer()
    s.once('error', () => resolve(false))
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)))
  })
}

/** The next free port after the suite's own (ZS_E2E_PORT), within the 18 above it. */
async function freePort(taken) {
  const base = Number(process.env.ZS_E2E_PORT ?? 8090)
  for (let p = base + 1; p <= base + 18; p++) {
    if (taken.has(p) || !(await canListen(p))) continue
    taken.add(p)
    return p
  }
  throw new Error(`no free port in ${base + 1}–${base + 18}`)
}

/**
 * Start `zhaoshang serve --demo` on `db` (created with the demo city when empty) with extra
 * environment; resolves when /healthz answers. `stop()` ends it (SIGTERM, then SIGKILL).
 */
async function startOwnServer({ db, port, env, logFile }) {
  const cmd = process.env.ZS_SERVER_BIN ?? path.join(root, 'build/release/zhaoshang')
  if (!fs.existsSync(cmd)) throw new Error(`${cmd} not found: set ZS_SERVER_BIN (these scenarios start their own server)`)
  const dist = path.join(root, 'web/dist')
  const log = fs.openSync(logFile, 'a')
  const child = spawn(
    cmd,
    ['--db', `sqlite:${db}`, 'serve', '--demo', '--static', dist, '--listen', `127.0.0.1:${port}`],
    { stdio: ['ignore', log, log], env: { ...process.env, ZS_LOGIN_RATE_PER_MINUTE: '600', ...env }, cwd: path.dirname(db) },
  )
  let exited = null
  child.once('exit', (code) => (exited = code))
  const base = `http://127.0.0.1:${port}`
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const gone = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    await Promise.race([gone, new Promise((r) => setTimeout(r, 10_000))])
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  }
  const deadline = Date.now() + 30_000
  for (;;) {
    if (exited !== null) throw new Error(`own server exited with ${exited}: ${fs.readFileSync(logFile, 'utf8').slice(-1500)}`)
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) break
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`own server on ${port} not healthy within 30 s`)
    }
    await new Promise((r) => setTimeout(r, 100)) // poll interval, not a timing assumption
  }
  return { base, stop }
}

/** A session of the API from Node (cookie and CSRF token kept), for arranging data fast. */
function apiClient(base, password) {
  let cookie = ''
  let csrf = ''
  const call = async (method, p, body) => {
    const r = await fetch(`${base}/api/v1${p}`, {
      method,
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await r.text()
    return { status: r.status, body: text ? JSON.parse(text) : null }
  }
  return {
    async login(login) {
      const r = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ login, password }),
      })
      if (r.status !== 200) throw new Error(`API login ${login} → HTTP ${r.status}`)
      cookie = r.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ')
      csrf = (await r.json()).csrf_token
    },
    get: (p) => call('GET', p),
    send: call,
  }
}

/** Poll `fn` (every `everyMs`) until it returns something truthy, or fail after `timeoutMs`. */
async function until(what, fn, { timeoutMs = 60_000, everyMs = 250 } = {}) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const v = await fn()
    if (v) return v
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`)
    await new Promise((r) => setTimeout(r, everyMs)) // poll interval, not a timing assumption
  }
}

const nextDay = (d) => new Date(Date.parse(`${d}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10)

/** The n-th working day after `date`, on the server's calendar (GET /calendar per year). */
async function workingDaysAfter(api, date, n) {
  const years = new Map()
  const working = async (d) => {
    const y = Number(d.slice(0, 4))
    if (!years.has(y)) {
      const cal = await api.get(`/calendar?year=${y}`)
      if (cal.status !== 200) throw new Error(`GET /calendar?year=${y} → ${cal.status}`)
      years.set(y, new Map(cal.body.days.map((x) => [x.date, x.working])))
    }
    return years.get(y).get(d) === true
  }
  let d = date
  for (let k = 0; k < n; ) {
    d = nextDay(d)
    if (await working(d)) k++
  }
  return d
}

/** A webhook that answers like WeCom (`{"errcode":0}`) and remembers what it was sent. */
function startMockRobot(port) {
  const received = []
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      received.push({ method: req.method, url: req.url, body })
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end('{"errcode":0,"errmsg":"ok"}')
    })
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve({ received, close: () => new Promise((r) => server.close(() => r())) }))
  })
}

/** @param {Record<string, any>} h the helpers of run.mjs */
export function register(h) {
  const { scenario, newSession, tid, shot, expectText, expectPath, assertNoProblems, logout } = h
  const { fitsWidth, apiGet, apiSend, isApi, settled, base, password, loginAs } = h

  /** Log in on one of this file's own servers (run.mjs's loginAs knows only the suite's). */
  async function loginAt(page, at, login) {
    await page.goto(`${at}/login`)
    await page.locator('input[data-testid="login-input"]').fill(login)
    await page.locator('input[data-testid="password-input"]').fill(password)
    const [res] = await Promise.all([
      page.waitForResponse((r) => isApi(r, 'POST', /\/api\/v1\/auth\/login$/)),
      tid(page, 'login-submit').click(),
    ])
    if (res.status() !== 200) throw new Error(`login ${login} → HTTP ${res.status()}`)
    await page.waitForURL((u) => u.pathname !== '/login')
  }

  /** The language for the next page loads (what LangSwitch keeps). */
  async function setLang(page, locale) {
    await page.evaluate((l) => localStorage.setItem('zs.locale', l), locale)
  }

  /** Screenshots of the page as it is, in Chinese and in English, waiting for `ready` after each reload. */
  async function shotsInBoth(page, name, ready) {
    for (const [locale, tag] of [
      ['zh-CN', 'zh'],
      ['en', 'en'],
    ]) {
      await setLang(page, locale)
      await page.reload()
      await ready()
      await settled(page)
      await shot(page, `${name}-${tag}`)
    }
    await setLang(page, 'zh-CN')
    await page.reload()
    await ready()
  }

  const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'zs-e2e-esc-'))

  scenario(
    '超期上报: a power request goes overdue on a test clock — red on 供电公司’s workbench, in the coordinator’s 超期上报, its steps in the request’s history',
    async () => {
      const dir = tmpDir()
      const db = path.join(dir, 'esc.db')
      const logFile = path.join(dir, 'server.log')
      const ports = new Set()
      const port = await freePort(ports)
      let server = null
      try {
        // 1. Today's server, no scheduler: the park raises a power request on a signed project.
        server = await startOwnServer({ db, port, env: { ZS_SCHEDULER: 'false' }, logFile })
        const receiver = apiClient(server.base, password)
        await receiver.login('receiver')
        const signed = await receiver.get('/projects?stage=signed&page_size=50')
        let project = null
        for (const row of signed.body.items ?? []) {
          const p = await receiver.get(`/projects/${row.id}`)
          if (p.body.capabilities?.edit) {
            project = p.body
            break
          }
        }
        if (!project) throw new Error('receiver has no signed project to raise a factor request on')
        const need = `E2E超期专线${Date.now().toString(36)}`
        const raised = await receiver.send('POST', `/projects/${project.id}/factor-requests`, { type: 'power', need, quantity: 2000 })
        if (raised.status !== 201) throw new Error(`raise → HTTP ${raised.status} ${JSON.stringify(raised.body)}`)
        const request = raised.body
        const coordinator = apiClient(server.base, password)
        await coordinator.login('coordinator')
        const clocks = await coordinator.get('/clocks')
        const delay = clocks.body.items.find((c) => c.kind === 'escalate_coordinator')?.days
        if (!delay) throw new Error(`GET /clocks has no escalate_coordinator: ${JSON.stringify(clocks.body).slice(0, 200)}`)
        // Past the coordinator's delay by a working day: every tier up to the coordinator is due.
        const later = await workingDaysAfter(coordinator, request.answer_deadline, delay + 1)
        await server.stop()

        // 2. The same database on a clock that many working days on, the scheduler looking often.
        server = await startOwnServer({
          db,
          port,
          env: { ZS_SCHEDULER: 'true', ZS_SIMULATED_CLOCK: `${later}T02:00:00Z x1`, ZS_SCHEDULER_TICK_MS: '200' },
          logFile,
        })
        const coord = apiClient(server.base, password)
        await coord.login('coordinator')
        // Which page of the coordinator's list the request is on, once the sweep has raised it.
        const where = await until(
          `GET /escalations to list factor request ${request.id}`,
          async () => {
            for (let page = 1; page <= 50; page++) {
              const r = await coord.get(`/escalations?page=${page}&page_size=10`)
              if (r.status !== 200) throw new Error(`GET /escalations → ${r.status}`)
              const i = r.body.items.findIndex((s) => s.object_type === 'factor_request' && s.object_id === request.id)
              if (i >= 0) return { page, step: r.body.items[i] }
              if (page * 10 >= r.body.total) return null
            }
            return null
          },
          { timeoutMs: 60_000, everyMs: 300 },
        )
        if (where.step.tier !== 'coordinator') throw new Error(`the coordinator sees tier ${where.step.tier}`)

        // 3a. 供电公司: the request is red (已超期) among its to-dos.
        const s = await newSession()
        await s.page.setViewportSize({ width: 1440, height: 900 })
        await loginAt(s.page, server.base, 'gdcollab')
        await expectPath(s.page, '/workbench')
        const todo = s.page
          .locator('[data-testid="todo-item"][data-kind="factor_request"]')
          .filter({ has: s.page.locator(`a[href="/factor-requests/${request.id}"]`) })
        await todo.waitFor()
        const tag = todo.locator('[data-testid="clock-tag"]')
        if ((await tag.getAttribute('data-clock')) !== 'overdue' || (await tag.textContent())?.trim() !== '已超期')
          throw new Error(`gdcollab's to-do reads "${await tag.textContent()}"`)
        const color = await tag.evaluate((e) => getComputedStyle(e).color)
        const [r, g, b] = (color.match(/\d+/g) ?? []).map(Number)
        if (!(r > 180 && g < 120 && b < 120)) throw new Error(`the overdue tag is not red: ${color}`)
        await todo.scrollIntoViewIfNeeded()
        await settled(s.page)
        await shot(s.page, 'er-01-gdcollab-overdue')
        await logout(s.page)
        await expectPath(s.page, '/login')

        // 3b. The coordinator's 超期上报 lists it at the coordinator tier (paging to it), and opens it.
        await loginAt(s.page, server.base, 'coordinator')
        await expectPath(s.page, '/workbench')
        const block = tid(s.page, 'workbench-escalations')
        await block.waitFor()
        await expectText(s.page, '[data-testid="workbench-escalations"]', '超期上报')
        await shot(s.page, 'er-02-coordinator-escalations-p1')
        for (let p = 1; p < where.page; p++) {
          await Promise.all([
            s.page.waitForResponse((x) => isApi(x, 'GET', /\/api\/v1\/escalations$/) && new URL(x.url()).searchParams.get('page') === String(p + 1)),
            block.locator('.btn-next').click(),
          ])
        }
        const itemSel = `[data-testid="escalation-item"][data-kind="factor_request"][data-id="${request.id}"]`
        const item = s.page.locator(itemSel)
        await item.waitFor()
        if ((await item.getAttribute('data-tier')) !== 'coordinator') throw new Error('the item is not at the coordinator tier')
        await expectText(s.page, `${itemSel} [data-testid="escalation-tier"]`, '统筹部门')
        await expectText(s.page, itemSel, `期限 ${request.answer_deadline}`)
        await expectText(s.page, itemSel, '要素需求')
        await item.scrollIntoViewIfNeeded()
        await settled(s.page)
        await shot(s.page, 'er-03-coordinator-escalations-item')
        await item.locator('a').click()
        await expectPath(s.page, `/factor-requests/${request.id}`)
        await expectText(s.page, '[data-testid="factor-need-text"]', need)
        // The request's history: each tier it rose through, worded, no actor.
        const escalated = s.page.locator('[data-testid="factor-event"][data-kind="escalated"]')
        await escalated.first().waitFor()
        await expectText(s.page, '[data-testid="factor-timeline"]', '已超期，提醒本人/责任单位')
        await expectText(s.page, '[data-testid="factor-timeline"]', '已超期，上报至单位负责人')
        await expectText(s.page, '[data-testid="factor-timeline"]', '已超期，上报至统筹部门')
        if ((await escalated.count()) !== 3) throw new Error(`${await escalated.count()} escalation steps in the history, expected 3`)
        await expectText(s.page, '[data-testid="page-factor-request"] [data-testid="clock-tag"]', '已超期')
        await shotsInBoth(s.page, 'er-04-factor-request-escalated-1440', () => escalated.first().waitFor())

        // A project's own escalation in its 动态 (the sweep raised the demo city's overdue projects too).
        const all = await coord.get('/escalations?page_size=200')
        const onProject = all.body.items.find((x) => x.object_type === 'project' || x.object_type === 'routing')
        if (onProject) {
          await s.page.goto(`${server.base}/projects/${onProject.project_id}`)
          await s.page.locator('#tab-timeline').click()
          await expectText(s.page, '[data-testid="timeline-escalated"]', '上报至统筹部门')
          await tid(s.page, 'timeline-escalated').first().scrollIntoViewIfNeeded()
          await shotsInBoth(s.page, 'er-05-project-timeline-escalated-1440', async () => {
            await s.page.locator('#tab-timeline').click()
            await tid(s.page, 'timeline-escalated').first().scrollIntoViewIfNeeded()
          })
        }

        // 390 px: the block is cards that fit; the request page too. Both languages.
        await s.page.setViewportSize({ width: 390, height: 844 })
        await s.page.goto(`${server.base}/workbench`)
        await block.waitFor()
        await fitsWidth(s.page, block, '超期上报 at 390 px')
        await shotsInBoth(s.page, 'er-06-coordinator-escalations-390', async () => {
          await block.waitFor()
          await block.scrollIntoViewIfNeeded()
        })
        await s.page.setViewportSize({ width: 1440, height: 900 })
        await shotsInBoth(s.page, 'er-06b-coordinator-escalations-1440', async () => {
          await block.waitFor()
          await block.scrollIntoViewIfNeeded()
        })
        await s.page.setViewportSize({ width: 390, height: 844 })
        await s.page.goto(`${server.base}/factor-requests/${request.id}`)
        await escalated.first().waitFor()
        await fitsWidth(s.page, tid(s.page, 'factor-timeline'), 'the request’s history at 390 px')
        await shotsInBoth(s.page, 'er-07-factor-request-escalated-390', async () => {
          await escalated.first().waitFor()
          await escalated.first().scrollIntoViewIfNeeded()
        })
        if (onProject) {
          await s.page.goto(`${server.base}/projects/${onProject.project_id}`)
          await s.page.locator('#tab-timeline').click()
          await tid(s.page, 'timeline-escalated').first().waitFor()
          await fitsWidth(s.page, tid(s.page, 'project-timeline'), 'the project’s 动态 at 390 px')
          await shotsInBoth(s.page, 'er-08-project-timeline-escalated-390', async () => {
            await s.page.locator('#tab-timeline').click()
            await tid(s.page, 'timeline-escalated').first().scrollIntoViewIfNeeded()
          })
        }
        assertNoProblems(s.problems)
      } finally {
        await server?.stop()
        fs.rmSync(dir, { recursive: true, force: true })
      }
    },
  )

  scenario(
    '群机器人: sysadmin adds a WeCom robot for 供电公司 (a bad URL is refused in Chinese), sends a test message and sees it 已送达; fits 390 px',
    async () => {
      const dir = tmpDir()
      const ports = new Set()
      const robotPort = await freePort(ports)
      const port = await freePort(ports)
      const mock = await startMockRobot(robotPort)
      let server = null
      try {
        // The scheduler's clock runs 60× (a minute a second): the deliver job runs every second.
        const start = new Date().toISOString().slice(0, 19) + 'Z'
        server = await startOwnServer({
          db: path.join(dir, 'robots.db'),
          port,
          env: { ZS_SCHEDULER: 'true', ZS_SIMULATED_CLOCK: `${start} x60`, ZS_SCHEDULER_TICK_MS: '200' },
          logFile: path.join(dir, 'server.log'),
        })
        const s = await newSession()
        await s.page.setViewportSize({ width: 1440, height: 900 })
        await loginAt(s.page, server.base, 'sysadmin')
        await s.page.locator('[data-testid="menu-/robots"]').click()
        await expectPath(s.page, '/robots')
        await tid(s.page, 'robot-table').waitFor()

        await tid(s.page, 'robot-add').click()
        const dialog = s.page.locator('[data-testid="robot-dialog"]')
        await dialog.waitFor()
        // The unit: type into the tree select's filter and pick 国网安庆供电公司.
        await dialog.locator('[data-testid="robot-unit"] .el-select__wrapper').click()
        await dialog.locator('[data-testid="robot-unit"] input').fill('供电')
        await s.page.locator('.el-select-dropdown:visible .el-tree-node__content').filter({ hasText: '国网安庆供电公司' }).first().click()
        await dialog.locator('input[data-testid="robot-name-input"]').fill('E2E供电公司群')
        await dialog.locator('input[data-testid="robot-url-input"]').fill('ftp://x')
        await dialog.locator('[data-testid="robot-save"]').click()
        await expectText(s.page, '[data-testid="robot-url"] .el-form-item__error', '请填写以 http:// 或 https:// 开头的完整地址')
        await settled(s.page)
        await shot(s.page, 'er-10-robot-bad-url-1440-zh')
        // The server says the same of it (what the field shows when it is the server that refuses).
        const refused = await apiSend(s.page, 'POST', '/robots', { unit_id: 1, kind: 'wecom', url: 'ftp://x' })
        if (refused.status !== 400 || refused.body.error?.fields?.url !== 'invalid_url')
          throw new Error(`POST /robots ftp://x → ${refused.status} ${JSON.stringify(refused.body)}`)

        const token = `e2e-${Date.now().toString(36)}`
        await dialog.locator('input[data-testid="robot-url-input"]').fill(`http://127.0.0.1:${robotPort}/cgi-bin/webhook/send?key=${token}`)
        // The message goes as soon as the address is right.
        await s.page.waitForFunction(() => !document.querySelector('[data-testid="robot-url"] .el-form-item__error'))
        const [created] = await Promise.all([
          s.page.waitForResponse((r) => isApi(r, 'POST', /\/api\/v1\/robots$/)),
          dialog.locator('[data-testid="robot-save"]').click(),
        ])
        if (created.status() !== 201) throw new Error(`POST /robots → HTTP ${created.status()} ${await created.text()}`)
        const robot = await created.json()
        const row = s.page.locator('[data-testid="robot-table"] .el-table__row').filter({ hasText: 'E2E供电公司群' })
        await row.waitFor()
        await expectText(s.page, '[data-testid="robot-table"]', '国网安庆供电公司')
        await expectText(s.page, '[data-testid="robot-table"]', '企业微信')
        await expectText(s.page, '[data-testid="robot-table"]', `http://127.0.0.1:${robotPort}/cgi-bin/webhook/send`)
        if ((await tid(s.page, 'page-robots').textContent())?.includes(token)) throw new Error('the robot’s token is shown')
        await settled(s.page)
        await shot(s.page, 'er-11-robots-list-1440-zh')

        const [queued] = await Promise.all([
          s.page.waitForResponse((r) => isApi(r, 'POST', new RegExp(`/api/v1/robots/${robot.id}/test$`))),
          row.locator('[data-testid="robot-test"]').click(),
        ])
        if (queued.status() !== 202) throw new Error(`POST /robots/${robot.id}/test → HTTP ${queued.status()}`)
        await expectText(s.page, '.el-message', '测试消息已排队')

        // The delivery log of that robot: refresh until the deliver job has run.
        await row.locator('[data-testid="robot-log"]').click()
        await s.page.waitForURL((u) => u.searchParams.get('tab') === 'deliveries' && u.searchParams.get('robot') === String(robot.id))
        await tid(s.page, 'delivery-table').waitFor()
        const delivered = s.page.locator('[data-testid="delivery-table"] [data-testid="delivery-row"][data-status="delivered"]')
        await until(
          'the test message to show 已送达',
          async () => {
            await Promise.all([
              s.page.waitForResponse((r) => isApi(r, 'GET', /\/api\/v1\/robots\/deliveries$/)),
              tid(s.page, 'delivery-refresh').click(),
            ])
            return (await delivered.count()) > 0
          },
          { timeoutMs: 90_000, everyMs: 500 },
        )
        await expectText(s.page, '[data-testid="delivery-table"] [data-testid="delivery-status"]', '已送达')
        await expectText(s.page, '[data-testid="delivery-table"]', '测试消息')
        const hit = mock.received.find((m) => m.url.includes(token))
        if (!hit || JSON.parse(hit.body).msgtype !== 'markdown') throw new Error(`the mock robot got ${JSON.stringify(mock.received).slice(0, 300)}`)
        await shotsInBoth(s.page, 'er-12-deliveries-1440', () => delivered.first().waitFor())

        // Edit: the URL and secret start empty and are kept; the dialog at 1440 in English too.
        await s.page.goto(`${server.base}/robots`)
        await row.locator('[data-testid="robot-edit"]').click()
        await dialog.waitFor()
        await expectText(s.page, '[data-testid="robot-url"]', `http://127.0.0.1:${robotPort}/cgi-bin/webhook/send`)
        if ((await dialog.locator('input[data-testid="robot-url-input"]').inputValue()) !== '') throw new Error('the saved URL is put back in the field')
        await settled(s.page)
        await shot(s.page, 'er-13-robot-edit-1440-zh')
        await s.page.keyboard.press('Escape')

        // A phone: the robot and the log as cards, nothing wider than the screen, both languages.
        await s.page.setViewportSize({ width: 390, height: 844 })
        await s.page.goto(`${server.base}/robots`)
        const card = s.page.locator(`[data-testid="robot-cards"] [data-testid="robot-row"][data-id="${robot.id}"]`)
        await card.waitFor()
        await fitsWidth(s.page, card, 'robot card at 390 px')
        await shotsInBoth(s.page, 'er-14-robots-390', () => card.waitFor())
        await card.locator('[data-testid="robot-edit"]').click()
        await dialog.waitFor()
        await fitsWidth(s.page, dialog, 'robot dialog at 390 px')
        await settled(s.page)
        await shot(s.page, 'er-15-robot-edit-390-zh')
        await s.page.keyboard.press('Escape')
        await s.page.goto(`${server.base}/robots?tab=deliveries`)
        const dcard = s.page.locator('[data-testid="delivery-cards"] [data-testid="delivery-row"][data-status="delivered"]').first()
        await dcard.waitFor()
        await fitsWidth(s.page, dcard, 'delivery card at 390 px')
        await shotsInBoth(s.page, 'er-16-deliveries-390', () => dcard.waitFor())
        await s.page.setViewportSize({ width: 1440, height: 900 })
        await s.page.goto(`${server.base}/robots`)
        await row.waitFor()
        await shotsInBoth(s.page, 'er-17-robots-1440', () => row.waitFor())
        assertNoProblems(s.problems)
      } finally {
        await server?.stop()
        await mock.close()
        fs.rmSync(dir, { recursive: true, force: true })
      }
    },
  )

  scenario('通知设置: a promoter turns 每日待办摘要 off on 个人中心 and it stays off after a reload; fits 390 px', async () => {
    const s = await newSession()
    await s.page.setViewportSize({ width: 1440, height: 900 })
    await loginAs(s.page, 'yxpromoter')
    try {
      await s.page.goto(`${base()}/account`)
      const digest = tid(s.page, 'notify-pref-digest')
      await digest.waitFor()
      if (!(await digest.getAttribute('class'))?.includes('is-checked')) throw new Error('每日待办摘要 is not on to begin with')
      await expectText(s.page, '[data-testid="notify-prefs"]', '每日待办摘要')
      await expectText(s.page, '[data-testid="notify-prefs"]', '超期上报')
      await digest.click()
      await tid(s.page, 'notify-prefs-dirty').waitFor()
      const [put] = await Promise.all([
        s.page.waitForResponse((r) => isApi(r, 'PUT', /\/api\/v1\/notifications\/preferences$/)),
        tid(s.page, 'notify-prefs-save').click(),
      ])
      if (put.status() !== 200) throw new Error(`PUT preferences → HTTP ${put.status()}`)
      if (JSON.stringify(JSON.parse(put.request().postData() ?? '{}')) !== '{"kinds":{"digest":false}}')
        throw new Error(`PUT sent ${put.request().postData()}`)
      await expectText(s.page, '.el-message', '通知设置已保存')
      await s.page.reload()
      await digest.waitFor()
      if ((await digest.getAttribute('class'))?.includes('is-checked')) throw new Error('每日待办摘要 is on again after a reload')
      await tid(s.page, 'notify-prefs').scrollIntoViewIfNeeded()
      await shotsInBoth(s.page, 'er-20-notify-prefs-1440', () => digest.waitFor())
      await s.page.setViewportSize({ width: 390, height: 844 })
      await s.page.reload()
      await digest.waitFor()
      await fitsWidth(s.page, tid(s.page, 'notify-prefs'), '通知设置 at 390 px')
      await shotsInBoth(s.page, 'er-21-notify-prefs-390', async () => {
        await digest.waitFor()
        await tid(s.page, 'notify-prefs').scrollIntoViewIfNeeded()
      })
    } finally {
      // Other scenarios may count on the digest.
      await apiSend(s.page, 'PUT', '/notifications/preferences', { kinds: { digest: true } }).catch(() => undefined)
    }
    assertNoProblems(s.problems)
  })

  scenario('办理时限: the escalation delays stand apart under 超期上报 on the settings page; fits 390 px', async () => {
    const s = await newSession()
    await s.page.setViewportSize({ width: 1440, height: 900 })
    await loginAs(s.page, 'coordinator')
    const clocks = await apiGet(s.page, '/clocks')
    const kinds = clocks.body.items.map((c) => c.kind)
    for (const k of ['escalate_unit_head', 'escalate_coordinator', 'escalate_leader'])
      if (!kinds.includes(k)) throw new Error(`GET /clocks lacks ${k}`)
    await s.page.goto(`${base()}/pipeline/settings`)
    const group = tid(s.page, 'clock-group-escalation')
    await group.waitFor()
    await expectText(s.page, '[data-testid="clock-group-escalation"]', '超期上报')
    const order = await s.page
      .locator('[data-testid="clock-form"] [data-testid^="clock-"]')
      .evaluateAll((es) => es.map((e) => e.getAttribute('data-testid')))
    const at = order.indexOf('clock-group-escalation')
    for (const k of ['escalate_unit_head', 'escalate_coordinator', 'escalate_leader'])
      if (order.indexOf(`clock-${k}`) < at) throw new Error(`${k} is not under 超期上报: ${order.join(',')}`)
    await expectText(s.page, '[data-testid="clock-escalate_unit_head"]', '上报单位负责人')
    await group.scrollIntoViewIfNeeded()
    await shotsInBoth(s.page, 'er-30-clock-settings-1440', async () => {
      await group.waitFor()
      await group.scrollIntoViewIfNeeded()
    })
    await s.page.setViewportSize({ width: 390, height: 844 })
    await s.page.reload()
    await group.waitFor()
    await fitsWidth(s.page, tid(s.page, 'clock-durations'), '办理时限 at 390 px')
    await shotsInBoth(s.page, 'er-31-clock-settings-390', async () => {
      await group.waitFor()
      await group.scrollIntoViewIfNeeded()
    })
    assertNoProblems(s.problems)
  })
}
