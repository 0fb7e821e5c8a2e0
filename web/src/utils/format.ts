import { i18n } from '@/locales'

/** Epoch milliseconds → local date-time in the UI language. */
export function formatTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return ''
  const d = new Date(ms)
  if (Number.isNaN(d.getTime())) return ''
  return d.toLocaleString(i18n.global.locale.value, { hour12: false })
}

/** Epoch ms → "HH:mm" when it falls on today (local), else the date and "HH:mm" (a lockout end, a retry time). */
export function formatClock(ms: number, now: number = Date.now()): string {
  const d = new Date(ms)
  if (Number.isNaN(d.getTime())) return ''
  const today = new Date(now)
  const sameDay = d.getFullYear() === today.getFullYear() && d.getMonth() === today.getMonth() && d.getDate() === today.getDate()
  const clock: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
  const opts: Intl.DateTimeFormatOptions = sameDay ? clock : { ...clock, month: 'numeric', day: 'numeric' }
  return d.toLocaleString(i18n.global.locale.value, opts)
}
