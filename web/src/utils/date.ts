/** Today in the browser's time zone as YYYY-MM-DD (what a date picker shows). */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`
}

/** Epoch ms → YYYY-MM-DD in the browser's time zone. */
export function dateOfMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return ''
  const d = new Date(ms)
  return Number.isNaN(d.getTime()) ? '' : todayIso(d)
}
