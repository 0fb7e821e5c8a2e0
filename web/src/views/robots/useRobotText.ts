import { useI18n } from 'vue-i18n'
import type { RobotApi } from '@/api/robots'

/** Tag colour of a delivery's status: 待发送 orange, 已送达 green, 失败 red. */
export const DELIVERY_TAG: Record<RobotApi.DeliveryStatus, 'warning' | 'success' | 'danger'> = {
  pending: 'warning',
  delivered: 'success',
  failed: 'danger',
}

/** 群机器人 codes → words in the user's language (never the code itself). */
export function useRobotText() {
  const { t, te } = useI18n()
  const kind = (k: string | null | undefined) => (k && te(`robots.kinds.${k}`) ? t(`robots.kinds.${k}`) : (k ?? ''))
  const status = (s: string) => (te(`robots.deliveries.statuses.${s}`) ? t(`robots.deliveries.statuses.${s}`) : s)
  /** What a delivery carries: the notification kind in the inbox's words, or 测试消息. */
  const message = (k: string) => {
    if (k === 'test') return t('robots.deliveries.testKind')
    return te(`notifyPrefs.kinds.${k}.label`) ? t(`notifyPrefs.kinds.${k}.label`) : t('notifyPrefs.otherKind', { kind: k })
  }
  /** A field's reason on the robot form: the form's own wording first (robots.fieldErrors), then the general one. */
  const fieldReason = (field: string, reason: string, general: (r: string) => string) =>
    te(`robots.fieldErrors.${field}.${reason}`) ? t(`robots.fieldErrors.${field}.${reason}`) : general(reason)
  const tagType = (s: string) => DELIVERY_TAG[s as RobotApi.DeliveryStatus] ?? 'info'
  return { kind, status, message, fieldReason, tagType }
}
