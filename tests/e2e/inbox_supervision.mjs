// Browser scenarios of the inbox (站内通知) and supervision (督办). run.mjs hands its helpers to
// `register`; each scenario makes what it needs (titles stamped per run), so it runs on any fresh
// demo database and again on the same one.

/** @param {Record<string, any>} h the helpers of run.mjs */
export function register(h) {
  const { scenario, newSession, phoneSession, loginAs, logout, logoutOnPhone, tid, shot, expectText, expectPath, assertNoProblems } = h
  const { fitsWidth, apiGet, apiSend, isApi, settled, base } = h

  const PARK = '安庆经济技术开发区' // receiver 李娜's park

  /** A project the park answers for (its responsible unit), in a stage where work goes on. */
  async function parkProject(page) {
    const res = await apiGet(page, '/projects?stage=construction,signed,negotiating&page_size=100')
    const p = (res.body.items ?? []).find((x) => x.responsible_unit_name === PARK)
    if (!p) throw new Error(`no project of ${PARK} in construction, signed or negotiating`)
    return p
  }

  /** The number on the header's bell (0 when it shows none). */
  async function badge(page) {
    const bell = tid(page, 'inbox-bell')
    await bell.waitFor()
    return Number(await bell.getAttribute('data-unread'))
  }
  /** Wait until the bell shows `n` (the badge itself gone at 0). */
  async function expectBadge(page, n) {
    try {
      await page.waitForFunction((want) => {
        const bell = document.querySelector('[data-testid="inbox-bell"]')
        const num = document.querySelector('[data-testid="inbox-badge"]')
        if (!bell || bell.getAttribute('data-unread') !== String(want)) return false
        return want === 0 ? !num : num?.textContent?.trim() === (want > 99 ? '99+' : String(want))
      }, n)
    } catch {
      throw new Error(`the bell shows ${await badge(page)}, expected ${n}`)
    }
  }

  /** One step on the item page through its dialog; resolves with the answer's JSON. */
  async function step(page, id, action, note) {
    await tid(page, `supervision-action-${action}`).click()
    const dialog = page.locator('[data-testid="supervision-action-dialog"]')
    await dialog.waitFor()
    if (note !== undefined) await dialog.locator('textarea[data-testid="supervision-action-note"]').fill(note)
    const [res] = await Promise.all([
      page.waitForResponse((r) => isApi(r, 'POST', new RegExp(`/api/v1/supervision/${id}/${action}$`))),
      dialog.locator('[data-testid="supervision-action-submit"]').click(),
    ])
    if (res.status() !== 200) throw new Error(`${action} → HTTP ${res.status()} ${await res.text()}`)
    await dialog.waitFor({ state: 'hidden' })
    return res.json()
  }

  scenario(
    '督办: the coordinator supervises a project from its page, the park replies, the coordinator closes and reopens it; the 督办单 prints the instruction and the reply',
    async () => {
      const stamp = Date.now().toString(36)
      const title = `E2E督办${stamp}`
      const instruction = `请于本周内报送项目开工准备情况（${stamp}）`
      const leader = '请抓紧推进，确保年内开工。'
      const reply = `已完成施工图审查，计划下周进场（${stamp}）`
      const again = '请补充施工许可办理时间表'

      const s = await newSession()
      await s.page.setViewportSize({ width: 1440, height: 900 })
      await loginAs(s.page, 'coordinator')
      const project = await parkProject(s.page)
      await s.page.goto(`${base()}/projects/${project.id}`)
      await expectText(s.page, '[data-testid="project-name"]', project.name)
      await tid(s.page, 'supervision-issue-open').click()
      const dialog = s.page.locator('[data-testid="supervision-issue-dialog"]')
      await dialog.waitFor()
      await expectText(s.page, '[data-testid="supervision-issue-subject"]', project.name)
      // Nothing typed: the form says what is missing and sends nothing; typing clears the message.
      await dialog.locator('[data-testid="supervision-issue-submit"]').click()
      await dialog.locator('.el-form-item__error').filter({ hasText: '请填写此项' }).first().waitFor()
      await dialog.locator('input[data-testid="supervision-issue-title"]').fill(title)
      await dialog.locator('textarea[data-testid="supervision-issue-instruction"]').fill(instruction)
      await dialog.locator('textarea[data-testid="supervision-issue-leader"]').fill(leader)
      await s.page.waitForFunction(() => !document.querySelector('[data-testid="supervision-issue-dialog"] .el-form-item__error'))
      await dialog.locator('[data-testid="supervision-priority-urgent"]').click()
      await expectText(s.page, '[data-testid="supervision-issue-deadline-hint"]', '工作日')
      await settled(s.page)
      await shot(s.page, 'is-01-issue-dialog')
      const [issued] = await Promise.all([
        s.page.waitForResponse((r) => isApi(r, 'POST', /\/api\/v1\/supervision$/)),
        dialog.locator('[data-testid="supervision-issue-submit"]').click(),
      ])
      if (issued.status() !== 201) throw new Error(`issue → HTTP ${issued.status()} ${await issued.text()}`)
      const item = await issued.json()
      if (item.unit_name !== PARK || item.priority !== 'urgent' || item.leader_instruction !== leader)
        throw new Error(`issued ${JSON.stringify({ unit: item.unit_name, priority: item.priority })}`)
      const number = `DB-${new Date(item.issued_at).getFullYear()}-${String(item.id).padStart(4, '0')}`
      // The project's 督办 tab lists it.
      await s.page.locator('[data-testid="project-supervision"] [data-testid="supervision-row"]').filter({ hasText: title }).waitFor()
      await shot(s.page, 'is-02-project-supervision-tab')
      await logout(s.page)

      // The park finds it in its list and replies.
      await loginAs(s.page, 'receiver')
      await s.page.locator('[data-testid="menu-/supervision"]').click()
      await expectPath(s.page, '/supervision')
      const row = s.page.locator(`[data-testid="supervision-table"] [data-testid="supervision-row"][data-id="${item.id}"]`)
      await row.waitFor()
      await shot(s.page, 'is-03-list-receiver')
      await row.click()
      await expectPath(s.page, `/supervision/${item.id}`)
      await expectText(s.page, '[data-testid="supervision-leader"]', leader)
      await expectText(s.page, '[data-testid="supervision-instruction"]', instruction)
      await expectText(s.page, '[data-testid="supervision-number"]', number)
      await expectText(s.page, '[data-testid="page-supervision-item"] [data-testid="supervision-priority"]', '紧急')
      await s.page.locator('[data-testid="page-supervision-item"] [data-testid="clock-tag"]').first().waitFor()
      if (await tid(s.page, 'supervision-action-close').count()) throw new Error('the park is offered 办结')
      // A reply needs words.
      await tid(s.page, 'supervision-action-reply').click()
      const stepDialog = s.page.locator('[data-testid="supervision-action-dialog"]')
      await stepDialog.locator('[data-testid="supervision-action-submit"]').click()
      await stepDialog.locator('.el-form-item__error').filter({ hasText: '请填写说明' }).waitFor()
      await stepDialog.locator('.el-dialog__headerbtn').click()
      await stepDialog.waitFor({ state: 'hidden' })
      const replied = await step(s.page, item.id, 'reply', reply)
      if (replied.status !== 'replied') throw new Error(`after the reply the item is ${replied.status}`)
      await expectText(s.page, '[data-testid="page-supervision-item"] [data-testid="supervision-status"]', '已反馈')
      await expectText(s.page, '[data-testid="supervision-timeline"]', reply)
      await shot(s.page, 'is-04-item-replied')
      await logout(s.page)

      // The coordinator closes it, then reopens it with a note.
      await loginAs(s.page, 'coordinator')
      await s.page.goto(`${base()}/supervision/${item.id}`)
      await expectText(s.page, '[data-testid="supervision-timeline"]', reply)
      if (await tid(s.page, 'supervision-action-reply').count()) throw new Error('the coordinator is offered 反馈')
      const closed = await step(s.page, item.id, 'close', '已核实，办结。')
      if (closed.status !== 'closed') throw new Error(`after closing the item is ${closed.status}`)
      await expectText(s.page, '[data-testid="page-supervision-item"] [data-testid="supervision-status"]', '已办结')
      await tid(s.page, 'supervision-action-reopen').waitFor()
      if (await s.page.locator('[data-testid="page-supervision-item"] [data-testid="clock-tag"]').count())
        throw new Error('a closed item still shows a running clock')
      const reopened = await step(s.page, item.id, 'reopen', again)
      if (reopened.status !== 'open' || reopened.version !== item.version + 3)
        throw new Error(`after reopening: ${reopened.status}, version ${reopened.version}`)
      await expectText(s.page, '[data-testid="page-supervision-item"] [data-testid="supervision-status"]', '待反馈')
      await s.page.locator('[data-testid="supervision-event"][data-kind="reopened"]').filter({ hasText: again }).waitFor()
      await shot(s.page, 'is-05-item-reopened')

      // Someone closes it behind the page's back: the page's 办结 is refused (the item is closed now),
      // and the page shows it as it is and says so in Chinese.
      const behind = await apiSend(s.page, 'POST', `/supervision/${item.id}/close`, { version: reopened.version })
      if (behind.status !== 200) throw new Error(`close through the API → ${behind.status}`)
      await tid(s.page, 'supervision-action-close').click()
      const closeDialog = s.page.locator('[data-testid="supervision-action-dialog"]')
      const [refused] = await Promise.all([
        s.page.waitForResponse((r) => isApi(r, 'POST', new RegExp(`/api/v1/supervision/${item.id}/close$`))),
        closeDialog.locator('[data-testid="supervision-action-submit"]').click(),
      ])
      if (refused.status() !== 409) throw new Error(`a close on a closed item → HTTP ${refused.status()}`)
      await expectText(s.page, '[data-testid="supervision-notice"]', '状态已变化')
      await expectText(s.page, '[data-testid="page-supervision-item"] [data-testid="supervision-status"]', '已办结')
      await tid(s.page, 'supervision-action-reopen').waitFor()
      await shot(s.page, 'is-05b-item-conflict')

      // 督办单: the number, the instruction, the 批示 and the park's reply, nothing of the app when printed.
      await tid(s.page, 'supervision-print-open').click()
      await expectPath(s.page, `/supervision/${item.id}/print`)
      await expectText(s.page, '[data-testid="sheet-number"]', number)
      await expectText(s.page, '[data-testid="sheet-instruction"]', instruction)
      await expectText(s.page, '[data-testid="sheet-leader"]', leader)
      await expectText(s.page, '[data-testid="sheet-replies"]', reply)
      await expectText(s.page, '[data-testid="sheet-unit"]', PARK)
      await expectText(s.page, '[data-testid="sheet-city"]', '安庆市')
      await expectText(s.page, '[data-testid="sheet-followups"]', again)
      await shot(s.page, 'is-06-print-zh')
      await s.page.emulateMedia({ media: 'print' })
      for (const chrome of ['side-menu', 'inbox-bell', 'supervision-print', 'page-tabs'])
        if (await tid(s.page, chrome).first().isVisible()) throw new Error(`${chrome} prints`)
      await tid(s.page, 'supervision-sheet').waitFor()
      await shot(s.page, 'is-07-print-media')
      await s.page.emulateMedia({ media: 'screen' })
      await tid(s.page, 'page-supervision-print').locator('[data-testid="lang-button"]').click()
      await s.page.locator('[data-testid="lang-en"]:visible').click()
      await expectText(s.page, '[data-testid="supervision-sheet"]', 'Supervision notice')
      await expectText(s.page, '[data-testid="supervision-sheet"]', 'Progress reported')
      await shot(s.page, 'is-08-print-en')
      assertNoProblems(s.problems)
    },
  )

  scenario('站内通知: the bell counts down as the park opens its notifications, and 全部已读 clears it', async () => {
    const stamp = Date.now().toString(36)
    const s = await newSession()
    await s.page.setViewportSize({ width: 1440, height: 900 })
    // The coordinator supervises the park twice: two notifications for every member of the park.
    await loginAs(s.page, 'coordinator')
    const me = await apiGet(s.page, '/org/units')
    const park = me.body.items.find((u) => u.name === PARK)
    const titles = [`E2E通知一${stamp}`, `E2E通知二${stamp}`]
    for (const title of titles) {
      const r = await apiSend(s.page, 'POST', '/supervision', {
        subject_type: 'unit',
        subject_id: park.id,
        title,
        instruction: '请报送本月项目推进情况。',
        priority: 'normal',
      })
      if (r.status !== 201) throw new Error(`issue → ${r.status} ${JSON.stringify(r.body)}`)
    }
    await logout(s.page)

    await loginAs(s.page, 'receiver')
    const unread = (await apiGet(s.page, '/notifications/unread-count')).body.unread
    if (!(unread >= 2)) throw new Error(`receiver has ${unread} unread`)
    await expectBadge(s.page, unread)
    await shot(s.page, 'is-10-bell')
    await tid(s.page, 'inbox-bell').click()
    await expectPath(s.page, '/notifications')
    // Newest first: the second item issued heads the list, worded from its kind.
    const first = s.page.locator('[data-testid="inbox-item"]').first()
    await expectText(s.page, '[data-testid="inbox-item"]:first-child [data-testid="inbox-text"]', `收到督办事项「${titles[1]}」`)
    if ((await first.getAttribute('data-read')) !== 'false') throw new Error('the newest notification is not unread')
    const time = (await first.locator('[data-testid="inbox-time"]').textContent())?.trim() ?? ''
    if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(time)) throw new Error(`the time reads "${time}"`)
    await shot(s.page, 'is-11-inbox')
    const [read] = await Promise.all([
      s.page.waitForResponse((r) => isApi(r, 'POST', /\/api\/v1\/notifications\/\d+\/read$/)),
      first.locator('.row-button').click(),
    ])
    if ((await read.json()).unread !== unread - 1) throw new Error('reading one did not count down on the server')
    // It opens the supervision item it is about, and the bell shows one less.
    await tid(s.page, 'page-supervision-item').waitFor()
    await expectText(s.page, '[data-testid="supervision-title"]', titles[1])
    await expectBadge(s.page, unread - 1)

    await tid(s.page, 'inbox-bell').click()
    await expectPath(s.page, '/notifications')
    await s.page.locator(`[data-testid="inbox-item"][data-read="true"]`).filter({ hasText: titles[1] }).waitFor()
    // Only the unread: the one just opened is not among them.
    await tid(s.page, 'inbox-filter-unread').click()
    await s.page.locator('[data-testid="inbox-item"]').filter({ hasText: titles[0] }).waitFor()
    if (await s.page.locator('[data-testid="inbox-item"]').filter({ hasText: titles[1] }).count())
      throw new Error('a read notification is listed under 未读')
    const [all] = await Promise.all([
      s.page.waitForResponse((r) => isApi(r, 'POST', /\/api\/v1\/notifications\/read-all$/)),
      tid(s.page, 'inbox-read-all').click(),
    ])
    if (all.status() !== 200) throw new Error(`read-all → HTTP ${all.status()}`)
    await expectBadge(s.page, 0)
    await tid(s.page, 'inbox-empty').waitFor()
    await shot(s.page, 'is-12-inbox-all-read')
    assertNoProblems(s.problems)
  })

  scenario('phone: the bell and the inbox, the supervision list and an item fit 390 px, in both languages', async () => {
    const stamp = Date.now().toString(36)
    const s = await newSession()
    await s.page.setViewportSize({ width: 1440, height: 900 })
    await loginAs(s.page, 'coordinator')
    const project = await parkProject(s.page)
    const title = `E2E手机督办${stamp}，请尽快报送项目用地、用电、用水需求和开工计划`.slice(0, 60)
    const r = await apiSend(s.page, 'POST', '/supervision', {
      subject_type: 'project',
      subject_id: project.id,
      title,
      instruction: '请梳理项目用地、用电、用水需求，明确开工节点，三个工作日内反馈。',
      leader_instruction: '请抓紧推进。',
      priority: 'critical',
    })
    if (r.status !== 201) throw new Error(`issue → ${r.status}`)
    await logout(s.page)
    assertNoProblems(s.problems)

    const p = await phoneSession()
    await loginAs(p.page, 'receiver')
    const bell = tid(p.page, 'inbox-bell')
    await bell.waitFor()
    await fitsWidth(p.page, bell, 'the bell at 390 px')
    await fitsWidth(p.page, tid(p.page, 'current-user'), 'the user menu beside the bell at 390 px')
    await bell.click()
    await expectPath(p.page, '/notifications')
    await p.page.locator('[data-testid="inbox-item"]').first().waitFor()
    await fitsWidth(p.page, tid(p.page, 'inbox-list'), 'the inbox at 390 px')
    await shot(p.page, 'is-20-inbox-phone')

    await p.page.goto(`${base()}/supervision`)
    const card = p.page.locator(`[data-testid="supervision-cards"] [data-testid="supervision-row"][data-id="${r.body.id}"]`)
    await card.waitFor()
    await fitsWidth(p.page, card, 'a supervision card at 390 px')
    await fitsWidth(p.page, tid(p.page, 'supervision-filters'), 'the supervision filters at 390 px')
    if (await tid(p.page, 'supervision-units').count()) await fitsWidth(p.page, tid(p.page, 'supervision-units'), 'the units at 390 px')
    await shot(p.page, 'is-21-supervision-phone')
    await card.click()
    await expectPath(p.page, `/supervision/${r.body.id}`)
    await tid(p.page, 'supervision-action-reply').waitFor()
    await fitsWidth(p.page, tid(p.page, 'supervision-actions'), 'the item at 390 px')
    await shot(p.page, 'is-22-item-phone')

    // English: the same pages, whole words, no codes.
    await tid(p.page, 'lang-button').click()
    await p.page.locator('[data-testid="lang-en"]:visible').click()
    await expectText(p.page, '[data-testid="page-supervision-item"] [data-testid="supervision-priority"]', 'Critical')
    await expectText(p.page, '[data-testid="supervision-actions"]', 'Reply')
    await fitsWidth(p.page, tid(p.page, 'supervision-actions'), 'the item in English at 390 px')
    await shot(p.page, 'is-23-item-phone-en')
    await bell.click()
    await expectText(p.page, '[data-testid="inbox-item"] [data-testid="inbox-text"]', 'New supervision item')
    await fitsWidth(p.page, tid(p.page, 'inbox-list'), 'the inbox in English at 390 px')
    await shot(p.page, 'is-24-inbox-phone-en')
    await p.page.goto(`${base()}/supervision`)
    await card.waitFor()
    await fitsWidth(p.page, card, 'a supervision card in English at 390 px')
    await shot(p.page, 'is-25-supervision-phone-en')
    await tid(p.page, 'lang-button').click()
    await p.page.locator('[data-testid="lang-zh-CN"]:visible').click()
    await logoutOnPhone(p.page)
    assertNoProblems(p.problems)
  })
}
