// Browser scenarios of issue 11, items 3, 5, 7, 8 and 9: the board refusing a drop the server does
// not allow before any dialog, the 撞单 confirmation and the coordinator's list of confirmed
// duplicates, the audit log in Chinese (names, links, export), the roles page in words, parks
// without a profile ranked last, and an account an administrator created changing its password
// at the first login. run.mjs hands its helpers to `register`; each page is shot at 1440 and 390 px.

const DESK = { width: 1440, height: 900 }
const PHONE = { width: 390, height: 844 }

/** @param {Record<string, any>} h the helpers of run.mjs */
export function register(h) {
  const { scenario, newSession, loginAs, logout, tid, shot, expectText, expectPath, assertNoProblems } = h
  const { apiGet, apiSend, isApi, settled, submitLogin, changeOwnPassword, saveDownload, readXlsx } = h

  /** Every POST the page sends from now on (to prove a refused drop sends nothing). */
  function watchPosts(page) {
    const posts = []
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname.startsWith('/api/v1/')) posts.push(new URL(r.url()).pathname)
    })
    return posts
  }

  /** Open the board filtered to one project name; resolves when its column shows the card. */
  async function boardWith(page, name, stage) {
    await page.locator('[data-testid="menu-/projects/board"]').click()
    await tid(page, 'board').waitFor()
    await page.locator('input[data-testid="board-q"]').fill(name)
    await Promise.all([
      page.waitForResponse(
        (r) =>
          isApi(r, 'GET', /\/api\/v1\/projects\/board$/) &&
          new URL(r.url()).searchParams.get('q') === name &&
          new URL(r.url()).searchParams.get('stage') === stage,
      ),
      tid(page, 'board-search').click(),
    ])
    const card = page.locator(`[data-testid="board-column-${stage}"] [data-testid="board-card"]`).filter({ hasText: name }).first()
    await card.waitFor()
    return card
  }

  /** Press on a card and hold it over `column` (HTML5 drag through the mouse): the drop is the caller's. */
  async function holdOver(page, card, column) {
    // Every column loaded (no card replaced under the pointer), nothing selected.
    await page.waitForFunction(() => !document.querySelector('[data-testid="board"] .el-loading-mask'))
    await column.scrollIntoViewIfNeeded()
    await page.evaluate(() => window.getSelection()?.removeAllRanges())
    await card.hover()
    await page.mouse.down()
    const to = await column.boundingBox()
    await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 12 })
    // A second move makes sure the column has seen a dragover.
    await page.mouse.move(to.x + to.width / 2 + 4, to.y + 84)
  }

  async function dropState(page, stage) {
    return page.locator(`[data-testid="board-column-${stage}"]`).getAttribute('data-drop')
  }

  scenario(
    'board: columns page themselves; a drop the server does not allow is greyed and refused without a dialog or a request; the edge strip scrolls without choosing a column; an allowed drop moves',
    async () => {
      const s = await newSession()
      await s.page.setViewportSize(DESK)
      const stamp = Date.now().toString(36)
      const name = `E2E看板拒绝${stamp}`
      await loginAs(s.page, 'promoter')
      const made = await apiSend(s.page, 'POST', '/projects', {
        name,
        investor_name: `看板拒绝测试${stamp}智能装备有限公司`,
        industry_code: '3812',
        total_investment_yuan: 300_000_000,
        source_channel: 'exhibition',
      })
      if (made.status !== 201) throw new Error(`arrange lead → HTTP ${made.status} ${JSON.stringify(made.body)}`)

      // Each column fetches its own first page (20 cards with their moves) and shows its count.
      const STAGES = ['lead', 'in_review', 'approved', 'negotiating', 'signed', 'construction', 'production', 'rejected', 'shelved', 'lost']
      const [pages] = await Promise.all([
        Promise.all(
          STAGES.map((stage) =>
            s.page.waitForResponse(
              (r) => isApi(r, 'GET', /\/api\/v1\/projects\/board$/) && new URL(r.url()).searchParams.get('stage') === stage,
            ),
          ),
        ),
        s.page.locator('[data-testid="menu-/projects/board"]').click(),
      ])
      for (const r of pages) {
        const q = new URL(r.url()).searchParams
        if (q.get('with') !== 'capabilities' || q.get('page_size') !== '20' || q.get('page') !== '1') throw new Error(`a column asked ${q}`)
        const col = (await r.json()).columns[0]
        await expectText(s.page, `[data-testid="board-column-${col.stage}"] [data-testid="board-count"]`, String(col.count))
        if (col.items.length > 20 || col.items.some((c) => !c.capabilities))
          throw new Error(`column ${col.stage}: cards without their moves`)
      }
      await shot(s.page, 'fr2-01-board-1440')

      const card = await boardWith(s.page, name, 'lead')
      const posts = watchPosts(s.page)
      // lead → 已签约 is no move of the promoter's: greyed while the card hangs over it, and refused.
      await holdOver(s.page, card, tid(s.page, 'board-column-signed'))
      await s.page.waitForFunction(() => document.querySelector('[data-testid="board-column-signed"]')?.dataset.drop === 'refused')
      if ((await dropState(s.page, 'in_review')) !== 'allowed') throw new Error('预审中 is not offered to the promoter’s lead')
      await expectText(s.page, '[data-testid="board-column-signed"] [data-testid="board-refused"]', '不可移入')
      await shot(s.page, 'fr2-02-board-drag-refused')
      // The right edge strip scrolls the board; no column becomes the target while it does.
      const strip = tid(s.page, 'board-scroll-right')
      const sb = await strip.boundingBox()
      await s.page.mouse.move(sb.x + sb.width / 2, sb.y + 60, { steps: 6 })
      await s.page.waitForFunction(() => document.querySelector('[data-testid="board"]').scrollLeft > 0)
      if (await s.page.locator('[data-testid^="board-column-"].over').count())
        throw new Error('a column became the target while the board scrolled')
      await s.page.mouse.up()
      // And back over the refused column: the drop does nothing.
      await s.page.locator('[data-testid="board"]').evaluate((b) => (b.scrollLeft = 0))
      await holdOver(s.page, card, tid(s.page, 'board-column-signed'))
      await s.page.mouse.up()
      await s.page.waitForFunction(() => !document.querySelector('[data-testid="board-scroll-right"]'))
      if (await s.page.locator('.el-dialog:visible').count()) throw new Error('a dialog opened for a refused drop')
      if (posts.length) throw new Error(`a refused drop sent ${posts.join(', ')}`)
      await s.page.locator('[data-testid="board-column-lead"] [data-testid="board-card"]').filter({ hasText: name }).first().waitFor()

      // The allowed move goes through at once.
      const [moved] = await Promise.all([
        s.page.waitForResponse((r) => isApi(r, 'POST', /\/api\/v1\/projects\/\d+\/transitions$/)),
        card.dragTo(tid(s.page, 'board-column-in_review')),
      ])
      if (moved.status() !== 200) throw new Error(`drag to 预审中 → HTTP ${moved.status()} ${await moved.text()}`)
      await s.page.locator('[data-testid="board-column-in_review"] [data-testid="board-card"]').filter({ hasText: name }).first().waitFor()
      await expectText(s.page, '.el-message', '已变更为“预审中”')

      // A phone cannot drag: each card offers its allowed moves as a menu (the server's list).
      await s.page.setViewportSize(PHONE)
      await expectText(s.page, '[data-testid="page-board"]', '点「移动到」选择阶段办理')
      const phoneName = `E2E看板手机${stamp}`
      const made2 = await apiSend(s.page, 'POST', '/projects', {
        name: phoneName,
        investor_name: `看板手机测试${stamp}新材料有限公司`,
        industry_code: '3812',
        total_investment_yuan: 200_000_000,
        source_channel: 'exhibition',
      })
      if (made2.status !== 201) throw new Error(`arrange phone lead → HTTP ${made2.status} ${JSON.stringify(made2.body)}`)
      await s.page.locator('input[data-testid="board-q"]').fill(phoneName)
      await Promise.all([
        s.page.waitForResponse((r) => isApi(r, 'GET', /\/api\/v1\/projects\/board$/) && new URL(r.url()).searchParams.get('q') === phoneName),
        tid(s.page, 'board-search').click(),
      ])
      const phoneCard = s.page.locator('[data-testid="board-column-lead"] [data-testid="board-card"]').filter({ hasText: phoneName }).first()
      await phoneCard.waitFor()
      await phoneCard.locator('[data-testid="board-move"]').click()
      // Only the moves the server allows: 预审中 is offered, 已签约 is not.
      await s.page.locator('[data-testid="board-move-in_review"]:visible').waitFor()
      if (await s.page.locator('[data-testid="board-move-signed"]:visible').count()) throw new Error('the phone menu offers 已签约 to a lead')
      await settled(s.page)
      await shot(s.page, 'fr2-03-board-390')
      const [phoneMove] = await Promise.all([
        s.page.waitForResponse((r) => isApi(r, 'POST', /\/api\/v1\/projects\/\d+\/transitions$/)),
        s.page.locator('[data-testid="board-move-in_review"]:visible').click(),
      ])
      if (phoneMove.status() !== 200) throw new Error(`phone move to 预审中 → HTTP ${phoneMove.status()} ${await phoneMove.text()}`)
      await s.page.locator('[data-testid="board-column-in_review"] [data-testid="board-card"]').filter({ hasText: phoneName }).first().waitFor()
      if (await s.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1))
        throw new Error('the board page overflows the phone sideways')
      assertNoProblems(s.problems)
    },
  )

  scenario('board: a pooled card cannot be dropped on 洽谈中 — the column says to route it, and nothing is sent', async () => {
    const s = await newSession()
    await s.page.setViewportSize(DESK)
    await loginAs(s.page, 'coordinator')
    const pool = await apiGet(s.page, '/projects?stage=approved&page_size=100&sort=created_at&order=desc')
    const target = pool.body.items.find((p) => p.next_step !== 'park_response')
    if (!target) throw new Error('no demo project in the pool without a pending routing')
    const card = await boardWith(s.page, target.name, 'approved')
    const posts = watchPosts(s.page)
    await holdOver(s.page, card, tid(s.page, 'board-column-negotiating'))
    await s.page.waitForFunction(() => document.querySelector('[data-testid="board-column-negotiating"]')?.dataset.drop === 'refused')
    await expectText(s.page, '[data-testid="board-column-negotiating"] [data-testid="board-refused"]', '请在项目页分派园区')
    await shot(s.page, 'fr2-04-board-use-routing')
    await s.page.mouse.up()
    await s.page.waitForFunction(() => !document.querySelector('[data-drop]'))
    if (posts.length) throw new Error(`the refused drop sent ${posts.join(', ')}`)
    if (await s.page.locator('.el-dialog:visible').count()) throw new Error('a dialog opened for a refused drop')
    await s.page
      .locator('[data-testid="board-column-approved"] [data-testid="board-card"]')
      .filter({ hasText: target.name })
      .first()
      .waitFor()
    // A column holding more than a page: 更多 fetches the next one and adds it below.
    const counts = (await apiGet(s.page, '/projects/board?page_size=1')).body.columns
    const big = counts.find((c) => c.count > 20)
    if (!big) throw new Error(`no column holds more than 20 projects: ${counts.map((c) => `${c.stage} ${c.count}`).join(', ')}`)
    await s.page.locator('input[data-testid="board-q"]').fill('')
    await Promise.all([
      s.page.waitForResponse(
        (r) => isApi(r, 'GET', /\/api\/v1\/projects\/board$/) && new URL(r.url()).searchParams.get('stage') === big.stage,
      ),
      tid(s.page, 'board-search').click(),
    ])
    const more = tid(s.page, `board-column-${big.stage}`).locator('[data-testid="board-more"]')
    // The first page is on screen before 更多 (the answer arrives before Vue draws it).
    const cards = (stage, n) =>
      s.page.waitForFunction(
        ([st, k]) => document.querySelectorAll(`[data-testid="board-column-${st}"] [data-testid="board-card"]`).length === k,
        [stage, n],
      )
    await cards(big.stage, 20)
    const before = 20
    const [second] = await Promise.all([
      s.page.waitForResponse(
        (r) =>
          isApi(r, 'GET', /\/api\/v1\/projects\/board$/) &&
          new URL(r.url()).searchParams.get('stage') === big.stage &&
          new URL(r.url()).searchParams.get('page') === '2',
      ),
      more.click(),
    ])
    const got = (await second.json()).columns[0].items.length
    await cards(big.stage, before + got)
    await shot(s.page, 'fr2-04b-board-more')
    assertNoProblems(s.problems)
  })

  scenario(
    '撞单: 报送 asks first while the hint shows; declining sends nothing, confirming reports it; the coordinator lists it under 撞单确认',
    async () => {
      const s = await newSession()
      await s.page.setViewportSize(DESK)
      const stamp = Date.now().toString(36)
      const name = `E2E撞单确认${stamp}`
      await loginAs(s.page, 'promoter')
      await s.page.locator('[data-testid="menu-/projects/new"]').click()
      await expectPath(s.page, '/projects/new')
      await s.page.locator('input[data-testid="lead-name"]').fill(name)
      await s.page.locator('input[data-testid="lead-investor"]').fill('上海申能动力电池有限公司')
      await expectText(s.page, '[data-testid="collision-hit"]', '宜秀区投资促进中心')
      await tid(s.page, 'field-industry').locator('.el-cascader input').first().fill('3841')
      await s.page.locator('.el-cascader__suggestion-item:visible').filter({ hasText: '锂离子电池制造' }).first().click()
      await s.page.locator('input[data-testid="lead-total"]').fill('50000')
      await tid(s.page, 'field-source').locator('.el-select__wrapper').first().click()
      await s.page
        .locator('.el-select-dropdown__item:visible')
        .filter({ hasText: /^上门拜访$/ })
        .first()
        .click()

      const posts = watchPosts(s.page)
      await tid(s.page, 'lead-submit').click()
      const box = s.page.locator('.el-message-box.collision-confirm:visible')
      await box.waitFor()
      await expectText(s.page, '.el-message-box.collision-confirm', '该投资方已由 宜秀区投资促进中心 报送，仍要作为新项目报送吗？')
      await settled(s.page)
      await shot(s.page, 'fr2-05-collision-confirm-1440')
      await box.locator('.el-message-box__btns .el-button:not(.el-button--primary)').click()
      await box.waitFor({ state: 'hidden' })
      if (posts.some((p) => p === '/api/v1/projects')) throw new Error('declining the question still reported the lead')

      await tid(s.page, 'lead-submit').click()
      await box.waitFor()
      const [created] = await Promise.all([
        s.page.waitForResponse((r) => isApi(r, 'POST', /\/api\/v1\/projects$/)),
        box.locator('.el-message-box__btns .el-button--primary').click(),
      ])
      if (created.status() !== 201) throw new Error(`report → HTTP ${created.status()} ${await created.text()}`)
      const sent = created.request().postDataJSON()
      if (sent.collision_confirmed !== true || 'hits' in sent || 'collision_hit_ids' in sent)
        throw new Error(`the report sent ${JSON.stringify(sent).slice(0, 200)}`)
      const lead = await created.json()
      await expectPath(s.page, `/projects/${lead.id}`)
      await logout(s.page)

      await loginAs(s.page, 'coordinator')
      await s.page.locator('[data-testid="menu-/projects/collisions"]').click()
      await expectPath(s.page, '/projects/collisions')
      const row = s.page.locator('[data-testid="collision-row"]').filter({ hasText: name })
      await row.first().waitFor()
      await expectText(s.page, '[data-testid="collisions-table"]', '宜秀区投资促进中心')
      await expectText(s.page, '[data-testid="collisions-table"]', '张伟')
      await settled(s.page)
      await shot(s.page, 'fr2-06-collisions-1440')
      await s.page.setViewportSize(PHONE)
      await tid(s.page, 'collisions-cards').waitFor()
      await expectText(s.page, '[data-testid="collisions-cards"]', name)
      await settled(s.page)
      await shot(s.page, 'fr2-07-collisions-390')
      assertNoProblems(s.problems)
    },
  )

  scenario(
    'audit log in Chinese: people by name, actions in words, the object by name — its link narrows the log to it; the filter offers the business actions; 导出Excel in Chinese',
    async () => {
      const s = await newSession()
      await s.page.setViewportSize(DESK)
      const stamp = Date.now().toString(36)
      const name = `E2E审计项目${stamp}`
      // Arrange: a lead reported and submitted for review (two audit rows about one project).
      await loginAs(s.page, 'promoter')
      const made = await apiSend(s.page, 'POST', '/projects', {
        name,
        investor_name: `审计测试${stamp}新材料有限公司`,
        industry_code: '3812',
        total_investment_yuan: 300_000_000,
        source_channel: 'exhibition',
      })
      if (made.status !== 201) throw new Error(`arrange lead → HTTP ${made.status}`)
      const moved = await apiSend(s.page, 'POST', `/projects/${made.body.id}/transitions`, { to: 'in_review', version: made.body.version })
      if (moved.status !== 200) throw new Error(`arrange transition → HTTP ${moved.status} ${JSON.stringify(moved.body)}`)
      await logout(s.page)

      await loginAs(s.page, 'auditadmin')
      await expectPath(s.page, '/audit')
      // Every row: a name, a Chinese action, never a raw code in the action column.
      await expectText(s.page, '[data-testid="audit-table"] [data-testid="audit-actor-name"]', '冯磊')
      const actions = await s.page.locator('[data-testid="audit-action-name"]').allTextContents()
      if (!actions.length || actions.some((a) => /^[a-z_]+\.[a-z_]+$/.test(a.trim())))
        throw new Error(`an action shows as a code: ${actions.join(', ')}`)

      // The filter lists the business actions in words.
      await tid(s.page, 'audit-action').locator('.el-select__wrapper').click()
      await expectText(s.page, '.el-select-dropdown .el-select-group__title', '业务操作')
      await expectText(s.page, '.el-select-dropdown .el-select-dropdown__item', '报送线索')
      await s.page
        .locator('.el-select-dropdown:visible .el-select-dropdown__item')
        .filter({ hasText: /^阶段变更$/ })
        .click()
      await Promise.all([
        s.page.waitForResponse(
          (r) => isApi(r, 'GET', /\/api\/v1\/audit$/) && new URL(r.url()).searchParams.get('action') === 'project.transition',
        ),
        tid(s.page, 'audit-search').click(),
      ])
      const row = s.page.locator('[data-testid="audit-table"] .el-table__body tr').filter({ hasText: name }).first()
      await row.waitFor()
      await expectText(s.page, '[data-testid="audit-table"] .el-table__body', '张伟')
      await expectText(s.page, '[data-testid="audit-table"] .el-table__body', '阶段变更')
      await settled(s.page)
      await shot(s.page, 'fr2-08-audit-1440')

      // The object's name is a link to its history: both rows about the project, nothing else.
      const [history] = await Promise.all([
        s.page.waitForResponse(
          (r) => isApi(r, 'GET', /\/api\/v1\/audit$/) && new URL(r.url()).searchParams.get('object_id') === String(made.body.id),
        ),
        row.locator('[data-testid="audit-object"]').click(),
      ])
      const body = await history.json()
      const codes = body.items.map((i) => i.action).sort()
      if (body.total !== 2 || codes.join() !== 'project.create,project.transition')
        throw new Error(`the project's history: ${body.total} rows, ${codes.join()}`)
      await expectText(s.page, '[data-testid="audit-object-filter"]', `只看：项目 ${name}`)
      await expectText(s.page, '[data-testid="audit-table"] .el-table__body', '报送线索')
      // The audit administrator may not open project pages: no page link, only the history.
      if (await s.page.locator('[data-testid="audit-object-open"]').count())
        throw new Error('a page link is offered to the audit administrator')

      const [download] = await Promise.all([s.page.waitForEvent('download'), tid(s.page, 'audit-export').click()])
      if (!/^审计日志-\d{8}\.xlsx$/.test(download.suggestedFilename())) throw new Error(`export named ${download.suggestedFilename()}`)
      const xlsx = await readXlsx(await saveDownload(download))
      if (xlsx.name !== '审计日志' || !xlsx.header.includes('操作') || !xlsx.header.includes('操作人'))
        throw new Error(`export sheet ${xlsx.name}: ${xlsx.header.join(',')}`)
      const words = xlsx.rows.map((r) => r['操作']).sort()
      if (
        xlsx.rows.length !== 2 ||
        words.join() !== '报送线索,阶段变更' ||
        xlsx.rows.some((r) => r['对象'] !== name || r['操作人'] !== '张伟')
      )
        throw new Error(`export rows: ${JSON.stringify(xlsx.rows).slice(0, 300)}`)
      await expectText(s.page, '.el-message', '已导出')

      await s.page.setViewportSize(PHONE)
      await tid(s.page, 'audit-cards').waitFor()
      await expectText(s.page, '[data-testid="audit-cards"]', '阶段变更')
      await settled(s.page)
      await shot(s.page, 'fr2-09-audit-390')
      assertNoProblems(s.problems)
    },
  )

  scenario('roles page: every permission in words, in Chinese and in English', async () => {
    const s = await newSession()
    await s.page.setViewportSize(DESK)
    await loginAs(s.page, 'secadmin')
    await s.page.locator('[data-testid="menu-/roles"]').click()
    await expectText(s.page, '[data-testid="page-roles"]', '办理要素需求')
    const tags = await s.page.locator('[data-testid="page-roles"] .el-tag').allTextContents()
    const raw = tags.filter((x) => /[a-z]+\.[a-z_]+/.test(x))
    if (raw.length) throw new Error(`permissions shown as codes: ${raw.slice(0, 5).join(', ')}`)
    await settled(s.page)
    await shot(s.page, 'fr2-10-roles-1440')
    await s.page.setViewportSize(PHONE)
    await settled(s.page)
    await shot(s.page, 'fr2-11-roles-390')
    assertNoProblems(s.problems)
  })

  scenario('matching: the districts without a profile say so and rank after every park', async () => {
    const s = await newSession()
    await s.page.setViewportSize(DESK)
    await loginAs(s.page, 'promoter')
    await s.page.locator('[data-testid="menu-/projects/new"]').click()
    const [res] = await Promise.all([
      s.page.waitForResponse((r) => isApi(r, 'POST', /\/api\/v1\/matching\/preview$/)),
      (async () => {
        await tid(s.page, 'field-industry').locator('.el-cascader input').first().fill('0111')
        await s.page.locator('.el-cascader__suggestion-item:visible').filter({ hasText: '稻谷种植' }).first().click()
      })(),
    ])
    const fits = (await res.json()).items.filter((f) => !f.excluded)
    const firstEmpty = fits.findIndex((f) => f.profile_empty)
    if (firstEmpty < 0 || fits.slice(firstEmpty).some((f) => !f.profile_empty) || fits.slice(firstEmpty).some((f) => f.score !== 0))
      throw new Error(`ranking: ${fits.map((f) => `${f.unit_name} ${f.score}${f.profile_empty ? ' empty' : ''}`).join(', ')}`)
    // The preview shows the first three: parks that told what they have.
    await s.page.locator('[data-testid="fit-preview"] [data-testid="fit-item"]').first().waitFor()
    if (await s.page.locator('[data-testid="fit-preview"] [data-testid="fit-profile-empty"]').count())
      throw new Error('a district without a profile is among the first parks shown')
    // All of them: the districts last, each saying it has no profile.
    await s.page.locator('[data-testid="fit-preview"] .more').click()
    await expectText(s.page, '[data-testid="fit-preview"] [data-testid="fit-profile-empty"]', '园区未填写画像')
    const names = await s.page.locator('[data-testid="fit-preview"] [data-testid="fit-park"]').allTextContents()
    const tagged = await s.page
      .locator('[data-testid="fit-preview"] [data-testid="fit-item"]:has([data-testid="fit-profile-empty"]) [data-testid="fit-park"]')
      .allTextContents()
    if (tagged.length !== 3 || names.slice(-3).join() !== tagged.join())
      throw new Error(`order: ${names.join(', ')}; without profile: ${tagged.join(', ')}`)
    await expectText(s.page, '[data-testid="fit-preview"]', '园区未填写画像，无法评估匹配度')
    await s.page.locator('[data-testid="fit-preview"] [data-testid="fit-profile-empty"]').last().scrollIntoViewIfNeeded()
    await settled(s.page)
    await shot(s.page, 'fr2-12-fit-1440')
    await s.page.setViewportSize(PHONE)
    await s.page.locator('[data-testid="fit-preview"] [data-testid="fit-profile-empty"]').last().scrollIntoViewIfNeeded()
    await settled(s.page)
    await shot(s.page, 'fr2-13-fit-390')
    assertNoProblems(s.problems)
  })

  scenario('an account the system administrator creates must choose its own password at the first login', async () => {
    const s = await newSession()
    await s.page.setViewportSize(DESK)
    const stamp = Date.now().toString(36)
    const login = `e2enew${stamp}`
    const first = `First#${stamp}A1`
    const mine = `Mine#${stamp}B2`
    await loginAs(s.page, 'sysadmin')
    await s.page.locator('[data-testid="menu-/users"]').click()
    await tid(s.page, 'user-create').click()
    const dialog = s.page.locator('.el-dialog:visible').filter({ hasText: '新建用户' })
    await dialog.waitFor()
    await expectText(s.page, '[data-testid="user-first-login-hint"]', '首次登录时必须改为自己的密码')
    const field = (label) =>
      dialog.locator('.el-form-item').filter({ has: s.page.locator('.el-form-item__label', { hasText: new RegExp(`^${label}$`) }) })
    await field('账号').locator('input').fill(login)
    await field('姓名').locator('input').fill('新来的同事')
    await field('所属单位').locator('.el-select__wrapper').click()
    await s.page.locator('.el-select-dropdown:visible .el-tree-node__content').filter({ hasText: '驻上海招商组' }).first().click()
    await field('初始密码').locator('input').fill(first)
    await settled(s.page)
    await shot(s.page, 'fr2-14-user-create-1440')
    const [made] = await Promise.all([
      s.page.waitForResponse((r) => isApi(r, 'POST', /\/api\/v1\/users$/)),
      dialog.locator('.el-dialog__footer .el-button--primary').click(),
    ])
    if (made.status() !== 201) throw new Error(`create → HTTP ${made.status()} ${await made.text()}`)
    const user = await made.json()
    if (user.must_change_password !== true) throw new Error('the new account is not marked must_change_password')
    await logout(s.page)
    // The security administrator gives the account a role (三员分立: not the system administrator).
    await loginAs(s.page, 'secadmin')
    const roles = await apiSend(s.page, 'PUT', `/users/${user.id}/roles`, { roles: ['promoter'], version: user.version })
    if (roles.status !== 200) throw new Error(`roles → HTTP ${roles.status}`)
    await logout(s.page)

    const res = await submitLogin(s.page, login, first)
    if (res.status() !== 200 || (await res.json()).user?.must_change_password !== true)
      throw new Error(`first login → HTTP ${res.status()}, must_change_password not set`)
    await expectPath(s.page, '/account/password')
    await tid(s.page, 'password-forced-notice').waitFor()
    await s.page.goto(`${h.base()}/projects`)
    await expectPath(s.page, '/account/password')
    await settled(s.page)
    await shot(s.page, 'fr2-15-first-login-1440')
    await s.page.setViewportSize(PHONE)
    await settled(s.page)
    await shot(s.page, 'fr2-16-first-login-390')
    const changed = await changeOwnPassword(s.page, first, mine)
    if (changed.status() !== 204) throw new Error(`change → HTTP ${changed.status()} ${await changed.text()}`)
    await expectPath(s.page, '/workbench')
    assertNoProblems(s.problems)
  })
}
