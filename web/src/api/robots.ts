import { http, type Page, type RequestOptions } from './http'

// 群机器人: docs/api.md "Group robots (群机器人) and their delivery log". System administrator only
// (`robot.manage`). The server never sends a robot's secret, and shows its URL without the query
// (where WeCom and DingTalk put the robot's token).
export namespace RobotApi {
  /** 企业微信 / 钉钉 */
  export type Kind = 'wecom' | 'dingtalk'
  export type DeliveryStatus = 'pending' | 'delivered' | 'failed'

  export interface Robot {
    id: number
    unit_id: number
    unit_name: string
    kind: Kind | string
    name: string
    /** scheme, host and path only: the token is never shown */
    url: string
    has_secret: boolean
    enabled: boolean
    created_at: number
    version: number
  }

  export interface NewRobot {
    unit_id: number
    kind: Kind
    name?: string
    url: string
    secret?: string
    enabled?: boolean
  }
  /** Only what changes, with the version read. `secret: ""` removes the secret. */
  export interface RobotChange extends Partial<NewRobot> {
    version: number
  }

  export interface Delivery {
    id: number
    robot_id: number
    robot_name: string
    unit_name: string
    /** the notification kind it carries (factor_raised, escalated …), or `test` */
    kind: string
    title: string
    status: DeliveryStatus
    attempts: number
    /** when it is (re)tried next (epoch ms) */
    next_at: number
    last_error: string
    created_at: number
    delivered_at: number | null
  }
  export interface DeliveryQuery {
    robot_id?: number | null
    status?: DeliveryStatus | null
    page: number
    page_size: number
  }
}

export const ROBOT_KINDS: readonly RobotApi.Kind[] = ['wecom', 'dingtalk']
export const DELIVERY_STATUSES: readonly RobotApi.DeliveryStatus[] = ['pending', 'delivered', 'failed']

export const listRobots = (opts?: RequestOptions) => http.get<{ items: RobotApi.Robot[] }>('/robots', opts)
export const createRobot = (b: RobotApi.NewRobot, opts?: RequestOptions) => http.post<RobotApi.Robot>('/robots', b, opts)
export const updateRobot = (id: number, b: RobotApi.RobotChange, opts?: RequestOptions) =>
  http.patch<RobotApi.Robot>(`/robots/${id}`, b, opts)
/** 202 `{"queued":true}`: the test message goes out with the next delivery run (every minute). */
export const testRobot = (id: number, opts?: RequestOptions) => http.post<{ queued: boolean }>(`/robots/${id}/test`, {}, opts)
export const listDeliveries = (q: RobotApi.DeliveryQuery, opts?: RequestOptions) =>
  http.get<Page<RobotApi.Delivery>>('/robots/deliveries', {
    ...opts,
    query: { robot_id: q.robot_id ?? undefined, status: q.status ?? undefined, page: q.page, page_size: q.page_size },
  })
