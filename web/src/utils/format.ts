import { i18n } from '@/locales'

/** Epoch milliseconds → local date-time in the UI language. */
export function formatTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return ''
  const d = new Date(ms)
  if (Number.isNaN(d.getTime())) return ''
  return d.toLocaleString(i18n.global.locale.value, { hour12: false })
}
