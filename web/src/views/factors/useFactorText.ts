import { useI18n } from 'vue-i18n'
import { quantityNumber } from './factorText'

/** 要素保障 codes → words in the user's language (never the code itself). */
export function useFactorText() {
  const { t, te } = useI18n()
  const word = (family: string, code: string | null | undefined, fallback: string) => {
    if (!code) return ''
    return te(`factors.${family}.${code}`) ? t(`factors.${family}.${code}`) : t(fallback)
  }
  const type = (c: string | null | undefined) => word('types', c, 'factors.otherType')
  const status = (c: string | null | undefined) => word('statuses', c, 'factors.otherStatus')
  const reason = (c: string | null | undefined) => word('reasons', c, 'factors.reasons.other')
  const event = (c: string | null | undefined) => word('events', c, 'factors.events.other')
  /** The unit label ('' for a type without a quantity). */
  const unit = (u: string | null | undefined) => (u && te(`factors.quantityUnits.${u}`) ? t(`factors.quantityUnits.${u}`) : '')
  /** "120 亩", "8,000 kVA", "" when there is none. */
  const quantity = (q: number | null | undefined, u: string) => {
    const n = quantityNumber(q, u)
    return n ? `${n} ${unit(u)}`.trim() : ''
  }
  return { type, status, reason, event, unit, quantity }
}
