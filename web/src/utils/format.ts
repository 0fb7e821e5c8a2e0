// One way to write dates and times in both languages: YYYY-MM-DD, and HH:mm(:ss) beside it
// (the form Chinese government documents and Excel use; no locale-dependent 11/30/2026).

const p2 = (n: number) => String(n).padStart(2, '0')
const ymd = (d: Date) => `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}`
const hm = (d: Date) => `${p2(d.getHours())}:${p2(d.getMinutes())}`

/** Epoch milliseconds → "YYYY-MM-DD HH:mm:ss" in the browser's time zone. */
export function formatTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return ''
  const d = new Date(ms)
  if (Number.isNaN(d.getTime())) return ''
  return `${ymd(d)} ${hm(d)}:${p2(d.getSeconds())}`
}

/** Epoch milliseconds → "YYYY-MM-DD HH:mm" (lists where seconds say nothing: an upload's time). */
export function formatMinute(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return ''
  const d = new Date(ms)
  if (Number.isNaN(d.getTime())) return ''
  return `${ymd(d)} ${hm(d)}`
}

/** Epoch ms → "HH:mm" when it falls on today (local), else "YYYY-MM-DD HH:mm" (a lockout end, a retry time). */
export function formatClock(ms: number, now: number = Date.now()): string {
  const d = new Date(ms)
  if (Number.isNaN(d.getTime())) return ''
  return ymd(d) === ymd(new Date(now)) ? hm(d) : `${ymd(d)} ${hm(d)}`
}
