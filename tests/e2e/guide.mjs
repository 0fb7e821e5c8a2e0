// Browser scenarios of 招商指南 (the guide): the coordinator writes an article through the editor (a
// heading and a list, previewed live), reads it rendered, edits it with a 修改说明 and compares the two
// versions (one line added, one removed); a script in the body is refused in Chinese under the body and
// nothing is saved; promoter reads the article (no 编辑, the read counted); the search marks 用地 in the
// demo policies and finds the article; the booklet prints with its pages; the list, an article, the
// search and the editor fit a phone, in both languages. run.mjs hands its helpers to `register`. Every
// article written here is stamped per run, so the scenarios repeat on the same database.

/** @param {Record<string, any>} h the helpers of run.mjs */
export function register(h) {
  const { scenario, newSession, phoneSession, loginAs, tid, shot, expectText, expectPath, assertNoProblems } = h
  const { fitsWidth, apiGet, apiSend, isApi, settled, pickOption, openDrawer, base } = h

  const stamp = Date.now().toString(36)
  const TITLE = `E2E拜访准备${stamp}`
  const BODY_V1 = `# 拜访准备\n\n- 了解企业主营业务 ${stamp}\n- 带上园区名片\n\n## 用地与要素\n\n工业用地、用电和用工条件先问清楚。\n`
  const BODY_V2 = BODY_V1.replace('- 带上园区名片\n', '- 带上园区名片和载体清单\n')
  /** The article of the first scenario: { id, title } (written through the API when that scenario did not run). */
  let written = null

  async function ensureArticle() {
    if (written) return written
    const s = await newSession()
    await loginAs(s.page, 'coordinator')
    const r = await apiSend(s.page, 'POST', '/guide/articles', { category: 'technique', title: TITLE, body: BODY_V2, note: '初稿' })
    if (r.status !== 201) throw new Error(`POST /guide/articles → HTTP ${r.status} ${JSON.stringify(r.body)}`)
    written = { id: r.body.id, title: TITLE }
    await s.close()
    return written
  }

  /** Fail on any browser dialog (a script that ran would open one). */
  function noDialogs(s) {
    s.page.on('dialog', async (d) => {
      s.problems.push(`a browser dialog opened: ${d.message()}`)
      await d.dismiss().catch(() => undefined)
    })
  }

  const fieldError = (field) => `[data-testid="guide-field-${field}"] .el-form-item__error`

  scenario(
    '招商指南: the coordinator writes an article with a heading and a list, sees it rendered, edits it with a note and compares the versions (+1 −1)',
    async () => {
      const s = await newSession()
      noDialogs(s)
      await s.page.setViewportSize({ width: 1440, height: 900 })
      await loginAs(s.page, 'coordinator')
      await s.page.locator('[data-testid="menu-/guide"]').click()
      await expectPath(s.page, '/guide')
      await tid(s.page, 'guide-create').click()
      await expectPath(s.page, '/guide/articles/new')
      await pickOption(s.page, tid(s.page, 'guide-field-category'), '招商技巧')
      await s.page.locator('input[data-testid="guide-title"]').fill(TITLE)
      const [previewed] = await Promise.all([
        s.page.waitForResponse((r) => isApi(r, 'POST', /\/api\/v1\/guide\/preview$/) && r.request().postData()?.includes(stamp)),
        s.page.locator('textarea[data-testid="guide-body"]').fill(BODY_V1),
      ])
      if (previewed.status() !== 200) throw new Error(`POST /guide/preview → HTTP ${previewed.status()}`)
      // The live preview beside the text.
      await expectText(s.page, '[data-testid="guide-preview"] h1', '拜访准备')
      await expectText(s.page, '[data-testid="guide-preview"] li', '带上园区名片')
      await s.page.locator('input[data-testid="guide-note"]').fill('初稿')
      await settled(s.page)
      await shot(s.page, 'guide-01-editor')
      const [created] = await Promise.all([
        s.page.waitForResponse((r) => isApi(r, 'POST', /\/api\/v1\/guide\/articles$/)),
        tid(s.page, 'guide-save').click(),
      ])
      if (created.status() !== 201) throw new Error(`create → HTTP ${created.status()} ${await created.text()}`)
      const sent = JSON.parse(created.request().postData() ?? '{}')
      if (sent.body !== BODY_V1 || sent.category !== 'technique' || sent.note !== '初稿' || 'owner_unit_id' in sent)
        throw new Error(`the editor sent ${JSON.stringify(sent)}`)
      const made = await created.json()
      written = { id: made.id, title: TITLE }
      await expectPath(s.page, `/guide/articles/${made.id}`)
      await expectText(s.page, '[data-testid="article-title"]', TITLE)
      await expectText(s.page, '[data-testid="article-category"]', '招商技巧')
      await expectText(s.page, '[data-testid="article-version"]', '第 1 版')
      await expectText(s.page, '[data-testid="article-owner"]', '安庆市投资促进局')
      // Rendered: the heading and the list as HTML, the table of contents from the headings.
      await expectText(s.page, '[data-testid="article-html"] h1', '拜访准备')
      await expectText(s.page, '[data-testid="article-html"] h2', '用地与要素')
      const items = await s.page.locator('[data-testid="article-html"] ul > li').allTextContents()
      if (items.length !== 2 || !items[1].includes('带上园区名片')) throw new Error(`the list reads ${JSON.stringify(items)}`)
      const toc = (await s.page.locator('[data-testid="article-toc-item"]').allTextContents()).map((x) => x.trim())
      if (toc.join('|') !== '拜访准备|用地与要素') throw new Error(`the contents read ${JSON.stringify(toc)}`)
      await tid(s.page, 'article-edit').waitFor()
      await settled(s.page)
      await shot(s.page, 'guide-02-article')

      // 编辑: one line changed, with a 修改说明.
      await tid(s.page, 'article-edit').click()
      await expectPath(s.page, `/guide/articles/${made.id}/edit`)
      const loaded = await s.page.locator('textarea[data-testid="guide-body"]').inputValue()
      if (loaded !== BODY_V1) throw new Error(`the editor loaded ${JSON.stringify(loaded)}`)
      await s.page.locator('textarea[data-testid="guide-body"]').fill(BODY_V2)
      await s.page.locator('input[data-testid="guide-note"]').fill('补充载体清单')
      const [updated] = await Promise.all([
        s.page.waitForResponse((r) => isApi(r, 'PUT', new RegExp(`/api/v1/guide/articles/${made.id}$`))),
        tid(s.page, 'guide-save').click(),
      ])
      if (updated.status() !== 200) throw new Error(`update → HTTP ${updated.status()} ${await updated.text()}`)
      const put = JSON.parse(updated.request().postData() ?? '{}')
      if (put.version !== 1 || put.note !== '补充载体清单') throw new Error(`the edit sent ${JSON.stringify(put)}`)
      await expectPath(s.page, `/guide/articles/${made.id}`)
      await expectText(s.page, '.el-message', '已保存为第 2 版')
      await expectText(s.page, '[data-testid="article-version"]', '第 2 版')
      await expectText(s.page, '[data-testid="article-html"] li', '带上园区名片和载体清单')

      // 版本历史: the previous version against the current one by default.
      await tid(s.page, 'article-versions').click()
      await expectPath(s.page, `/guide/articles/${made.id}/versions`)
      await expectText(s.page, '[data-testid="version-note"]', '补充载体清单')
      await expectText(s.page, '[data-testid="diff-stats"]', '+1 −1')
      const added = (await s.page.locator('[data-testid="diff-line"][data-op="add"]').allTextContents()).map((x) => x.trim())
      const removed = (await s.page.locator('[data-testid="diff-line"][data-op="del"]').allTextContents()).map((x) => x.trim())
      if (added.length !== 1 || !added[0].includes('带上园区名片和载体清单')) throw new Error(`added lines: ${JSON.stringify(added)}`)
      if (removed.length !== 1 || !removed[0].includes('带上园区名片') || removed[0].includes('载体')) throw new Error(`removed lines: ${JSON.stringify(removed)}`)
      // The added line is green, the removed one red.
      const colours = await s.page.evaluate(() =>
        ['add', 'del'].map((op) => getComputedStyle(document.querySelector(`[data-testid="diff-line"][data-op="${op}"]`)).backgroundColor),
      )
      if (colours[0] !== 'rgb(230, 255, 236)' || colours[1] !== 'rgb(255, 235, 233)') throw new Error(`diff colours ${colours.join(', ')}`)
      await settled(s.page)
      await shot(s.page, 'guide-03-versions')
      // One version as it read then.
      await s.page.locator('[data-testid="versions-table"] .el-table__body tr').nth(1).locator('[data-testid="version-view"]').click()
      await expectText(s.page, '[data-testid="version-dialog"] .el-dialog__title', '第 1 版')
      await expectText(s.page, '[data-testid="version-dialog"] [data-testid="article-html"] li', '带上园区名片')
      await settled(s.page)
      await shot(s.page, 'guide-04-version-1')
      assertNoProblems(s.problems)
    },
  )

  scenario('招商指南: a script in the body is refused in Chinese under the body, before saving and by the server, and nothing is saved', async () => {
    const s = await newSession()
    noDialogs(s)
    await s.page.setViewportSize({ width: 1440, height: 900 })
    await loginAs(s.page, 'coordinator')
    await s.page.goto(`${base()}/guide/articles/new`)
    const title = `E2E脚本${stamp}`
    await pickOption(s.page, tid(s.page, 'guide-field-category'), '政策解读')
    await s.page.locator('input[data-testid="guide-title"]').fill(title)
    await s.page.locator('textarea[data-testid="guide-body"]').fill('正文开头\n\n<script>alert(1)</script>\n')
    // The preview names the problem under the body while typing.
    await expectText(s.page, '[data-testid="guide-problems"]', '正文不能包含 HTML 或脚本')
    const [refused] = await Promise.all([
      s.page.waitForResponse((r) => isApi(r, 'POST', /\/api\/v1\/guide\/articles$/)),
      tid(s.page, 'guide-save').click(),
    ])
    const body = await refused.json()
    if (refused.status() !== 400 || body.error?.fields?.body !== 'html_not_allowed')
      throw new Error(`a script → HTTP ${refused.status()} ${JSON.stringify(body)}`)
    await expectText(s.page, fieldError('body'), '正文不能包含 HTML 或脚本')
    await expectPath(s.page, '/guide/articles/new')
    // The preview shows the tag as text, never runs it.
    await expectText(s.page, '[data-testid="guide-preview"] pre.raw', '<script>alert(1)</script>')
    if (await s.page.locator('[data-testid="guide-preview"] script').count()) throw new Error('the preview holds a <script> element')
    await settled(s.page)
    await shot(s.page, 'guide-05-script-refused')
    const found = await apiGet(s.page, `/guide/articles?q=${encodeURIComponent(title)}`)
    if (found.body.total !== 0) throw new Error(`the refused article was saved: ${JSON.stringify(found.body.items)}`)
    // Fixed: the message goes, and so does the preview's list.
    await s.page.locator('textarea[data-testid="guide-body"]').fill('正文开头\n')
    await s.page.waitForFunction(() => !document.querySelector('[data-testid="guide-field-body"].is-error'))
    await tid(s.page, 'guide-problems').waitFor({ state: 'detached' })
    assertNoProblems(s.problems)
  })

  scenario('招商指南: promoter reads the article (no 编辑, no 新建文章) and the read is counted', async () => {
    const s = await newSession()
    await s.page.setViewportSize({ width: 1440, height: 900 })
    await loginAs(s.page, 'promoter')
    const a = await ensureArticle()
    const before = (await apiGet(s.page, `/guide/articles?q=${encodeURIComponent(a.title)}`)).body.items?.[0]
    if (!before) throw new Error(`promoter does not find ${a.title}`)
    await s.page.locator('[data-testid="menu-/guide"]').click()
    await expectPath(s.page, '/guide')
    await s.page.locator('input[data-testid="guide-q"]').fill(a.title)
    await tid(s.page, 'guide-filter').click()
    await expectText(s.page, '[data-testid="guide-table"] [data-testid="guide-row"]', a.title)
    if (await tid(s.page, 'guide-create').count()) throw new Error('promoter is offered 新建文章')
    const [read] = await Promise.all([
      s.page.waitForResponse((r) => isApi(r, 'GET', new RegExp(`/api/v1/guide/articles/${a.id}$`))),
      s.page.locator('[data-testid="guide-table"] [data-testid="guide-row"]').filter({ hasText: a.title }).click(),
    ])
    if (read.status() !== 200) throw new Error(`GET /guide/articles/${a.id} → HTTP ${read.status()}`)
    await expectPath(s.page, `/guide/articles/${a.id}`)
    await expectText(s.page, '[data-testid="article-title"]', a.title)
    await expectText(s.page, '[data-testid="article-reads"]', `${before.reads + 1} 次`)
    await tid(s.page, 'article-versions').waitFor()
    if (await tid(s.page, 'article-edit').count()) throw new Error('promoter is offered 编辑')
    const after = (await apiGet(s.page, `/guide/articles?q=${encodeURIComponent(a.title)}`)).body.items[0]
    if (after.reads !== before.reads + 1) throw new Error(`reads ${before.reads} → ${after.reads}`)
    // The editor's route is not promoter's.
    await s.page.goto(`${base()}/guide/articles/${a.id}/edit`)
    await expectPath(s.page, '/403')
    await settled(s.page)
    assertNoProblems(s.problems)
  })

  scenario('招商指南: the chain map names its chain nodes, and the editor of an industry article offers them', async () => {
    const s = await newSession()
    await s.page.setViewportSize({ width: 1440, height: 900 })
    await loginAs(s.page, 'coordinator')
    const map = (await apiGet(s.page, `/guide/articles?category=industry&q=${encodeURIComponent('新能源汽车产业链招商图谱')}`)).body
      .items?.[0]
    if (!map) throw new Error('the demo chain map is missing')
    if (!map.chain_node_ids?.length) throw new Error('the demo chain map names no chain node')
    await s.page.goto(`${base()}/guide/articles/${map.id}`)
    await expectText(s.page, '[data-testid="article-chain-nodes"]', '整车制造')
    await expectText(s.page, '[data-testid="article-chain-nodes"]', '动力电池')
    await tid(s.page, 'article-edit').click()
    await expectPath(s.page, `/guide/articles/${map.id}/edit`)
    await expectText(s.page, '[data-testid="guide-field-chain_node_ids"]', '整车制造')
    await settled(s.page)
    assertNoProblems(s.problems)
  })

  scenario('全文搜索: 用地 is marked in the demo policies, the article is found by its word, and the word stays in the address', async () => {
    const s = await newSession()
    await s.page.setViewportSize({ width: 1440, height: 900 })
    await loginAs(s.page, 'promoter')
    const a = await ensureArticle()
    await s.page.goto(`${base()}/guide`)
    await s.page.locator('input[data-testid="guide-search-input"]').fill('用地')
    const [res] = await Promise.all([
      s.page.waitForResponse((r) => isApi(r, 'GET', /\/api\/v1\/search$/) && new URL(r.url()).searchParams.get('q') === '用地'),
      s.page.locator('input[data-testid="guide-search-input"]').press('Enter'),
    ])
    if (res.status() !== 200) throw new Error(`GET /search → HTTP ${res.status()}`)
    await expectPath(s.page, '/guide/search')
    if (new URL(s.page.url()).searchParams.get('q') !== '用地') throw new Error(`the word is not in the address: ${s.page.url()}`)
    const policy = s.page.locator('[data-testid="search-result"][data-kind="policy"]').first()
    await policy.waitFor()
    await expectText(s.page, '[data-testid="search-result"][data-kind="policy"] [data-testid="search-result-kind"]', '政策')
    const marks = await policy.locator('mark').allTextContents()
    if (!marks.length || marks.some((m) => m !== '用地')) throw new Error(`a policy's marks: ${JSON.stringify(marks)}`)
    await settled(s.page)
    await shot(s.page, 'guide-06-search')
    // A policy opens its page.
    await policy.locator('a[data-testid="search-result-title"]').click()
    await s.page.waitForURL((u) => /^\/policies\/\d+$/.test(u.pathname))
    await s.page.goBack()
    await expectPath(s.page, '/guide/search')

    // The article written above, by its stamp; only articles.
    await s.page.locator('input[data-testid="search-q"]').fill(stamp)
    await tid(s.page, 'search-go').click()
    await expectText(s.page, '[data-testid="search-summary"]', stamp)
    await tid(s.page, 'search-kind-article').click()
    await s.page.waitForURL((u) => u.searchParams.get('kind') === 'article' && u.searchParams.get('q') === stamp)
    const hit = s.page.locator('[data-testid="search-result"][data-kind="article"]').filter({ hasText: a.title })
    await hit.waitFor()
    if ((await hit.locator('[data-testid="search-result-title"] mark').allTextContents()).join() !== stamp)
      throw new Error('the article title does not mark the word')
    if (await s.page.locator('[data-testid="search-result"]:not([data-kind="article"])').count()) throw new Error('文章 lists other kinds')
    await hit.locator('a[data-testid="search-result-title"]').click()
    await expectPath(s.page, `/guide/articles/${a.id}`)
    // A word the server refuses reads in Chinese under the box.
    await s.page.goto(`${base()}/guide/search?q=${encodeURIComponent('%')}`)
    await expectText(s.page, '[data-testid="search-field-q"] .el-form-item__error', '关键词无效')
    assertNoProblems(s.problems)
  })

  scenario('招商指南手册: the booklet lists the article under its category, prints without the app and with page numbers', async () => {
    const s = await newSession()
    await s.page.setViewportSize({ width: 1440, height: 900 })
    await loginAs(s.page, 'coordinator')
    const a = await ensureArticle()
    await s.page.goto(`${base()}/guide/articles/${a.id}`)
    await tid(s.page, 'article-booklet').click()
    await expectPath(s.page, '/guide/booklet')
    await expectText(s.page, '[data-testid="booklet-contents"]', a.title)
    await expectText(s.page, `[data-testid="booklet-chapter"][data-category="technique"]`, a.title)
    await expectText(s.page, '[data-testid="booklet-chapter"][data-category="technique"] h2', '招商技巧')
    const chapters = await tid(s.page, 'booklet-chapter').count()
    await settled(s.page)
    await shot(s.page, 'guide-07-booklet')
    // Print: no app chrome, the booklet's pages carry a page number in the foot margin.
    await s.page.emulateMedia({ media: 'print' })
    const printed = await s.page.evaluate(() => ({
      toolbar: getComputedStyle(document.querySelector('.booklet-page .toolbar')).display,
      header: getComputedStyle(document.querySelector('.topbar')).display,
      page: getComputedStyle(document.body).page,
      footer: [...document.styleSheets].some((sheet) => {
        try {
          return [...sheet.cssRules].some((r) => r.cssText.includes('@page guide-booklet') && r.cssText.includes('counter(page)'))
        } catch {
          return false
        }
      }),
    }))
    if (printed.toolbar !== 'none' || printed.header !== 'none' || printed.page !== 'guide-booklet' || !printed.footer)
      throw new Error(`print media: ${JSON.stringify(printed)}`)
    const pdf = (await s.page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1')
    const pages = Number(/\/Count (\d+)/.exec(pdf)?.[1] ?? 0)
    // The cover, the contents, and each category on pages of its own.
    if (pages < 2 + chapters) throw new Error(`the booklet prints ${pages} pages for ${chapters} categories`)
    await s.page.emulateMedia({ media: 'screen' })
    assertNoProblems(s.problems)
  })

  scenario('招商指南 at 390 px: the menu reaches it; the list (cards), an article (folded contents), the search and the editor fit the phone', async () => {
    const s = await phoneSession()
    await loginAs(s.page, 'promoter')
    const a = await ensureArticle()
    const menu = await openDrawer(s.page)
    if (!menu.includes('招商指南')) throw new Error(`the phone menu lists ${JSON.stringify(menu)}`)
    await s.page.locator('.menu-drawer [data-testid="menu-/guide"]').click()
    await expectPath(s.page, '/guide')
    await tid(s.page, 'guide-cards').waitFor()
    await s.page.locator('[data-testid="guide-cards"] [data-testid="guide-row"]').first().waitFor()
    await fitsWidth(s.page, tid(s.page, 'page-guide'), 'the guide list at 390 px')
    await settled(s.page)
    await shot(s.page, 'guide-11-phone-list')
    await s.page.locator('input[data-testid="guide-q"]').fill(a.title)
    await tid(s.page, 'guide-filter').click()
    await s.page.locator('[data-testid="guide-cards"] [data-testid="guide-row"]').filter({ hasText: a.title }).click()
    await expectPath(s.page, `/guide/articles/${a.id}`)
    await expectText(s.page, '[data-testid="article-html"] h1', '拜访准备')
    // The contents fold on a phone: closed first, opened with a tap.
    await tid(s.page, 'article-toc-phone').waitFor()
    if (await s.page.locator('[data-testid="article-toc-phone"] [data-testid="article-toc-item"]').first().isVisible())
      throw new Error('the contents are open on a phone')
    await s.page.locator('[data-testid="article-toc-phone"] .el-collapse-item__header').click()
    await s.page.locator('[data-testid="article-toc-phone"] [data-testid="article-toc-item"]').first().waitFor({ state: 'visible' })
    await fitsWidth(s.page, tid(s.page, 'page-guide-article'), 'an article at 390 px')
    await settled(s.page)
    await shot(s.page, 'guide-12-phone-article')
    await s.page.goto(`${base()}/guide/search?q=${encodeURIComponent('用地')}`)
    await s.page.locator('[data-testid="search-result"] mark').first().waitFor()
    await fitsWidth(s.page, tid(s.page, 'page-guide-search'), 'the search at 390 px')
    await settled(s.page)
    await shot(s.page, 'guide-13-phone-search')
    await s.page.goto(`${base()}/guide/articles/${a.id}/versions`)
    await tid(s.page, 'versions-cards').waitFor()
    await fitsWidth(s.page, tid(s.page, 'page-guide-versions'), 'the versions at 390 px')
    await settled(s.page)
    await shot(s.page, 'guide-14-phone-versions')

    // The editor on a phone: the text, and 预览 as a tab of its own.
    const c = await phoneSession()
    await loginAs(c.page, 'coordinator')
    await c.page.goto(`${base()}/guide/articles/${a.id}/edit`)
    await c.page.locator('textarea[data-testid="guide-body"]').waitFor()
    await fitsWidth(c.page, tid(c.page, 'page-guide-form'), 'the editor at 390 px')
    await settled(c.page)
    await shot(c.page, 'guide-15-phone-editor')
    await tid(c.page, 'guide-pane-preview').click()
    await expectText(c.page, '[data-testid="guide-preview"] h1', '拜访准备')
    if (await c.page.locator('textarea[data-testid="guide-body"]').isVisible()) throw new Error('the text shows beside the preview on a phone')
    await fitsWidth(c.page, tid(c.page, 'page-guide-form'), 'the editor’s preview at 390 px')
    await settled(c.page)
    await shot(c.page, 'guide-16-phone-preview')
    assertNoProblems(s.problems)
    assertNoProblems(c.problems)
  })

  scenario('招商指南 in English at 1440 and 390 px: categories, tags and counts in words, no codes', async () => {
    const s = await newSession()
    await s.page.setViewportSize({ width: 1440, height: 900 })
    await loginAs(s.page, 'coordinator')
    const a = await ensureArticle()
    await s.page.evaluate(() => localStorage.setItem('zs.locale', 'en'))
    await s.page.goto(`${base()}/guide`)
    await expectText(s.page, '[data-testid="page-guide"]', 'Investment guide')
    await expectText(s.page, '[data-testid="guide-categories"]', 'Stage checklists')
    const tags = (await s.page.locator('[data-testid="guide-row-category"]').allTextContents()).map((x) => x.trim())
    if (!tags.length || tags.some((x) => /^[a-z_]+$/.test(x) || /[\u4e00-\u9fff]/.test(x))) throw new Error(`English category tags: ${tags.join(',')}`)
    await settled(s.page)
    await shot(s.page, 'guide-21-en-list')
    await s.page.goto(`${base()}/guide/articles/${a.id}`)
    await expectText(s.page, '[data-testid="article-category"]', 'Techniques')
    await expectText(s.page, '[data-testid="article-reads"]', 'reader')
    await settled(s.page)
    await shot(s.page, 'guide-22-en-article')
    await s.page.goto(`${base()}/guide/articles/${a.id}/versions`)
    await expectText(s.page, '[data-testid="versions-title"]', 'Version history')
    await settled(s.page)
    await shot(s.page, 'guide-23-en-versions')
    await s.page.goto(`${base()}/guide/search?q=${encodeURIComponent('用地')}`)
    await expectText(s.page, '[data-testid="search-result-kind"]', 'Policy')
    await settled(s.page)
    await shot(s.page, 'guide-24-en-search')
    await s.page.goto(`${base()}/guide/articles/${a.id}/edit`)
    await expectText(s.page, '[data-testid="guide-form-title"]', 'Edit article')
    await settled(s.page)
    await shot(s.page, 'guide-25-en-editor')
    await s.page.goto(`${base()}/guide/booklet`)
    await expectText(s.page, '[data-testid="booklet-contents"]', 'Contents')
    await settled(s.page)
    await shot(s.page, 'guide-26-en-booklet')

    await s.page.setViewportSize({ width: 390, height: 844 })
    await s.page.goto(`${base()}/guide`)
    await tid(s.page, 'guide-cards').waitFor()
    await s.page.locator('[data-testid="guide-cards"] [data-testid="guide-row"]').first().waitFor()
    await fitsWidth(s.page, tid(s.page, 'page-guide'), 'the English guide list at 390 px')
    await settled(s.page)
    await shot(s.page, 'guide-27-en-phone-list')
    await s.page.goto(`${base()}/guide/articles/${a.id}`)
    await expectText(s.page, '[data-testid="article-toc-phone"]', 'Contents')
    await fitsWidth(s.page, tid(s.page, 'page-guide-article'), 'an English article at 390 px')
    await settled(s.page)
    await shot(s.page, 'guide-28-en-phone-article')
    await s.page.goto(`${base()}/guide/search?q=${encodeURIComponent('用地')}`)
    await s.page.locator('[data-testid="search-result"] mark').first().waitFor()
    await fitsWidth(s.page, tid(s.page, 'page-guide-search'), 'the English search at 390 px')
    await settled(s.page)
    await shot(s.page, 'guide-29-en-phone-search')
    await s.page.evaluate(() => localStorage.setItem('zs.locale', 'zh-CN'))
    assertNoProblems(s.problems)
  })
}
