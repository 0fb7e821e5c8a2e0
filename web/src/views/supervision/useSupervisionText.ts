import { useI18n } from 'vue-i18n'
import type { SupervisionApi } from '@/api/supervision'
import { TIERS } from '@/views/notifications/inboxText'

/** 督办 codes → words in the user's language (never the code itself). */
export function useSupervisionText() {
  const { t, te } = useI18n()
  const word = (family: string, code: string | null | undefined) => {
    if (!code) return ''
    return te(`supervision.${family}.${code}`) ? t(`supervision.${family}.${code}`) : t(`supervision.${family}.other`)
  }
  return {
    status: (c: string | null | undefined) => word('statuses', c),
    priority: (c: string | null | undefined) => word('priorities', c),
    event: (c: string | null | undefined) => word('events', c),
    subjectType: (c: string | null | undefined) => word('subjectTypes', c),
    /** Who took a step; the escalation sweep is nobody in particular. */
    actor: (e: SupervisionApi.Event) => e.user_name || t('supervision.detail.system'),
    /** An escalation's note is its tier (a code): in words. */
    note: (e: SupervisionApi.Event) => {
      if (e.kind !== 'escalated' || !(TIERS as readonly string[]).includes(e.note)) return e.note
      // The first tier reminds the unit itself; the others raise it to someone above.
      if (e.note === 'responsible') return t('supervision.detail.reminded')
      return t('supervision.detail.escalatedTo', { tier: t(`inbox.tiers.${e.note}`) })
    },
  }
}
