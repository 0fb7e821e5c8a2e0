// 添加/编辑群机器人: the form's own check stands under the URL and goes as soon as the URL is right; the
// server's field reasons read in Chinese (or English) under their field; an edit with nothing typed
// into URL and secret keeps both (they are not sent); a stale version says so and asks for a reload.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia } from 'pinia'
import { ApiError } from '@/api/http'
import type { RobotApi } from '@/api/robots'
import { i18n, setLocale } from '@/locales'

vi.mock('@/api/robots', async (orig) => ({
  ...(await orig<typeof import('@/api/robots')>()),
  createRobot: vi.fn(),
  updateRobot: vi.fn(),
}))

import { createRobot, updateRobot } from '@/api/robots'
import RobotDialog from './RobotDialog.vue'

const create = createRobot as unknown as ReturnType<typeof vi.fn>
const update = updateRobot as unknown as ReturnType<typeof vi.fn>
const SAVED: RobotApi.Robot = {
  id: 4,
  unit_id: 8,
  unit_name: '国网安庆供电公司',
  kind: 'wecom',
  name: '供电群',
  url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send',
  has_secret: true,
  enabled: true,
  created_at: 1,
  version: 3,
}
const TREE = [{ id: 8, name: '国网安庆供电公司', kind: 'department', parent_id: null, children: [] }] as never

async function setup(robot: RobotApi.Robot | null) {
  const w = mount(RobotDialog, {
    props: { open: false, robot, tree: TREE, 'onUpdate:open': (v: boolean) => w.setProps({ open: v }) },
    global: { plugins: [ElementPlus, i18n, createPinia()] },
    attachTo: document.body,
  })
  await w.setProps({ open: true })
  await flushPromises()
  return w
}
const dialog = () => document.querySelector('[data-testid="robot-dialog"]') as HTMLElement
const fieldError = (f: string) => dialog().querySelector(`[data-testid="robot-${f}"] .el-form-item__error`)?.textContent?.trim() ?? ''
async function type(testid: string, value: string) {
  const input = dialog().querySelector(`input[data-testid="${testid}"]`) as HTMLInputElement
  input.value = value
  input.dispatchEvent(new Event('input'))
  await flushPromises()
}
async function save() {
  ;(dialog().querySelector('[data-testid="robot-save"]') as HTMLElement).click()
  await flushPromises()
}
async function chooseUnit(w: Awaited<ReturnType<typeof setup>>, id: number) {
  w.findComponent({ name: 'ElTreeSelect' }).vm.$emit('update:modelValue', id)
  await flushPromises()
}

describe('robot dialog', () => {
  beforeEach(() => {
    create.mockReset()
    update.mockReset()
  })
  afterEach(() => {
    setLocale('zh-CN')
    document.body.innerHTML = ''
  })

  it('checks the URL itself and clears the message as soon as it is right', async () => {
    const w = await setup(null)
    await chooseUnit(w, 8)
    await type('robot-url-input', 'ftp://x')
    await save()
    expect(create).not.toHaveBeenCalled()
    await vi.waitFor(() => expect(fieldError('url')).toContain('http:// 或 https://'))
    await type('robot-url-input', 'http://127.0.0.1:18475/hook?key=k')
    await vi.waitFor(() => expect(fieldError('url')).toBe(''))
  })

  it('shows the server’s field reasons under their fields, in Chinese', async () => {
    create.mockRejectedValue(
      new ApiError(400, { code: 'invalid_argument', message: 'bad', fields: { url: 'invalid_url', unit_id: 'not_found' } }, '/robots'),
    )
    const w = await setup(null)
    await chooseUnit(w, 8)
    await type('robot-url-input', 'http://127.0.0.1:9/hook')
    await save()
    expect(create).toHaveBeenCalledWith({ unit_id: 8, kind: 'wecom', url: 'http://127.0.0.1:9/hook', enabled: true }, { silent: true })
    await vi.waitFor(() => expect(fieldError('url')).toContain('http:// 或 https://'))
    expect(fieldError('unit')).toBe('该单位不存在，请重新选择')
  })

  it('says the same in English', async () => {
    setLocale('en')
    const w = await setup(null)
    await chooseUnit(w, 8)
    await type('robot-url-input', 'ftp://x')
    await save()
    await vi.waitFor(() => expect(fieldError('url')).toContain('starting with http:// or https://'))
  })

  it('keeps a saved robot’s URL and secret when they are left empty, and sends only the change', async () => {
    update.mockResolvedValue({ ...SAVED, enabled: false, version: 4 })
    const w = await setup(SAVED)
    expect((dialog().querySelector('input[data-testid="robot-url-input"]') as HTMLInputElement).value).toBe('')
    expect(dialog().textContent).toContain(SAVED.url)
    w.findAllComponents({ name: 'ElSwitch' })[0].vm.$emit('update:modelValue', false)
    await flushPromises()
    await save()
    expect(update).toHaveBeenCalledWith(4, { version: 3, enabled: false }, { silent: true })
    expect(w.emitted('saved')?.[0]).toEqual([{ ...SAVED, enabled: false, version: 4 }])
  })

  it('says when someone else changed the robot first', async () => {
    update.mockRejectedValue(new ApiError(409, { code: 'version_conflict', message: 'stale' }, '/robots/4'))
    const w = await setup(SAVED)
    await type('robot-name-input', '供电公司群')
    await save()
    expect(dialog().querySelector('[data-testid="robot-dialog-error"]')?.textContent).toContain('刚被其他人修改过')
    expect(w.emitted('stale')).toHaveLength(1)
  })
})
