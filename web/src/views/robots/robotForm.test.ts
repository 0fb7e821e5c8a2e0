// 群机器人 form: the URL the server takes, the form's own checks (a saved robot's URL and secret may
// stay empty), and bodies that send only what changed — never an empty URL, a secret only when typed
// or cleared on purpose.
import { describe, expect, it } from 'vitest'
import type { RobotApi } from '@/api/robots'
import { changeBody, createBody, emptyRobotForm, isEmptyChange, isRobotUrl, robotFormOf, robotProblems } from './robotForm'

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

describe('robot URL', () => {
  it('takes http(s) with a host and no credentials', () => {
    expect(isRobotUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc')).toBe(true)
    expect(isRobotUrl('http://127.0.0.1:18475/hook')).toBe(true)
    expect(isRobotUrl('ftp://x')).toBe(false)
    expect(isRobotUrl('https://')).toBe(false)
    expect(isRobotUrl('http:/x')).toBe(false)
    expect(isRobotUrl('https://user:pw@example.com/hook')).toBe(false)
    expect(isRobotUrl('example.com/hook')).toBe(false)
    expect(isRobotUrl(`https://example.com/${'a'.repeat(1000)}`)).toBe(false)
  })
})

describe('robot form checks', () => {
  it('needs a unit and, when adding, a URL; a bad URL reads invalid_url', () => {
    expect(robotProblems(emptyRobotForm(), null)).toEqual({ unit_id: 'required', url: 'required' })
    expect(robotProblems({ ...emptyRobotForm(), unit_id: 8, url: 'ftp://x' }, null)).toEqual({ url: 'invalid_url' })
    expect(robotProblems({ ...emptyRobotForm(), unit_id: 8, url: ' https://oapi.dingtalk.com/robot/send?access_token=t ' }, null)).toEqual(
      {},
    )
    expect(robotProblems({ ...emptyRobotForm(), unit_id: 8, url: 'https://a.b/c', name: '名'.repeat(101) }, null)).toEqual({
      name: 'too_long',
    })
  })
  it('keeps a saved robot’s URL and secret when left empty', () => {
    const f = robotFormOf(SAVED)
    expect(f.url).toBe('')
    expect(f.secret).toBe('')
    expect(robotProblems(f, SAVED)).toEqual({})
    expect(robotProblems({ ...f, url: 'ftp://x' }, SAVED)).toEqual({ url: 'invalid_url' })
  })
})

describe('robot bodies', () => {
  it('adds with what was filled in', () => {
    const f = { ...emptyRobotForm(), unit_id: 8, url: ' http://127.0.0.1:9/hook ', name: ' 供电群 ' }
    expect(createBody(f)).toEqual({ unit_id: 8, kind: 'wecom', url: 'http://127.0.0.1:9/hook', name: '供电群', enabled: true })
    expect(createBody({ ...f, kind: 'dingtalk', secret: 'SEC1', enabled: false })).toEqual({
      unit_id: 8,
      kind: 'dingtalk',
      url: 'http://127.0.0.1:9/hook',
      name: '供电群',
      secret: 'SEC1',
      enabled: false,
    })
  })
  it('edits only what changed, with the version read', () => {
    const f = robotFormOf(SAVED)
    expect(changeBody(f, SAVED)).toEqual({ version: 3 })
    expect(isEmptyChange(changeBody(f, SAVED))).toBe(true)
    expect(changeBody({ ...f, enabled: false, name: '供电公司群' }, SAVED)).toEqual({ version: 3, enabled: false, name: '供电公司群' })
    expect(changeBody({ ...f, url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=new' }, SAVED)).toEqual({
      version: 3,
      url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=new',
    })
    expect(changeBody({ ...f, unit_id: 9, kind: 'dingtalk' }, SAVED)).toEqual({ version: 3, unit_id: 9, kind: 'dingtalk' })
  })
  it('sends a secret only when typed, and an empty one only to remove it on purpose', () => {
    const f = robotFormOf(SAVED)
    expect(changeBody({ ...f, secret: 'NEW' }, SAVED)).toEqual({ version: 3, secret: 'NEW' })
    expect(changeBody({ ...f, clearSecret: true }, SAVED)).toEqual({ version: 3, secret: '' })
    expect(changeBody({ ...f, clearSecret: true }, { ...SAVED, has_secret: false })).toEqual({ version: 3 })
    expect(changeBody({ ...f, clearSecret: true, secret: 'NEW' }, SAVED)).toEqual({ version: 3, secret: 'NEW' })
  })
})
