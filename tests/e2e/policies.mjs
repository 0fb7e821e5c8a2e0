// Browser scenarios of 政策库 (the policy library) and the policy matcher: the list's 即将到期 filter, a
// policy's page, a new policy whose end date lies before its start (the server's before_start in
// Chinese under the field, gone once fixed), the Excel export, 可享政策 on a project page, the lead
// form's policy preview, and the same pages at 390 px and in English. run.mjs hands its helpers to
// `register`. Each policy created here is stamped per run, so the scenarios repeat on the same database.
import fs from 'node:fs'

/** @param {Record<string, any>} h the helpers of run.mjs */
export function register(h) {
  const { scenario, newSession, phoneSession, loginAs, tid, shot, expectText, expectPath, assertNoProblems } = h
  const { fitsWidth, apiGet, isApi, settled, saveDownload, readXlsx, pickIndustry, pickOption, base } = h

  const stamp = Date.now().toString(36)
  const EXPIRING = '新能源汽车产业链招商专项奖励' // the demo's one policy ending within 90 days
  const PROJECT = '动力电池PACK生产线项目' // receiver 李娜's park's project (经开区, 3841, new land)
  const HIGH_TECH = '安庆高新区科技型企业研发投入补助办法' // only for projects in 高新区: a near miss for 经开区
  const FOREIGN = '安庆市外资项目到资奖励办法' // foreign-invested only

  /** The list's GET /policies answer after `act`, for the given state ('' = any). */
  async function listed(page, state, act) {
    const [res] = await Promise.all([
      page.waitForResponse(
        (r) => isApi(r, 'GET', /\/api\/v1\/policies$/) && (new URL(r.url()).searchParams.get('state') ?? '') === state && new URL(r.url()).searchParams.get('page_size') !== '1',
      ),
      act(),
    ])
    if (res.status() !== 200) throw new Error(`GET /policies?state=${state} → HTTP ${res.status()}`)
    return res.json()
  }

  /** Type a date into the Element Plus date picker of a form field. */
  async function typeDate(page, fieldId, date) {
    const input = tid(page, fieldId).locator('input')
    await input.fill(date)
    await input.press('Enter')
  }

  const fieldError = (page, field) => `[data-testid="policy-field-${field}"] .el-form-item__error`

  scenario(
    '政策库: the coordinator filters 即将到期 and opens the one policy; a new policy ending before it starts is refused in Chinese under the end date, fixed and listed; 导出Excel is an xlsx of the state on screen',
    async () => {
      const s = await newSession()
      await s.page.setViewportSize({ width: 1440, height: 900 })
      await loginAs(s.page, 'coordinator')
      const all = await listed(s.page, '', () => s.page.locator('[data-testid="menu-/policies"]').click())
      await expectPath(s.page, '/policies')
      if (all.total < 10) throw new Error(`the demo library lists ${all.total} policies`)
      await expectText(s.page, '[data-testid="policy-expiring-count"]', '1')
      await expectText(s.page, '[data-testid="policy-expiring-banner"]', '有 1 项政策将在 90 天内到期')
      await settled(s.page)
      await shot(s.page, 'pol-01-list')

      // 即将到期: one policy, in warning colour.
      const expiring = await listed(s.page, 'expiring', () => tid(s.page, 'policy-state-expiring').click())
      if (expiring.total !== 1 || expiring.items[0].title !== EXPIRING)
        throw new Error(`即将到期 lists ${JSON.stringify(expiring.items.map((p) => p.title))}`)
      const rows = s.page.locator('[data-testid="policy-table"] .el-table__body tr.el-table__row')
      await s.page.waitForFunction(
        () => document.querySelectorAll('[data-testid="policy-table"] .el-table__body tr.el-table__row').length === 1,
      )
      await expectText(s.page, '[data-testid="policy-table"] [data-testid="policy-state"]', '即将到期')
      if (!(await rows.first().locator('[data-testid="policy-state"].el-tag--warning').count()))
        throw new Error('即将到期 is not in warning colour')
      if (new URL(s.page.url()).searchParams.get('state') !== 'expiring') throw new Error(`the filter is not in the address: ${s.page.url()}`)
      await settled(s.page)
      await shot(s.page, 'pol-02-list-expiring')

      // 导出Excel: the list in that state, as an .xlsx (a zip: "PK").
      const [download] = await Promise.all([s.page.waitForEvent('download'), tid(s.page, 'policy-export').click()])
      if (!download.suggestedFilename().endsWith('.xlsx')) throw new Error(`exported ${download.suggestedFilename()}`)
      const file = await saveDownload(download)
      const head = fs.readFileSync(file).subarray(0, 2).toString('latin1')
      if (head !== 'PK') throw new Error(`the export starts with ${JSON.stringify(head)}, not PK`)
      const book = await readXlsx(file)
      if (book.rows.length !== 1 || book.rows[0]['政策名称'] !== EXPIRING || book.rows[0]['状态'] !== '即将到期')
        throw new Error(`the export of 即将到期 holds ${JSON.stringify(book.rows.map((r) => r['政策名称']))}`)
      await expectText(s.page, '.el-message', '已导出')

      // The policy's page: every field in words.
      const policy = expiring.items[0]
      await rows.first().locator('[data-testid="policy-row"]').click()
      await expectPath(s.page, `/policies/${policy.id}`)
      await expectText(s.page, '[data-testid="policy-title"]', EXPIRING)
      await expectText(s.page, '[data-testid="policy-expiring-notice"]', `本政策将于 ${policy.expires_on} 到期`)
      await expectText(s.page, '[data-testid="policy-industries"]', '3841 锂离子电池制造')
      await expectText(s.page, '[data-testid="policy-min-investment"]', '不低于 100,000 万元')
      await expectText(s.page, '[data-testid="policy-grant-cap"]', '最高 1,000 万元')
      await expectText(s.page, '[data-testid="policy-source"]', '链主')
      await tid(s.page, 'policy-edit').waitFor()
      await settled(s.page)
      await shot(s.page, 'pol-03-detail')

      // 新增政策: an end date before the start is the server's before_start, in Chinese under the field.
      await s.page.goto(`${base()}/policies`)
      await tid(s.page, 'policy-create').click()
      await expectPath(s.page, '/policies/new')
      const title = `E2E技改补助${stamp}`
      await s.page.locator('input[data-testid="policy-title"]').fill(title)
      await s.page.locator('input[data-testid="policy-issuer"]').fill('大观区人民政府')
      await s.page.locator('input[data-testid="policy-doc-number"]').fill(`观政〔2026〕${stamp}号`)
      await pickOption(s.page, tid(s.page, 'policy-field-level'), '县区级')
      await typeDate(s.page, 'policy-field-effective_from', '2026-06-01')
      await typeDate(s.page, 'policy-field-expires_on', '2026-03-01')
      await s.page.locator('input[data-testid="policy-min-investment"]').fill('3000')
      await tid(s.page, 'policy-land-no_new_land').click()
      await tid(s.page, 'policy-grant-add').click()
      await s.page.locator('input[data-testid="policy-grant-rate-0"]').fill('10')
      await s.page.locator('input[data-testid="policy-grant-cap-0"]').fill('500')
      await s.page.locator('input[data-testid="policy-grant-text-0"]').fill('按技改设备投资的10%给予补助')
      await s.page.locator('textarea[data-testid="policy-source-text"]').fill('第一条 <b>不是标记</b>\n第二条 本办法自发布之日起施行。')
      const [refused] = await Promise.all([
        s.page.waitForResponse((r) => isApi(r, 'POST', /\/api\/v1\/policies$/)),
        tid(s.page, 'policy-save').click(),
      ])
      const refusedBody = await refused.json()
      if (refused.status() !== 400 || refusedBody.error?.fields?.expires_on !== 'before_start')
        throw new Error(`end before start → HTTP ${refused.status()} ${JSON.stringify(refusedBody)}`)
      await expectText(s.page, fieldError(s.page, 'expires_on'), '失效日期不能早于生效日期')
      await tid(s.page, 'policy-field-expires_on').scrollIntoViewIfNeeded()
      await settled(s.page)
      await shot(s.page, 'pol-04-form-error')
      await typeDate(s.page, 'policy-field-expires_on', '2028-12-31')
      await s.page.waitForFunction(() => !document.querySelector('[data-testid="policy-field-expires_on"].is-error'))
      const [created] = await Promise.all([
        s.page.waitForResponse((r) => isApi(r, 'POST', /\/api\/v1\/policies$/)),
        tid(s.page, 'policy-save').click(),
      ])
      const sent = JSON.parse(created.request().postData() ?? '{}')
      if (created.status() !== 201) throw new Error(`create → HTTP ${created.status()} ${await created.text()}`)
      if (sent.conditions?.min_investment_yuan !== 30_000_000 || sent.grants?.[0]?.cap_yuan !== 5_000_000 || sent.expires_on !== '2028-12-31')
        throw new Error(`the form sent ${JSON.stringify(sent)}`)
      const made = await created.json()
      await expectPath(s.page, `/policies/${made.id}`)
      await expectText(s.page, '[data-testid="policy-title"]', title)
      await expectText(s.page, '[data-testid="policy-min-investment"]', '不低于 3,000 万元')
      await expectText(s.page, '[data-testid="policy-land"]', '不新增用地')
      await expectText(s.page, '[data-testid="policy-grant-cap"]', '最高 500 万元')
      // The source text is text: the tag shows as typed, nothing is rendered as HTML.
      await expectText(s.page, '[data-testid="policy-source"]', '<b>不是标记</b>')
      if (await s.page.locator('[data-testid="policy-source"] b').count()) throw new Error('the source text was rendered as HTML')

      // Listed: found by its title.
      await s.page.goto(`${base()}/policies`)
      await s.page.locator('input[data-testid="policy-q"]').fill(stamp)
      const found = await listed(s.page, '', () => tid(s.page, 'policy-search').click())
      if (found.total !== 1 || found.items[0].id !== made.id) throw new Error(`searching ${stamp} finds ${JSON.stringify(found.items.map((p) => p.title))}`)
      await expectText(s.page, '[data-testid="policy-table"]', title)

      // 通知设置 words the new kind.
      await s.page.goto(`${base()}/account`)
      await expectText(s.page, '[data-testid="notify-prefs"]', '政策即将到期')
      assertNoProblems(s.problems)
    },
  )

  scenario(
    '可享政策: receiver sees the policies a park project can claim with the conditions met, and the near misses with what is missing in Chinese',
    async () => {
      const s = await newSession()
      await s.page.setViewportSize({ width: 1440, height: 900 })
      await loginAs(s.page, 'receiver')
      const found = await apiGet(s.page, `/projects?q=${encodeURIComponent(PROJECT)}`)
      const project = found.body.items?.find((p) => p.name === PROJECT)
      if (!project) throw new Error(`receiver does not see ${PROJECT}`)
      const answer = (await apiGet(s.page, `/projects/${project.id}/policies`)).body
      const near = answer.items.filter((p) => p.fit === 'near_miss').map((p) => p.title)
      if (!answer.matches || !near.includes(HIGH_TECH) || !near.includes(FOREIGN))
        throw new Error(`the server's answer for ${PROJECT}: ${answer.matches} matches, near misses ${near.join(',')}`)
      await s.page.goto(`${base()}/projects/${project.id}`)
      await expectText(s.page, '[data-testid="project-name"]', PROJECT)
      await expectText(s.page, '#tab-policies', `可享政策 ${answer.matches}`)
      await s.page.locator('#tab-policies').click()
      await expectText(s.page, '[data-testid="policy-matches-title"]', `可享政策 ${answer.matches} 项`)
      await expectText(s.page, '[data-testid="policy-match"]', '安徽省制造业高质量发展专项资金管理办法')
      await expectText(s.page, '[data-testid="policy-met"]', '行业符合：C 制造业')
      await expectText(s.page, '[data-testid="policy-met"]', '投资额达到 5,000 万元')
      const highTech = s.page.locator('[data-testid="policy-near-miss"]').filter({ hasText: HIGH_TECH })
      await highTech.waitFor()
      const missing = (await highTech.locator('[data-testid="policy-missing"]').allTextContents()).map((x) => x.trim())
      if (missing.join() !== '需在安庆高新技术产业开发区落地') throw new Error(`${HIGH_TECH} misses ${JSON.stringify(missing)}`)
      await expectText(s.page, '[data-testid="policy-near-miss"]', '限外资项目')
      // A policy opens from here.
      await s.page.locator('[data-testid="policy-near-miss"]').filter({ hasText: HIGH_TECH }).locator('[data-testid="policy-fit-title"]').click()
      await expectText(s.page, '[data-testid="policy-title"]', HIGH_TECH)
      await expectText(s.page, '[data-testid="policy-locations"]', '安庆高新技术产业开发区')
      await s.page.goBack()
      await s.page.locator('#tab-policies').click()
      await tid(s.page, 'project-policies').scrollIntoViewIfNeeded()
      await settled(s.page)
      await shot(s.page, 'pol-05-project-policies')
      assertNoProblems(s.problems)
    },
  )

  scenario('可享政策预览: the lead form shows the policies a lead would meet once its industry and investment are typed', async () => {
    const s = await newSession()
    await s.page.setViewportSize({ width: 1440, height: 900 })
    await loginAs(s.page, 'promoter')
    await s.page.goto(`${base()}/projects/new`)
    await expectText(s.page, '[data-testid="policy-preview-empty"]', '填写所属行业或总投资后显示可享政策')
    await pickIndustry(s.page, tid(s.page, 'field-industry'), '3841', '锂离子电池制造')
    const [res] = await Promise.all([
      s.page.waitForResponse((r) => isApi(r, 'POST', /\/api\/v1\/policies\/match$/) && JSON.parse(r.request().postData() ?? '{}').total_investment_yuan === 30_000_000),
      s.page.locator('input[data-testid="lead-total"]').fill('3000'),
    ])
    if (res.status() !== 200) throw new Error(`POST /policies/match → HTTP ${res.status()}`)
    const body = await res.json()
    const sent = JSON.parse(res.request().postData() ?? '{}')
    if (sent.industry_code !== '3841') throw new Error(`the preview sent ${JSON.stringify(sent)}`)
    await expectText(s.page, '[data-testid="policy-preview"] [data-testid="policy-matches-title"]', `${body.matches} 项可享政策`)
    // 5,000 万元 for the provincial manufacturing fund: 3,000 万元 is short of it.
    await expectText(s.page, '[data-testid="policy-preview"] [data-testid="policy-missing"]', '投资额须达 5,000 万元（本项目 3,000 万元）')
    await tid(s.page, 'policy-preview').scrollIntoViewIfNeeded()
    await settled(s.page)
    await shot(s.page, 'pol-06-lead-preview')
    assertNoProblems(s.problems)
  })

  scenario('政策库 at 390 px: the list as cards, a policy, the form with its messages, 可享政策 and the lead preview fit the phone; English once', async () => {
    const s = await phoneSession()
    await loginAs(s.page, 'coordinator')
    await s.page.goto(`${base()}/policies`)
    await tid(s.page, 'policy-cards').waitFor()
    await s.page.locator('[data-testid="policy-cards"] [data-testid="policy-row"]').first().waitFor()
    await fitsWidth(s.page, tid(s.page, 'page-policies'), 'the policy list at 390 px')
    await settled(s.page)
    await shot(s.page, 'pol-11-phone-list')
    await s.page.locator('[data-testid="policy-cards"] [data-testid="policy-row"]').filter({ hasText: EXPIRING }).click()
    await expectText(s.page, '[data-testid="policy-title"]', EXPIRING)
    await fitsWidth(s.page, tid(s.page, 'page-policy'), 'a policy at 390 px')
    await settled(s.page)
    await shot(s.page, 'pol-12-phone-detail')
    await s.page.goto(`${base()}/policies/new`)
    await tid(s.page, 'policy-save').click()
    await expectText(s.page, fieldError(s.page, 'title'), '请填写政策名称')
    await tid(s.page, 'policy-grant-add').click()
    await fitsWidth(s.page, tid(s.page, 'page-policy-form'), 'the policy form at 390 px')
    await tid(s.page, 'policy-field-title').scrollIntoViewIfNeeded()
    await settled(s.page)
    await shot(s.page, 'pol-13-phone-form-errors')

    // English: the list's words, no codes.
    await s.page.evaluate(() => localStorage.setItem('zs.locale', 'en'))
    await s.page.goto(`${base()}/policies`)
    await expectText(s.page, '[data-testid="page-policies"]', 'Policy library')
    await expectText(s.page, '[data-testid="policy-cards"] [data-testid="policy-state"]', 'Expiring soon')
    await expectText(s.page, '[data-testid="policy-expiring-banner"]', 'One policy ends within 90 days')
    const states = (await s.page.locator('[data-testid="policy-state"]').allTextContents()).map((x) => x.trim())
    if (states.some((x) => /[a-z]+_[a-z]+/.test(x) || /[\u4e00-\u9fff]/.test(x))) throw new Error(`English state tags: ${states.join(',')}`)
    await fitsWidth(s.page, tid(s.page, 'page-policies'), 'the English policy list at 390 px')
    await settled(s.page)
    await shot(s.page, 'pol-14-phone-list-en')
    await s.page.evaluate(() => localStorage.setItem('zs.locale', 'zh-CN'))

    // receiver's project section on the phone.
    const r = await phoneSession()
    await loginAs(r.page, 'receiver')
    const found = await apiGet(r.page, `/projects?q=${encodeURIComponent(PROJECT)}`)
    const project = found.body.items?.find((p) => p.name === PROJECT)
    if (!project) throw new Error(`receiver does not see ${PROJECT}`)
    await r.page.goto(`${base()}/projects/${project.id}`)
    await r.page.locator('#tab-policies').click()
    await expectText(r.page, '[data-testid="policy-near-miss"]', '需在安庆高新技术产业开发区落地')
    await fitsWidth(r.page, tid(r.page, 'project-policies'), '可享政策 at 390 px')
    await tid(r.page, 'project-policies').scrollIntoViewIfNeeded()
    await settled(r.page)
    await shot(r.page, 'pol-15-phone-project-policies')
    // and in English
    await r.page.evaluate(() => localStorage.setItem('zs.locale', 'en'))
    await r.page.reload()
    await r.page.locator('#tab-policies').click()
    await expectText(r.page, '[data-testid="policy-near-miss"]', 'Must be located in')
    await expectText(r.page, '[data-testid="policy-near-misses-title"]', 'One condition short')
    await fitsWidth(r.page, tid(r.page, 'project-policies'), '可享政策 in English at 390 px')
    await tid(r.page, 'policy-near-misses').scrollIntoViewIfNeeded()
    await settled(r.page)
    await shot(r.page, 'pol-16-phone-project-policies-en')
    await r.page.evaluate(() => localStorage.setItem('zs.locale', 'zh-CN'))

    // The lead form's preview on the phone (promoter).
    const p = await phoneSession()
    await loginAs(p.page, 'promoter')
    await p.page.goto(`${base()}/projects/new`)
    await pickIndustry(p.page, tid(p.page, 'field-industry'), '3841', '锂离子电池制造')
    await p.page.locator('input[data-testid="lead-total"]').fill('3000')
    await expectText(p.page, '[data-testid="policy-preview"] [data-testid="policy-missing"]', '投资额须达 5,000 万元（本项目 3,000 万元）')
    await fitsWidth(p.page, tid(p.page, 'policy-preview'), 'the lead form’s policy preview at 390 px')
    await tid(p.page, 'policy-preview').scrollIntoViewIfNeeded()
    await settled(p.page)
    await shot(p.page, 'pol-17-phone-lead-preview')
    assertNoProblems(s.problems)
    assertNoProblems(r.problems)
    assertNoProblems(p.problems)
  })
}
