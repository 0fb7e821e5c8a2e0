import { useI18n } from 'vue-i18n'

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
  }
}
