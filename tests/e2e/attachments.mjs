// Browser scenario of 佐证材料 (evidence files): the stage requirement on the settings page, the
// transition dialog that names what is missing and takes the upload, the project's and a factor
// request's files at 1440 and 390 px. run.mjs hands its helpers to `register`.
import fs from 'node:fs'

/** @param {Record<string, any>} h the helpers of run.mjs */
export function register(h) {
  const { scenario, newSession, phoneSession, loginAs, tid, shot, expectText, assertNoProblems } = h
  const { fitsWidth, apiGet, apiSend, isApi, settled, saveDownload, base } = h

  const PARK = '安庆经济技术开发区' // receiver 李娜's park
  // Other scenarios move these two (the coordinator signs the first; issue 8 books capital on the second).
  const TAKEN = ['新能源汽车电机项目', '动力电池PACK生产线项目']
  const stamp = Date.now().toString(36)
  const PDF = Buffer.from(`%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\n% e2e ${stamp}\ntrailer<</Root 1 0 R>>\n%%EOF\n`, 'latin1')
  const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex')
  const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex')
  const NO_EVIDENCE = { stage_evidence: { signed: [], construction: [], production: [] } }

  const today = () => {
    const d = new Date()
    const p = (n) => String(n).padStart(2, '0')
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
  }

  /** Choose options of the Element Plus select inside `scope` whose text contains each of `texts`. */
  async function pick(page, scope, ...texts) {
    // A drop-down still closing would lend its options to the lookup and then hide them; and a
    // select near the window's edge makes its drop-down flip while tags wrap. Wait for the others
    // to close, open this one in the middle of the window, and take options from the open one.
    await page.locator('.el-select__popper:visible').first().waitFor({ state: 'hidden' })
    await scope.evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await scope.locator('.el-select__wrapper').first().click()
    const open = page.locator('.el-select__popper:visible')
    for (const text of texts) await open.locator('.el-select-dropdown__item').filter({ hasText: text }).first().click()
  }

  /** Negotiating projects of the park that miss 投资协议 for 已签约 and that the caller may attach to. */
  async function signable(page) {
    const list = await apiGet(page, '/projects?stage=negotiating&page_size=100')
    const out = []
    for (const row of list.body.items ?? []) {
      if (row.responsible_unit_name !== PARK || TAKEN.includes(row.name)) continue
      const p = (await apiGet(page, `/projects/${row.id}`)).body
      const sign = p.capabilities?.transitions?.find((c) => c.to === 'signed')
      if (p.capabilities?.attach && sign?.evidence?.includes('investment_agreement')) out.push(p)
    }
    return out
  }

  /** Upload `buffer` as `name` through the file input with this test id; resolves with the POST's answer. */
  async function upload(page, inputId, name, mimeType, buffer) {
    const [res] = await Promise.all([
      page.waitForResponse((r) => isApi(r, 'POST', /\/api\/v1\/(projects|factor-requests)\/\d+\/attachments$/)),
      page.locator(`[data-testid="${inputId}"]`).setInputFiles({ name, mimeType, buffer }),
    ])
    return res
  }

  const item = (page, name) => page.locator('[data-testid="attachment-item"]').filter({ hasText: name })

  scenario(
    '佐证材料: the coordinator requires 投资协议 for 已签约; receiver uploads it from the transition dialog and signs; the file downloads byte for byte; a PNG named .pdf is refused in Chinese; a phone uploads a production photo; a factor request has its files',
    async () => {
      const coord = await newSession()
      await coord.page.setViewportSize({ width: 1440, height: 900 })
      await loginAs(coord.page, 'coordinator')
      try {
        // ------------------------------------------------ 阶段佐证材料要求 (settings)
        await coord.page.goto(`${base()}/pipeline/settings`)
        const card = tid(coord.page, 'stage-evidence')
        await card.waitFor()
        await tid(coord.page, 'evidence-signed').waitFor()
        for (const label of ['已签约', '已开工', '已投产']) await expectText(coord.page, '[data-testid="evidence-form"]', label)
        // Six kinds for 已开工: the server takes five at most and says so under the stage.
        await pick(coord.page, tid(coord.page, 'evidence-construction'), '营业执照', '项目计划书', '财务报表', '洽谈纪要', '投资协议', '用地手续')
        await coord.page.keyboard.press('Escape')
        const [tooMany] = await Promise.all([
          coord.page.waitForResponse((r) => isApi(r, 'PUT', /\/api\/v1\/pipeline\/settings$/)),
          tid(coord.page, 'evidence-save').click(),
        ])
        const tooManyBody = await tooMany.json()
        if (tooMany.status() !== 400 || tooManyBody.error?.fields?.['stage_evidence.construction'] !== 'too_many')
          throw new Error(`six kinds → HTTP ${tooMany.status()} ${JSON.stringify(tooManyBody)}`)
        await expectText(coord.page, '[data-testid="evidence-construction"] .el-form-item__error', '每个阶段最多要求 5 类材料')
        await settled(coord.page)
        await shot(coord.page, 'att-01-settings-too-many')
        await tid(coord.page, 'evidence-reset').click()

        await pick(coord.page, tid(coord.page, 'evidence-signed'), '投资协议')
        await coord.page.keyboard.press('Escape')
        const [saved] = await Promise.all([
          coord.page.waitForResponse((r) => isApi(r, 'PUT', /\/api\/v1\/pipeline\/settings$/)),
          tid(coord.page, 'evidence-save').click(),
        ])
        const savedBody = await saved.json()
        const sent = JSON.parse(saved.request().postData() ?? '{}')
        if (saved.status() !== 200 || JSON.stringify(savedBody.stage_evidence?.signed) !== '["investment_agreement"]')
          throw new Error(`save → HTTP ${saved.status()} ${JSON.stringify(savedBody)}`)
        if (Object.keys(sent).join() !== 'stage_evidence') throw new Error(`the card sent more than stage_evidence: ${Object.keys(sent)}`)
        if (JSON.stringify(sent.stage_evidence.construction) !== '[]') throw new Error('the reset 已开工 choice was sent')
        await expectText(coord.page, '.el-message--success', '阶段佐证材料要求已保存')
        await coord.page.reload()
        await expectText(coord.page, '[data-testid="evidence-signed"]', '投资协议')
        await card.scrollIntoViewIfNeeded()
        await settled(coord.page)
        await shot(coord.page, 'att-02-settings')
        await coord.page.setViewportSize({ width: 390, height: 844 })
        await fitsWidth(coord.page, card, 'the evidence card at 390 px')
        await card.scrollIntoViewIfNeeded()
        await shot(coord.page, 'att-03-settings-phone')
        await coord.page.evaluate(() => localStorage.setItem('zs.locale', 'en'))
        await coord.page.reload()
        await expectText(coord.page, '[data-testid="stage-evidence"]', 'Evidence required by stage')
        await expectText(coord.page, '[data-testid="evidence-signed"]', 'Investment agreement')
        await fitsWidth(coord.page, card, 'the evidence card in English at 390 px')
        await card.scrollIntoViewIfNeeded()
        await shot(coord.page, 'att-04-settings-phone-en')
        await coord.page.evaluate(() => localStorage.setItem('zs.locale', 'zh-CN'))

        // ------------------------------------------------ receiver signs from the dialog
        const s = await newSession()
        await s.page.setViewportSize({ width: 1440, height: 900 })
        await loginAs(s.page, 'receiver')
        const candidates = await signable(s.page)
        if (candidates.length < 2) throw new Error(`receiver has ${candidates.length} negotiating park projects missing 投资协议`)
        const project = candidates[0]
        await s.page.goto(`${base()}/projects/${project.id}`)
        await expectText(s.page, '[data-testid="project-name"]', project.name)
        // The project's files say what the next stage still needs (the server's list).
        await s.page.locator('#tab-attachments').click()
        await expectText(s.page, '[data-testid="attachments-missing"]', '进入“已签约”需上传：投资协议')

        await tid(s.page, 'transition-signed').click()
        const dialog = s.page.locator('.el-dialog:visible').filter({ hasText: `签约：${project.name}` })
        await dialog.waitFor()
        await expectText(s.page, '[data-testid="transition-evidence-missing"]', '进入“已签约”需上传：投资协议')
        if (!(await dialog.locator('[data-testid="transition-confirm"]').isDisabled()))
          throw new Error('确定 is enabled while 投资协议 is missing')
        await settled(s.page)
        await shot(s.page, 'att-10-dialog-missing')

        // A picture renamed to .pdf: the server reads the bytes and refuses; the words are Chinese.
        const wrong = await upload(s.page, 'attachment-file-investment_agreement', `投资协议-${stamp}.pdf`, 'application/pdf', PNG)
        const wrongBody = await wrong.json()
        if (wrong.status() !== 400 || wrongBody.error?.fields?.file !== 'type_mismatch')
          throw new Error(`a PNG named .pdf → HTTP ${wrong.status()} ${JSON.stringify(wrongBody)}`)
        await expectText(s.page, '[data-testid="attachment-error-investment_agreement"]', '文件内容与扩展名不符')
        await settled(s.page)
        await shot(s.page, 'att-11-dialog-wrong-file')

        const name = `投资协议-${stamp}.pdf`
        const [ok, again] = await Promise.all([
          upload(s.page, 'attachment-file-investment_agreement', name, 'application/pdf', PDF),
          s.page.waitForResponse((r) => isApi(r, 'GET', new RegExp(`/api/v1/projects/${project.id}$`))),
        ])
        if (ok.status() !== 201) throw new Error(`upload → HTTP ${ok.status()} ${await ok.text()}`)
        if (again.status() !== 200) throw new Error(`the dialog's re-read → HTTP ${again.status()}`)
        await expectText(s.page, '[data-testid="transition-evidence-done"]', name)
        await tid(s.page, 'transition-evidence-missing').waitFor({ state: 'detached' })
        if (await dialog.locator('[data-testid="transition-confirm"]').isDisabled()) throw new Error('确定 stays disabled after the upload')
        await dialog.locator('[data-testid="field-signing-date"] input').fill(today())
        await dialog.locator('[data-testid="field-signing-date"] input').press('Enter')
        await dialog.locator('input[data-testid="transition-contracted"]').fill('120000')
        await settled(s.page)
        await shot(s.page, 'att-12-dialog-uploaded')
        const [signed] = await Promise.all([
          s.page.waitForResponse((r) => isApi(r, 'POST', new RegExp(`/api/v1/projects/${project.id}/transitions$`))),
          dialog.locator('[data-testid="transition-confirm"]').click(),
        ])
        if (signed.status() !== 200) throw new Error(`sign → HTTP ${signed.status()} ${await signed.text()}`)
        await dialog.waitFor({ state: 'hidden' })
        await expectText(s.page, '[data-testid="project-stage"]', '已签约')

        // The file in the project's list, in words, and its download byte for byte.
        const row = item(s.page, name)
        await row.waitFor()
        await expectText(s.page, '[data-testid="attachment-item"] [data-testid="attachment-kind-tag"]', '投资协议')
        const when = (await row.locator('[data-testid="attachment-time"]').textContent())?.trim() ?? ''
        if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(when)) throw new Error(`upload time "${when}" is not YYYY-MM-DD HH:mm`)
        const size = (await row.locator('[data-testid="attachment-size"]').textContent())?.trim()
        if (size !== `${PDF.length} B`) throw new Error(`size "${size}", expected ${PDF.length} B`)
        await expectText(s.page, '[data-testid="attachments-project"]', '上传时：洽谈中')
        if (await tid(s.page, 'attachments-missing').count()) throw new Error('已签约 still shows missing evidence')
        const [download] = await Promise.all([s.page.waitForEvent('download'), row.locator('[data-testid="attachment-download"]').click()])
        if (download.suggestedFilename() !== name) throw new Error(`downloaded as ${download.suggestedFilename()}`)
        const got = fs.readFileSync(await saveDownload(download))
        if (!got.equals(PDF)) throw new Error(`the download differs: ${got.length} bytes, uploaded ${PDF.length}`)

        // The same picture-as-PDF in the panel; then a real picture as 其他材料, removed with a reason.
        const panel = tid(s.page, 'attachments-project')
        await pick(s.page, panel.locator('[data-testid="attachment-upload"]'), '其他材料')
        const wrong2 = await upload(s.page, 'attachment-file', `扫描件-${stamp}.pdf`, 'application/pdf', PNG)
        if (wrong2.status() !== 400) throw new Error(`panel: a PNG named .pdf → HTTP ${wrong2.status()}`)
        await expectText(s.page, '[data-testid="attachment-error"]', '文件内容与扩展名不符（例如把图片改名为 .pdf），请上传原始文件')
        const scan = `扫描件-${stamp}.png`
        const pngOk = await upload(s.page, 'attachment-file', scan, 'image/png', PNG)
        if (pngOk.status() !== 201) throw new Error(`panel: a PNG → HTTP ${pngOk.status()} ${await pngOk.text()}`)
        await item(s.page, scan).waitFor()
        await settled(s.page)
        await shot(s.page, 'att-20-project-attachments')
        await item(s.page, scan).locator('[data-testid="attachment-remove"]').click()
        const removeDialog = s.page.locator('.el-dialog:visible').filter({ has: tid(s.page, 'attachment-remove-reason') })
        await removeDialog.waitFor()
        await removeDialog.locator('[data-testid="attachment-remove-confirm"]').click()
        await expectText(s.page, '[data-testid="attachment-remove-reason-item"] .el-form-item__error', '请填写删除原因')
        await removeDialog.locator('textarea[data-testid="attachment-remove-reason"]').fill('E2E 上传错文件')
        await settled(s.page)
        await shot(s.page, 'att-21-remove-reason')
        const [removed] = await Promise.all([
          s.page.waitForResponse((r) => isApi(r, 'DELETE', /\/api\/v1\/attachments\/\d+$/)),
          removeDialog.locator('[data-testid="attachment-remove-confirm"]').click(),
        ])
        if (removed.status() !== 204) throw new Error(`remove → HTTP ${removed.status()}`)
        await item(s.page, scan).waitFor({ state: 'detached' })
        await item(s.page, name).waitFor()

        // ------------------------------------------------ a factor request's files
        const requests = await apiGet(s.page, '/factor-requests?page_size=50')
        const req = (requests.body.items ?? []).find((r) => r.capabilities?.attach)
        if (!req) throw new Error('receiver has no factor request to attach to')
        await s.page.goto(`${base()}/factor-requests/${req.id}`)
        const fpanel = tid(s.page, 'attachments-factor_request')
        await fpanel.waitFor()
        const plan = `用地红线图-${stamp}.pdf`
        await pick(s.page, fpanel.locator('[data-testid="attachment-upload"]'), '其他材料')
        const fres = await upload(s.page, 'attachment-file', plan, 'application/pdf', PDF)
        if (fres.status() !== 201) throw new Error(`factor request upload → HTTP ${fres.status()} ${await fres.text()}`)
        await item(s.page, plan).waitFor()
        await expectText(s.page, '[data-testid="factor-attachments"]', '其他材料')
        await tid(s.page, 'factor-attachments').scrollIntoViewIfNeeded()
        await settled(s.page)
        await shot(s.page, 'att-30-factor-request')

        // The dialog in English at 1440 px (another project; closed without a move).
        await s.page.evaluate(() => localStorage.setItem('zs.locale', 'en'))
        await s.page.goto(`${base()}/projects/${candidates[1].id}`)
        await tid(s.page, 'transition-signed').click()
        await expectText(s.page, '[data-testid="transition-evidence-missing"]', 'To move to “Signed”, upload: Investment agreement')
        await settled(s.page)
        await shot(s.page, 'att-13-dialog-missing-en')
        await s.page.keyboard.press('Escape')
        await s.page.evaluate(() => localStorage.setItem('zs.locale', 'zh-CN'))
        assertNoProblems(s.problems)

        // ------------------------------------------------ 390 × 844
        const m = await phoneSession()
        await loginAs(m.page, 'receiver')
        // A production photo on the project just signed: the kind is under 其他类型 at 已签约.
        await m.page.goto(`${base()}/projects/${project.id}`)
        await expectText(m.page, '[data-testid="project-stage"]', '已签约')
        await m.page.locator('#tab-attachments').click()
        const mpanel = tid(m.page, 'attachments-project')
        await mpanel.waitFor()
        await m.page.locator('[data-testid="attachments-project"] [data-testid="attachment-kind"] .el-select__wrapper').click()
        // At 已签约 its usual kinds come first, under their own heading.
        await m.page.locator('.el-select-dropdown:visible .el-select-group__title').filter({ hasText: '本阶段常用' }).waitFor()
        await m.page.locator('.el-select-dropdown__item:visible').filter({ hasText: '投产照片' }).first().click()
        const photo = `投产现场-${stamp}.jpg`
        const jres = await upload(m.page, 'attachment-file', photo, 'image/jpeg', JPEG)
        if (jres.status() !== 201) throw new Error(`phone: a photo → HTTP ${jres.status()} ${await jres.text()}`)
        await item(m.page, photo).waitFor()
        await expectText(m.page, '[data-testid="attachments-project"]', '投产照片')
        await fitsWidth(m.page, mpanel, 'the project files at 390 px')
        await mpanel.scrollIntoViewIfNeeded()
        await settled(m.page)
        await shot(m.page, 'att-40-project-attachments-phone')

        // The dialog's missing evidence on a phone (another negotiating project; closed without a move).
        const other = candidates[1]
        await m.page.goto(`${base()}/projects/${other.id}`)
        await expectText(m.page, '[data-testid="project-name"]', other.name)
        await tid(m.page, 'transition-signed').click()
        const mdialog = m.page.locator('.el-dialog:visible').filter({ hasText: `签约：${other.name}` })
        await mdialog.waitFor()
        await expectText(m.page, '[data-testid="transition-evidence-missing"]', '进入“已签约”需上传：投资协议')
        await fitsWidth(m.page, tid(m.page, 'transition-evidence'), 'the missing evidence at 390 px')
        await settled(m.page)
        await shot(m.page, 'att-41-dialog-missing-phone')
        await mdialog.locator('.el-dialog__footer .el-button').first().click()
        await mdialog.waitFor({ state: 'hidden' })

        // The factor request's files on a phone.
        await m.page.goto(`${base()}/factor-requests/${req.id}`)
        await item(m.page, plan).waitFor()
        await fitsWidth(m.page, tid(m.page, 'attachments-factor_request'), 'the factor request files at 390 px')
        await tid(m.page, 'factor-attachments').scrollIntoViewIfNeeded()
        await settled(m.page)
        await shot(m.page, 'att-42-factor-request-phone')

        // English: the same words in the other language, never a code.
        await m.page.evaluate(() => localStorage.setItem('zs.locale', 'en'))
        await m.page.goto(`${base()}/projects/${project.id}`)
        await m.page.locator('#tab-attachments').click()
        await expectText(m.page, '#tab-attachments', 'Evidence files')
        await expectText(m.page, '[data-testid="attachments-project"]', 'Production photo')
        await expectText(m.page, '[data-testid="attachments-project"]', 'Investment agreement')
        await fitsWidth(m.page, tid(m.page, 'attachments-project'), 'the project files in English at 390 px')
        await tid(m.page, 'attachments-project').scrollIntoViewIfNeeded()
        await settled(m.page)
        await shot(m.page, 'att-43-project-attachments-phone-en')
        await m.page.evaluate(() => localStorage.setItem('zs.locale', 'zh-CN'))
        assertNoProblems(m.problems)
      } finally {
        // Nothing required again: the other scenarios move projects to 已签约 without files.
        const r = await apiSend(coord.page, 'PUT', '/pipeline/settings', NO_EVIDENCE).catch((e) => ({ status: String(e) }))
        if (r.status !== 200) console.log(`# could not clear stage_evidence: ${JSON.stringify(r)}`)
      }
      assertNoProblems(coord.problems)
    },
  )
}
