// Browser scenarios of 一线提问 (questions from the front line): promoter asks an expert from a project
// page (a script in the details is refused in words under the field and the message goes once fixed; the
// project is shown read-only and sent) and finds the question under 我的提问; the expert answers it in a
// browser of their own and the promoter's bell counts it, the inbox naming it and opening the question; the
// coordinator takes the answer into the guide (asked first) and lands on the new article, the question then
// saying 已收入指南; the search finds the answer's two-character word as a 一线提问 hit, marked, opening the
// question; the list, a question, the ask dialog and the search at 1440 and 390 px in both languages. run.mjs
// hands its helpers to `register`. Every question asked here is stamped per run, so the scenarios repeat on
// the same database.

/** @param {Record<string, any>} h the helpers of run.mjs */
export function register(h) {
  const { scenario, newSession, loginAs, tid, shot, expectText, expectPath, assertNoProblems } = h
  const { fitsWidth, apiGet, apiSend, isApi, settled, pickOption, base } = h

  const stamp = Date.now().toString(36)
  const TITLE = `E2E先给用地指标再注册怎么谈${stamp}`
  const BODY = `投资方坚持先落实用地指标。\n\n- 意向投资 8 亿元\n- 编号 ${stamp}`
  // A two-character word no demo text holds: the search finds it in this answer only (and its article).
  const WORD = '鲲鹏'
  const ANSWER = `先签**投资框架协议**，写明用地规模和注册时限。\n\n1. 注册前不承诺具体地块\n2. 可参照${WORD}产业园的做法 ${stamp}`

  /** The question of the first scenario: { id, title, projectId, projectName } (asked through the API when it did not run). */
  let asked = null
  /** The answer of the second: { id } */
  let answered = null

  /** A project promoter may read. */
  async function promotersProject(page) {
    const r = await apiGet(page, '/projects?page=1&page_size=5')
    const p = r.body.items?.[0]
    if (!p) throw new Error(`promoter reads no project: ${JSON.stringify(r.body).slice(0, 200)}`)
    return p
  }

  async function ensureAsked() {
    if (asked) return asked
    const s = await newSession()
    await loginAs(s.page, 'promoter')
    const p = await promotersProject(s.page)
    const r = await apiSend(s.page, 'POST', '/guide/questions', { topic: 'technique', title: TITLE, body: BODY, project_id: p.id })
    if (r.status !== 201) throw new Error(`POST /guide/questions → HTTP ${r.status} ${JSON.stringify(r.body)}`)
    asked = { id: r.body.id, title: TITLE, projectId: p.id, projectName: p.name }
    await s.close()
    return asked
  }

  async function ensureAnswered() {
    const q = await ensureAsked()
    if (answered) return answered
    const s = await newSession()
    await loginAs(s.page, 'expert')
    const r = await apiSend(s.page, 'POST', `/guide/questions/${q.id}/answers`, { body: ANSWER })
    if (r.status !== 201) throw new Error(`POST /guide/questions/${q.id}/answers → HTTP ${r.status} ${JSON.stringify(r.body)}`)
    answered = { id: r.body.answers.at(-1).id }
    await s.close()
    return answered
  }

  const fieldError = (field) => `[data-testid="qa-field-${field}"] .el-form-item__error`

  scenario('一线提问: promoter asks an expert from a project page (the project prefilled, a script refused under the details) and finds it under 我的提问', async () => {
    const s = await newSession()
    await s.page.setViewportSize({ width: 1440, height: 900 })
    await loginAs(s.page, 'promoter')
    const p = await promotersProject(s.page)
    await s.page.goto(`${base()}/projects/${p.id}`)
    await expectText(s.page, '[data-testid="project-name"]', p.name)
    await tid(s.page, 'project-ask').click()
    const dialog = s.page.locator('[data-testid="qa-ask-dialog"]')
    await dialog.waitFor()
    await expectText(s.page, '[data-testid="qa-ask-dialog"] .el-dialog__title', '就本项目向专家提问')
    await expectText(s.page, '[data-testid="qa-ask-project"]', p.name)
    // Nothing chosen: the browser says so under each required field, nothing is sent.
    await tid(s.page, 'qa-ask-submit').click()
    await expectText(s.page, fieldError('topic'), '请选择主题')
    await expectText(s.page, fieldError('title'), '请填写问题')
    await pickOption(s.page, tid(s.page, 'qa-field-topic'), '招商技巧')
    await s.page.waitForFunction(() => !document.querySelector('[data-testid="qa-field-topic"].is-error'))
    await s.page.locator('input[data-testid="qa-ask-title"]').fill(TITLE)
    await s.page.locator('textarea[data-testid="qa-ask-body"]').fill(`${BODY}\n\n<script>alert(1)</script>`)
    const [refused] = await Promise.all([
      s.page.waitForResponse((r) => isApi(r, 'POST', /\/api\/v1\/guide\/questions$/)),
      tid(s.page, 'qa-ask-submit').click(),
    ])
    const why = await refused.json()
    if (refused.status() !== 400 || why.error?.fields?.body !== 'html_not_allowed') throw new Error(`a script → HTTP ${refused.status()} ${JSON.stringify(why)}`)
    await expectText(s.page, fieldError('body'), '补充说明不能包含 HTML 或脚本')
    await settled(s.page)
    await shot(s.page, 'qa-01-ask-refused')
    // Fixed: the message goes as the text changes.
    await s.page.locator('textarea[data-testid="qa-ask-body"]').fill(BODY)
    await s.page.waitForFunction(() => !document.querySelector('[data-testid="qa-field-body"].is-error'))
    const [created] = await Promise.all([
      s.page.waitForResponse((r) => isApi(r, 'POST', /\/api\/v1\/guide\/questions$/)),
      tid(s.page, 'qa-ask-submit').click(),
    ])
    if (created.status() !== 201) throw new Error(`ask → HTTP ${created.status()} ${await created.text()}`)
    const sent = JSON.parse(created.request().postData() ?? '{}')
    if (sent.topic !== 'technique' || sent.title !== TITLE || sent.body !== BODY || sent.project_id !== p.id)
      throw new Error(`the dialog sent ${JSON.stringify(sent)}`)
    const q = await created.json()
    asked = { id: q.id, title: TITLE, projectId: p.id, projectName: p.name }
    // The question's page: the details rendered, the project linked back, no answer yet, no answer box.
    await expectPath(s.page, `/guide/questions/${q.id}`)
    await expectText(s.page, '[data-testid="qa-title"]', TITLE)
    await expectText(s.page, '[data-testid="qa-status"]', '待解答')
    await expectText(s.page, '[data-testid="qa-body"] li', '意向投资 8 亿元')
    await expectText(s.page, '[data-testid="qa-asker"]', '张伟')
    await expectText(s.page, 'a[data-testid="qa-project"]', p.name)
    await tid(s.page, 'qa-no-answers').waitFor()
    if (await tid(s.page, 'qa-answer-form').count()) throw new Error('promoter is offered the answer box')
    await settled(s.page)
    await shot(s.page, 'qa-02-asked')

    // 一线提问 from the guide's section links, then 我的提问: the question heads the list.
    await s.page.locator('[data-testid="menu-/guide"]').click()
    await expectPath(s.page, '/guide')
    await tid(s.page, 'guide-nav-questions').click()
    await expectPath(s.page, '/guide/questions')
    await s.page.locator('[data-testid="qa-table"] [data-testid="qa-row"]').first().waitFor()
    const [mine] = await Promise.all([
      s.page.waitForResponse((r) => isApi(r, 'GET', /\/api\/v1\/guide\/questions$/) && new URL(r.url()).searchParams.get('mine') === '1'),
      tid(s.page, 'qa-mine').click(),
    ])
    const list = await mine.json()
    if (list.items?.[0]?.id !== q.id || list.items.some((x) => x.asked_by_name !== '张伟')) throw new Error(`我的提问 lists ${JSON.stringify(list.items?.map((x) => x.title))}`)
    await s.page.waitForURL((u) => u.searchParams.get('mine') === '1')
    const row = s.page.locator(`[data-testid="qa-table"] [data-testid="qa-row"][data-id="${q.id}"]`)
    await row.waitFor()
    await expectText(s.page, '[data-testid="qa-table"] .el-table__body tr:first-child', '待解答')
    await expectText(s.page, '[data-testid="qa-table"] .el-table__body tr:first-child', '招商技巧')
    await expectText(s.page, '[data-testid="qa-table"] .el-table__body tr:first-child', '驻上海招商组')
    await settled(s.page)
    await shot(s.page, 'qa-03-mine')
    // The address keeps the filter: a reload shows the same list.
    await s.page.reload()
    await s.page.locator(`[data-testid="qa-table"] [data-testid="qa-row"][data-id="${q.id}"]`).waitFor()
    if (!(await s.page.locator('[data-testid="qa-mine"] input').isChecked())) throw new Error('我的提问 is not kept over a reload')
    assertNoProblems(s.problems)
  })

  scenario('一线提问: the expert answers in a browser of their own; promoter’s bell counts it and the inbox opens the question', async () => {
    const q = await ensureAsked()
    const p = await newSession()
    await p.page.setViewportSize({ width: 1440, height: 900 })
    await loginAs(p.page, 'promoter')
    const before = (await apiGet(p.page, '/notifications/unread-count')).body.unread

    const e = await newSession()
    await e.page.setViewportSize({ width: 1440, height: 900 })
    await loginAs(e.page, 'expert')
    await e.page.locator('[data-testid="menu-/guide"]').click()
    await tid(e.page, 'guide-nav-questions').click()
    await expectPath(e.page, '/guide/questions')
    await pickOption(e.page, tid(e.page, 'qa-filters'), '待解答')
    await e.page.waitForURL((u) => u.searchParams.get('status') === 'open')
    const row = e.page.locator(`[data-testid="qa-table"] [data-testid="qa-row"][data-id="${q.id}"]`)
    await row.waitFor()
    await row.locator('[data-testid="qa-row-title"]').click()
    await expectPath(e.page, `/guide/questions/${q.id}`)
    // The expert may not read the project: no link to it (the server sends none).
    await tid(e.page, 'qa-answer-form').waitFor()
    if (await tid(e.page, 'qa-project').count()) throw new Error('the expert is shown the project')
    if (await tid(e.page, 'qa-promote').count()) throw new Error('the expert is offered 收入指南')
    // An empty answer is refused before sending.
    await tid(e.page, 'qa-answer-submit').click()
    await expectText(e.page, fieldError('answer'), '请填写解答')
    await e.page.locator('textarea[data-testid="qa-answer-body"]').fill(ANSWER)
    await e.page.waitForFunction(() => !document.querySelector('[data-testid="qa-field-answer"].is-error'))
    const [res] = await Promise.all([
      e.page.waitForResponse((r) => isApi(r, 'POST', new RegExp(`/api/v1/guide/questions/${q.id}/answers$`))),
      tid(e.page, 'qa-answer-submit').click(),
    ])
    if (res.status() !== 201) throw new Error(`answer → HTTP ${res.status()} ${await res.text()}`)
    const after = await res.json()
    answered = { id: after.answers.at(-1).id }
    await expectText(e.page, '[data-testid="qa-answer"] [data-testid="qa-answer-by"]', '王建国')
    await expectText(e.page, '[data-testid="qa-answer"] strong', '投资框架协议')
    await expectText(e.page, '[data-testid="qa-status"]', '已解答')
    await expectText(e.page, '[data-testid="qa-answers-title"]', '解答（1）')
    if ((await e.page.locator('textarea[data-testid="qa-answer-body"]').inputValue()) !== '') throw new Error('the answer box keeps the text')
    await settled(e.page)
    await shot(e.page, 'qa-04-answered')

    // Promoter: the bell counts one more once a page is opened, the inbox words it and opens the question.
    await p.page.goto(`${base()}/workbench`)
    await p.page.waitForFunction((n) => document.querySelector('[data-testid="inbox-bell"]')?.getAttribute('data-unread') === String(n), before + 1)
    await tid(p.page, 'inbox-bell').click()
    await expectPath(p.page, '/notifications')
    const item = p.page.locator('[data-testid="inbox-item"][data-kind="qa_answered"]').filter({ hasText: q.title }).first()
    await item.waitFor()
    await expectText(p.page, '[data-testid="inbox-item"][data-kind="qa_answered"] [data-testid="inbox-text"]', `您的提问「${q.title}」有了解答`)
    await expectText(p.page, '[data-testid="inbox-item"][data-kind="qa_answered"] [data-testid="inbox-go"]', '查看提问')
    await settled(p.page)
    await shot(p.page, 'qa-05-inbox')
    await item.locator('.row-button').click()
    await expectPath(p.page, `/guide/questions/${q.id}`)
    await expectText(p.page, '[data-testid="qa-answer"]', '注册前不承诺具体地块')
    await p.page.waitForFunction((n) => document.querySelector('[data-testid="inbox-bell"]')?.getAttribute('data-unread') === String(n), before)
    assertNoProblems(e.problems)
    assertNoProblems(p.problems)
  })

  scenario('一线提问: the coordinator takes the answer into the guide (asked first) and lands on the new article; the question then says 已收入指南', async () => {
    const q = await ensureAsked()
    await ensureAnswered()
    const s = await newSession()
    await s.page.setViewportSize({ width: 1440, height: 900 })
    await loginAs(s.page, 'coordinator')
    await s.page.goto(`${base()}/guide/questions/${q.id}`)
    await expectText(s.page, '[data-testid="qa-title"]', q.title)
    await tid(s.page, 'qa-answer-form').waitFor()
    const promote = s.page.locator('[data-testid="qa-answer"]').filter({ hasText: '投资框架协议' }).locator('[data-testid="qa-promote"]')
    // Cancelling sends nothing.
    let posted = 0
    s.page.on('request', (r) => {
      if (r.method() === 'POST' && /\/guide\/questions\/\d+\/promote$/.test(r.url())) posted++
    })
    await promote.click()
    const box = s.page.locator('.el-message-box.qa-promote-confirm:visible')
    await box.waitFor()
    await expectText(s.page, '.el-message-box.qa-promote-confirm', '招商技巧')
    await settled(s.page)
    await shot(s.page, 'qa-06-promote-confirm')
    await box.locator('.el-message-box__btns .el-button:not(.el-button--primary)').click()
    await box.waitFor({ state: 'hidden' })
    if (posted) throw new Error('a cancelled 收入指南 was sent')
    await promote.click()
    await box.waitFor()
    const [res] = await Promise.all([
      s.page.waitForResponse((r) => isApi(r, 'POST', new RegExp(`/api/v1/guide/questions/${q.id}/promote$`))),
      box.locator('.el-message-box__btns .el-button--primary').click(),
    ])
    if (res.status() !== 201) throw new Error(`promote → HTTP ${res.status()} ${await res.text()}`)
    const article = await res.json()
    await expectPath(s.page, `/guide/articles/${article.id}`)
    await expectText(s.page, '[data-testid="article-title"]', q.title)
    await expectText(s.page, '[data-testid="article-category"]', '招商技巧')
    await expectText(s.page, '[data-testid="article-html"]', '注册前不承诺具体地块')
    await tid(s.page, 'article-edit').waitFor()
    await settled(s.page)
    await shot(s.page, 'qa-07-article')
    // The question links to it; 收入指南 is no longer offered.
    await s.page.goto(`${base()}/guide/questions/${q.id}`)
    await tid(s.page, 'qa-promoted').waitFor()
    if (await tid(s.page, 'qa-promote').count()) throw new Error('收入指南 is still offered on a promoted question')
    await tid(s.page, 'qa-article-link').click()
    await expectPath(s.page, `/guide/articles/${article.id}`)
    // The list marks it 已收入指南, linking to the article.
    await s.page.goto(`${base()}/guide/questions?topic=technique`)
    const tag = s.page.locator(`[data-testid="qa-row"][data-id="${q.id}"] [data-testid="qa-row-article"]`)
    await tag.waitFor()
    await expectText(s.page, `[data-testid="qa-row"][data-id="${q.id}"] [data-testid="qa-row-article"]`, '已收入指南')
    await settled(s.page)
    await shot(s.page, 'qa-08-list-promoted')
    await tag.click()
    await expectPath(s.page, `/guide/articles/${article.id}`)
    // Promoted again behind the page's back: 409 already_promoted, said in words (the server keeps one article).
    const again = await apiSend(s.page, 'POST', `/guide/questions/${q.id}/promote`, { answer_id: answered.id })
    if (again.status !== 409 || again.body.error?.code !== 'already_promoted') throw new Error(`a second promote → ${again.status} ${JSON.stringify(again.body)}`)
    assertNoProblems(s.problems)
  })

  scenario(`全文搜索: ${WORD} from the answer is a 一线提问 hit, marked, opening the question`, async () => {
    const q = await ensureAsked()
    await ensureAnswered()
    const s = await newSession()
    await s.page.setViewportSize({ width: 1440, height: 900 })
    await loginAs(s.page, 'promoter')
    await s.page.goto(`${base()}/guide`)
    await s.page.locator('input[data-testid="guide-search-input"]').fill(WORD)
    const [res] = await Promise.all([
      s.page.waitForResponse((r) => isApi(r, 'GET', /\/api\/v1\/search$/) && new URL(r.url()).searchParams.get('q') === WORD),
      s.page.locator('input[data-testid="guide-search-input"]').press('Enter'),
    ])
    const body = await res.json()
    if (res.status() !== 200 || !body.kinds.includes('qa')) throw new Error(`GET /search → HTTP ${res.status()} kinds ${JSON.stringify(body.kinds)}`)
    if (!body.items.some((i) => i.kind === 'qa' && i.ref_id === q.id)) throw new Error(`the server found no qa hit ${q.id}: ${JSON.stringify(body.items.map((i) => [i.kind, i.ref_id]))}`)
    await expectPath(s.page, '/guide/search')
    const hit = s.page.locator('[data-testid="search-result"][data-kind="qa"]').filter({ hasText: q.title })
    await hit.waitFor()
    await expectText(s.page, '[data-testid="search-result"][data-kind="qa"] [data-testid="search-result-kind"]', '一线提问')
    const marks = await hit.locator('mark').allTextContents()
    if (!marks.length || marks.some((m) => m !== WORD)) throw new Error(`the hit's marks: ${JSON.stringify(marks)}`)
    // Only 一线提问: the kind stays in the address.
    await tid(s.page, 'search-kind-qa').click()
    await s.page.waitForURL((u) => u.searchParams.get('kind') === 'qa' && u.searchParams.get('q') === WORD)
    await hit.waitFor()
    if (await s.page.locator('[data-testid="search-result"]:not([data-kind="qa"])').count()) throw new Error('一线提问 lists other kinds')
    await settled(s.page)
    await shot(s.page, 'qa-09-search')
    await hit.locator('a[data-testid="search-result-title"]').click()
    await expectPath(s.page, `/guide/questions/${q.id}`)
    await expectText(s.page, '[data-testid="qa-answer"]', WORD)
    assertNoProblems(s.problems)
  })

  scenario('一线提问 at 1440 and 390 px in both languages: the list, a question, the ask dialog and the search fit, in words, no codes', async () => {
    const q = await ensureAsked()
    await ensureAnswered()
    const s = await newSession()
    await s.page.setViewportSize({ width: 1440, height: 900 })
    await loginAs(s.page, 'coordinator')
    for (const lang of ['zh-CN', 'en']) {
      await s.page.evaluate((l) => localStorage.setItem('zs.locale', l), lang)
      const en = lang === 'en'
      for (const [w, h] of [
        [1440, 900],
        [390, 844],
      ]) {
        const tag = `${en ? 'en' : 'zh'}-${w}`
        await s.page.setViewportSize({ width: w, height: h })
        await s.page.goto(`${base()}/guide/questions`)
        const rows = w < 768 ? '[data-testid="qa-cards"] [data-testid="qa-row"]' : '[data-testid="qa-table"] [data-testid="qa-row"]'
        await s.page.locator(rows).first().waitFor()
        await expectText(s.page, '[data-testid="guide-nav-questions"]', en ? 'Front-line questions' : '一线提问')
        const topics = (await s.page.locator('[data-testid="qa-row-topic"]').allTextContents()).map((x) => x.trim())
        if (!topics.length || topics.some((x) => /^[a-z_]+$/.test(x) || (en && /[\u4e00-\u9fff]/.test(x)))) throw new Error(`${tag} topic tags: ${topics.join(',')}`)
        await fitsWidth(s.page, tid(s.page, 'page-guide-questions'), `the questions list ${tag}`)
        await settled(s.page)
        await shot(s.page, `qa-1x-list-${tag}`)
        await tid(s.page, 'qa-ask-open').click()
        await s.page.locator('[data-testid="qa-ask-dialog"]').waitFor()
        await expectText(s.page, '[data-testid="qa-ask-dialog"] .el-dialog__title', en ? 'Ask a question' : '我要提问')
        await fitsWidth(s.page, s.page.locator('[data-testid="qa-ask-dialog"]'), `the ask dialog ${tag}`)
        await settled(s.page)
        await shot(s.page, `qa-1x-ask-${tag}`)
        await s.page.keyboard.press('Escape')
        await s.page.locator('[data-testid="qa-ask-dialog"]').waitFor({ state: 'hidden' })
        await s.page.goto(`${base()}/guide/questions/${q.id}`)
        await expectText(s.page, '[data-testid="qa-status"]', en ? 'Answered' : '已解答')
        await expectText(s.page, '[data-testid="qa-answers-title"]', en ? 'Answers' : '解答')
        await tid(s.page, 'qa-answer-form').waitFor()
        await fitsWidth(s.page, tid(s.page, 'page-guide-question'), `a question ${tag}`)
        await settled(s.page)
        await shot(s.page, `qa-1x-question-${tag}`)
        await s.page.goto(`${base()}/guide/search?q=${encodeURIComponent(WORD)}`)
        await s.page.locator('[data-testid="search-result"][data-kind="qa"] mark').first().waitFor()
        await expectText(s.page, '[data-testid="search-result"][data-kind="qa"] [data-testid="search-result-kind"]', en ? 'Front-line question' : '一线提问')
        await fitsWidth(s.page, tid(s.page, 'page-guide-search'), `the search ${tag}`)
        await settled(s.page)
        await shot(s.page, `qa-1x-search-${tag}`)
      }
    }
    // The project page's 向专家提问 on a phone.
    await s.page.evaluate(() => localStorage.setItem('zs.locale', 'zh-CN'))
    const p = await promotersProject(s.page)
    await s.page.goto(`${base()}/projects/${p.id}`)
    await tid(s.page, 'project-ask').click()
    await expectText(s.page, '[data-testid="qa-ask-project"]', p.name)
    await fitsWidth(s.page, s.page.locator('[data-testid="qa-ask-dialog"]'), 'the ask dialog of a project at 390 px')
    await settled(s.page)
    await shot(s.page, 'qa-1x-ask-project-zh-390')
    assertNoProblems(s.problems)
  })
}
