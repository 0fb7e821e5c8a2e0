// Browser scenarios of the working calendar, the clocks and the factor guarantees (要素保障).
// run.mjs hands its helpers to `register`; the scenarios run in its order, against the real server.

/** @param {Record<string, any>} h the helpers of run.mjs */
export function register(h) {
  const { scenario, newSession, phoneSession, loginAs, logout, logoutOnPhone, tid, shot, expectText, expectPath, assertNoProblems } = h
  const { fitsWidth, confirmBox, apiGet, apiSend, isApi, settled, base } = h

  /** The first Saturday of the year's last month that is a plain day off: far from the deadlines other scenarios count. */
  function plainSaturday(days) {
    const saturdays = days.filter((d) => new Date(`${d.date}T00:00:00Z`).getUTCDay() === 6 && !d.working && !d.marked)
    const late = saturdays.filter((d) => d.date.slice(5, 7) === '12')
    const day = late[0] ?? saturdays[saturdays.length - 1]
    if (!day) throw new Error('no plain Saturday in the calendar')
    return day.date
  }

  /** Choose the option of the Element Plus select inside `scope` whose text contains `text`. */
  async function pickContaining(page, scope, text) {
    await scope.locator('.el-select__wrapper').first().click()
    await page.locator('.el-select-dropdown__item:visible').filter({ hasText: text }).first().click()
  }

  scenario(
    'calendar: the coordinator makes a Saturday a make-up working day (班), it survives a reload; months stack at 390 px; a bad import names its lines',
    async () => {
      const s = await newSession()
      await s.page.setViewportSize({ width: 1440, height: 900 })
      await loginAs(s.page, 'coordinator')
      const cal = await apiGet(s.page, '/calendar')
      if (cal.status !== 200 || !cal.body.capabilities.edit)
        throw new Error(`GET /calendar → ${cal.status}, edit ${cal.body?.capabilities?.edit}`)
      const date = plainSaturday(cal.body.days)
      const cell = tid(s.page, `calendar-day-${date}`)
      try {
        await s.page.locator('[data-testid="menu-/calendar"]').click()
        await expectPath(s.page, '/calendar')
        await cell.waitFor()
        if ((await cell.getAttribute('data-kind')) !== 'rest') throw new Error(`${date} is not shown as a day off`)
        // The official holidays are there from the start: 国庆节 off (休), its make-up Saturday worked (班).
        await expectText(s.page, '[data-testid="calendar-months"] [data-kind="holiday"]', '休')
        await expectText(s.page, '[data-testid="calendar-months"] [data-kind="makeup"]', '班')

        await cell.click()
        const dialog = s.page.locator('.el-dialog:visible').filter({ has: tid(s.page, 'calendar-day-working') })
        await dialog.waitFor()
        await expectText(s.page, '[data-testid="calendar-day-dialog"]', '星期六')
        await dialog.locator('[data-testid="calendar-day-work"]').click()
        await dialog.locator('input[data-testid="calendar-day-name"]').fill('E2E调休上班')
        await shot(s.page, 'cf-01-calendar-day-dialog')
        const [put] = await Promise.all([
          s.page.waitForResponse((r) => isApi(r, 'PUT', new RegExp(`/api/v1/calendar/days/${date}$`))),
          dialog.locator('[data-testid="calendar-day-save"]').click(),
        ])
        if (put.status() !== 200) throw new Error(`PUT /calendar/days/${date} → HTTP ${put.status()}`)
        await s.page.waitForFunction(
          (sel) => document.querySelector(sel)?.getAttribute('data-kind') === 'makeup',
          `[data-testid="calendar-day-${date}"]`,
        )
        await expectText(s.page, `[data-testid="calendar-day-${date}"] [data-testid="calendar-badge"]`, '班')

        await s.page.reload()
        await cell.waitFor()
        await expectText(s.page, `[data-testid="calendar-day-${date}"] [data-testid="calendar-badge"]`, '班')
        if ((await cell.getAttribute('title'))?.includes('E2E调休上班') !== true) throw new Error(`the day's name is not on ${date}`)
        await settled(s.page)
        await shot(s.page, 'cf-02-calendar-marked')

        // A file with a bad date and a bad kind: nothing is imported, the lines are named in Chinese.
        const csv = 'date,kind,name\n2027-01-01,放假,元旦\n2027-02-30,班,春节调休\n2027-02-07,加班,x\n'
        await s.page
          .locator('[data-testid="calendar-file"]')
          .setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
        const [imp] = await Promise.all([
          s.page.waitForResponse((r) => isApi(r, 'POST', /\/api\/v1\/calendar\/import$/)),
          confirmBox(s.page),
        ])
        if (imp.status() !== 400) throw new Error(`a bad import → HTTP ${imp.status()}`)
        await expectText(s.page, '[data-testid="calendar-import-errors"]', '第 3 行：日期无效')
        await expectText(s.page, '[data-testid="calendar-import-errors"]', '第 4 行：类型无效')
        await shot(s.page, 'cf-03-calendar-import-errors')

        // A phone: one month under the other, nothing wider than the screen; a tap names the day.
        await s.page.setViewportSize({ width: 390, height: 844 })
        const jan = await tid(s.page, 'calendar-month-1').boundingBox()
        const feb = await tid(s.page, 'calendar-month-2').boundingBox()
        if (!jan || !feb || Math.abs(jan.x - feb.x) > 1 || feb.y <= jan.y + jan.height - 1)
          throw new Error(`months do not stack at 390 px: ${JSON.stringify({ jan, feb })}`)
        await fitsWidth(s.page, tid(s.page, 'calendar-month-1'), 'calendar at 390 px')
        await cell.scrollIntoViewIfNeeded()
        await shot(s.page, 'cf-04-calendar-phone')
      } finally {
        // Give the day back to the weekday rule (it loses its mark): other scenarios count working days.
        await apiSend(s.page, 'PUT', `/calendar/days/${date}`, { working: false, name: '' }).catch(() => undefined)
      }
      assertNoProblems(s.problems)
    },
  )

  scenario(
    '要素保障: a park raises a power request on a signed project, 供电公司 accepts and resolves it on a phone, the park sees 已办结',
    async () => {
      const stamp = Date.now().toString(36)
      const need = `E2E新建10kV专线${stamp}`
      const s = await newSession()
      await s.page.setViewportSize({ width: 1440, height: 900 })
      await loginAs(s.page, 'receiver')
      // A signed project the park may edit (the server's capabilities say so).
      const signed = await apiGet(s.page, '/projects?stage=signed&page_size=50')
      let project = null
      for (const row of signed.body.items ?? []) {
        const p = await apiGet(s.page, `/projects/${row.id}`)
        if (p.body.capabilities?.edit) {
          project = p.body
          break
        }
      }
      if (!project) throw new Error('receiver has no signed project to raise a factor request on')

      await s.page.goto(`${base()}/projects/${project.id}`)
      await expectText(s.page, '[data-testid="project-name"]', project.name)
      await s.page.locator('#tab-factors').click()
      await tid(s.page, 'factor-raise').click()
      const dialog = s.page.locator('[data-testid="factor-raise-dialog"]')
      await dialog.waitFor()
      await pickContaining(s.page, dialog.locator('[data-testid="factor-type"]'), '用电')
      // The department follows the type; the quantity asks in kVA.
      await expectText(s.page, '[data-testid="factor-raise-dialog"] [data-testid="factor-department"]', '国网安庆供电公司')
      await expectText(s.page, '[data-testid="factor-raise-dialog"] [data-testid="factor-quantity"]', 'kVA')
      await dialog.locator('[data-testid="factor-quantity"] input').fill('2000')
      await dialog.locator('textarea[data-testid="factor-need"]').fill(need)
      await settled(s.page)
      await shot(s.page, 'cf-10-factor-raise')
      const [raised] = await Promise.all([
        s.page.waitForResponse((r) => isApi(r, 'POST', new RegExp(`/api/v1/projects/${project.id}/factor-requests$`))),
        dialog.locator('[data-testid="factor-raise-submit"]').click(),
      ])
      if (raised.status() !== 201) throw new Error(`raise → HTTP ${raised.status()} ${await raised.text()}`)
      const request = await raised.json()
      if (request.quantity !== 2000 || request.department_name !== '国网安庆供电公司')
        throw new Error(`raised ${JSON.stringify({ q: request.quantity, d: request.department_name })}`)
      const row = s.page.locator('[data-testid="factor-table"] .el-table__row').filter({ hasText: need })
      await row.waitFor()
      await row.locator('[data-testid="factor-status"]').filter({ hasText: '待受理' }).waitFor()
      await row.locator('[data-testid="clock-tag"]').filter({ hasText: '正常' }).waitFor()
      await shot(s.page, 'cf-11-factor-raised')
      await logout(s.page)

      // 供电公司 on a phone: the queue as cards, accept, then resolve.
      const p = await phoneSession()
      await loginAs(p.page, 'gdcollab')
      await p.page.goto(`${base()}/factor-requests`)
      const card = p.page.locator(`[data-testid="factor-cards"] [data-testid="factor-row"][data-id="${request.id}"]`)
      await card.waitFor()
      await fitsWidth(p.page, card, 'factor queue at 390 px')
      await shot(p.page, 'cf-12-factor-queue-phone')
      await card.click()
      await expectPath(p.page, `/factor-requests/${request.id}`)
      await expectText(p.page, '[data-testid="factor-need-text"]', need)
      await tid(p.page, 'factor-action-accept').click()
      const [accepted] = await Promise.all([
        p.page.waitForResponse((r) => isApi(r, 'POST', new RegExp(`/api/v1/factor-requests/${request.id}/accept$`))),
        confirmBox(p.page),
      ])
      if (accepted.status() !== 200) throw new Error(`accept → HTTP ${accepted.status()}`)
      await expectText(p.page, '[data-testid="page-factor-request"] [data-testid="factor-status"]', '办理中')
      await tid(p.page, 'factor-action-resolve').waitFor()
      if (await tid(p.page, 'factor-action-accept').count()) throw new Error('受理 is still offered after accepting')
      await tid(p.page, 'factor-action-resolve').click()
      const step = p.page.locator('[data-testid="factor-action-dialog"]')
      await step.locator('textarea[data-testid="factor-action-outcome"]').fill('已完成接入方案批复，专线下月送电')
      const [resolved] = await Promise.all([
        p.page.waitForResponse((r) => isApi(r, 'POST', new RegExp(`/api/v1/factor-requests/${request.id}/resolve$`))),
        step.locator('[data-testid="factor-action-submit"]').click(),
      ])
      if (resolved.status() !== 200) throw new Error(`resolve → HTTP ${resolved.status()}`)
      await expectText(p.page, '[data-testid="page-factor-request"] [data-testid="factor-status"]', '已办结')
      await expectText(p.page, '[data-testid="factor-timeline"]', '办结')
      await expectText(p.page, '[data-testid="factor-actions"]', '当前没有您可以办理的操作')
      await fitsWidth(p.page, tid(p.page, 'factor-actions'), 'factor request at 390 px')
      await shot(p.page, 'cf-13-factor-resolved-phone')
      await logoutOnPhone(p.page)
      assertNoProblems(p.problems)

      // The park sees it done on its project.
      await loginAs(s.page, 'receiver')
      await s.page.goto(`${base()}/projects/${project.id}`)
      await s.page.locator('#tab-factors').click()
      await row.waitFor()
      await row.locator('[data-testid="factor-status"]').filter({ hasText: '已办结' }).waitFor()
      if (await row.locator('[data-testid="clock-tag"]').count()) throw new Error('a resolved request still shows a running clock')
      await shot(s.page, 'cf-14-factor-done-receiver')
      assertNoProblems(s.problems)
    },
  )

  scenario('workbench: the coordinator’s 我的待办 shows an overdue factor request in red and opens it; fits 390 px', async () => {
    const s = await newSession()
    await s.page.setViewportSize({ width: 1440, height: 900 })
    await loginAs(s.page, 'coordinator')
    await tid(s.page, 'workbench-todos').waitFor()
    const overdue = s.page.locator('[data-testid="todo-item"][data-kind="factor_request"]').filter({
      has: s.page.locator('[data-testid="clock-tag"][data-clock="overdue"]'),
    })
    await overdue.first().waitFor()
    const tag = overdue.first().locator('[data-testid="clock-tag"]')
    if ((await tag.textContent())?.trim() !== '已超期') throw new Error(`the tag reads "${await tag.textContent()}"`)
    const color = await tag.evaluate((e) => getComputedStyle(e).color)
    const [r, g, b] = (color.match(/\d+/g) ?? []).map(Number)
    if (!(r > 180 && g < 120 && b < 120)) throw new Error(`the overdue tag is not red: ${color}`)
    // Overdue projects are there too, counted.
    await expectText(s.page, '[data-testid="todo-count-project"]', '项目期限')
    await s.page.locator('[data-testid="todo-item"][data-kind="project"] [data-clock="overdue"]').first().waitFor()
    await shot(s.page, 'cf-20-workbench-todos')

    await s.page.setViewportSize({ width: 390, height: 844 })
    await fitsWidth(s.page, tid(s.page, 'workbench-todos'), 'to-dos at 390 px')
    await tid(s.page, 'todo-count-factor_request').click()
    await shot(s.page, 'cf-21-workbench-todos-phone')
    await overdue.first().locator('a').click()
    await tid(s.page, 'page-factor-request').waitFor()
    await expectText(s.page, '[data-testid="page-factor-request"] [data-testid="clock-tag"]', '已超期')
    assertNoProblems(s.problems)
  })

  scenario('ledger: the clock filter narrows the rows to 已超期, then to 正常, and stays in the URL', async () => {
    const s = await newSession()
    await s.page.setViewportSize({ width: 1440, height: 900 })
    await loginAs(s.page, 'coordinator')
    const [all] = await Promise.all([
      s.page.waitForResponse((r) => isApi(r, 'GET', /\/api\/v1\/projects$/)),
      s.page.goto(`${base()}/projects`),
    ])
    const allTotal = (await all.json()).total
    for (const [state, word] of [
      ['overdue', '已超期'],
      ['on_time', '正常'],
    ]) {
      await pickContaining(s.page, tid(s.page, 'ledger-clock'), word)
      const [res] = await Promise.all([
        s.page.waitForResponse((r) => isApi(r, 'GET', /\/api\/v1\/projects$/) && new URL(r.url()).searchParams.get('clock') === state),
        tid(s.page, 'ledger-search').click(),
      ])
      const body = await res.json()
      if (!(body.total > 0 && body.total < allTotal)) throw new Error(`clock=${state}: ${body.total} of ${allTotal} rows`)
      if (body.items.some((p) => p.clock !== state)) throw new Error(`clock=${state} answered other states`)
      await s.page.waitForURL((u) => u.searchParams.get('clock') === state)
      await expectText(s.page, '[data-testid="ledger-pager"]', String(body.total))
      const tags = s.page.locator('[data-testid="ledger-table"] .el-table__body [data-testid="clock-tag"]')
      await tags.first().waitFor()
      const states = await tags.evaluateAll((es) => es.map((e) => e.getAttribute('data-clock')))
      if (!states.length || states.some((x) => x !== state))
        throw new Error(`rows show ${[...new Set(states)].join(',')} under clock=${state}`)
      await shot(s.page, `cf-30-ledger-clock-${state}`)
    }
    assertNoProblems(s.problems)
  })
}
