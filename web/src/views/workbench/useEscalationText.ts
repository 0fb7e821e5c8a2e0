import { useI18n } from 'vue-i18n'
import { escalationSentence, isTier } from './escalationText'

/** 超期上报 in the user's language: tiers, object kinds and the sentence of one step. */
export function useEscalationText() {
  const { t, te } = useI18n()
  /** The tier as a tag: 单位负责人, 统筹部门 … */
  const tier = (c: string | null | undefined) => (isTier(c) ? t(`escalation.tiers.${c}`) : t('escalation.otherTier'))
  /** The kind of the escalated item: 项目, 分派, 要素需求, 督办. */
  const object = (c: string | null | undefined) =>
    c && te(`escalation.objects.${c}`) ? t(`escalation.objects.${c}`) : t('escalation.objects.other')
  /** 「已超期 3 个工作日，上报至单位负责人」; a routing's step says it is the park's answer that is late. */
  function sentence(tierCode: string | null | undefined, daysOver?: unknown, objectType?: string | null): string {
    const s = escalationSentence(tierCode, daysOver)
    const to = isTier(tierCode) ? t(`escalation.tierTo.${tierCode}`) : t('escalation.otherTier')
    const line = s.days ? t(`escalation.line.${s.key}`, { days: s.days, tier: to }, s.days) : t(`escalation.line.${s.key}`, { tier: to })
    return objectType === 'routing' ? t('escalation.line.routing', { line }) : line
  }
  return { tier, object, sentence }
}
