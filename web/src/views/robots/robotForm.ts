// 群机器人 form ⇄ request bodies. The server shows a saved robot's URL without its query (the
// token) and never its secret: on edit both start empty, and an empty one is kept as it is. An
// edit sends only what changed, with the version read.
import type { RobotApi } from '@/api/robots'

export const ROBOT_FIELDS = ['unit_id', 'kind', 'name', 'url', 'secret'] as const
export type RobotField = (typeof ROBOT_FIELDS)[number]

export const MAX_NAME = 100
export const MAX_SECRET = 200
export const MAX_URL = 1000

export interface RobotForm {
  unit_id: number | null
  kind: RobotApi.Kind
  name: string
  /** create: the whole webhook URL; edit: '' keeps the saved one */
  url: string
  /** '' keeps the saved secret (or sets none) */
  secret: string
  /** edit only: remove the saved secret */
  clearSecret: boolean
  enabled: boolean
}

export const emptyRobotForm = (): RobotForm => ({
  unit_id: null,
  kind: 'wecom',
  name: '',
  url: '',
  secret: '',
  clearSecret: false,
  enabled: true,
})

export function robotFormOf(r: RobotApi.Robot): RobotForm {
  return {
    unit_id: r.unit_id,
    kind: r.kind === 'dingtalk' ? 'dingtalk' : 'wecom',
    name: r.name,
    url: '',
    secret: '',
    clearSecret: false,
    enabled: r.enabled,
  }
}

/** What the server takes (notify/robot_message.cpp IsRobotUrl): http(s), a host, no user name or password. */
export function isRobotUrl(s: string): boolean {
  if (s.length > MAX_URL) return false
  let u: URL
  try {
    u = new URL(s)
  } catch {
    return false
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return false
  return !!u.hostname && !u.username && !u.password && /^https?:\/\/[^/?#]/i.test(s)
}

/** The form's own checks, with the server's reason codes; `editing` = the robot being edited, null when adding. */
export function robotProblems(f: RobotForm, editing: RobotApi.Robot | null): Partial<Record<RobotField, string>> {
  const out: Partial<Record<RobotField, string>> = {}
  if (f.unit_id === null) out.unit_id = 'required'
  const url = f.url.trim()
  if (!url) {
    if (!editing) out.url = 'required'
  } else if (!isRobotUrl(url)) out.url = 'invalid_url'
  if ([...f.name.trim()].length > MAX_NAME) out.name = 'too_long'
  if ([...f.secret].length > MAX_SECRET) out.secret = 'too_long'
  return out
}

export function createBody(f: RobotForm): RobotApi.NewRobot {
  const b: RobotApi.NewRobot = { unit_id: f.unit_id as number, kind: f.kind, url: f.url.trim(), enabled: f.enabled }
  const name = f.name.trim()
  if (name) b.name = name
  if (f.secret) b.secret = f.secret
  return b
}

/** Only the changes: a URL or secret left empty is not sent (kept); `clearSecret` sends `secret: ""`. */
export function changeBody(f: RobotForm, r: RobotApi.Robot): RobotApi.RobotChange {
  const b: RobotApi.RobotChange = { version: r.version }
  if (f.unit_id !== null && f.unit_id !== r.unit_id) b.unit_id = f.unit_id
  if (f.kind !== r.kind) b.kind = f.kind
  if (f.name.trim() !== r.name) b.name = f.name.trim()
  if (f.url.trim()) b.url = f.url.trim()
  if (f.secret) b.secret = f.secret
  else if (f.clearSecret && r.has_secret) b.secret = ''
  if (f.enabled !== r.enabled) b.enabled = f.enabled
  return b
}

/** True when an edit would send nothing but the version. */
export const isEmptyChange = (b: RobotApi.RobotChange): boolean => Object.keys(b).length === 1
