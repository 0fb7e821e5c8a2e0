// The session's idle clock as the browser sees it: the server ends a session after
// `idle_minutes` (GET /meta `session`) without a request; every answered request restarts it.
// The last request's time is shared with the app's other tabs through localStorage, since a
// request in any tab keeps the one session alive. Pure functions here; the timer is in
// composables/useSessionTimeout.ts.

/** The warning shows this long before the cut-off (the issue: one minute). */
export const WARN_BEFORE_MS = 60_000
export const ACTIVITY_KEY = 'zs.session.activity'

export type SessionPhase = 'active' | 'warn' | 'expired'

/** Where the session stands at `now`, given the last request at `last`. */
export function sessionPhase(now: number, last: number, idleMinutes: number): SessionPhase {
  const end = last + idleMinutes * 60_000
  if (now >= end) return 'expired'
  if (now >= end - Math.min(WARN_BEFORE_MS, idleMinutes * 60_000)) return 'warn'
  return 'active'
}

/** Milliseconds until the phase next changes (at least 0). */
export function msUntilNextPhase(now: number, last: number, idleMinutes: number): number {
  const end = last + idleMinutes * 60_000
  const warn = end - Math.min(WARN_BEFORE_MS, idleMinutes * 60_000)
  return Math.max(0, (now < warn ? warn : end) - now)
}

/** Whole seconds left before the cut-off (for the countdown). */
export function secondsLeft(now: number, last: number, idleMinutes: number): number {
  return Math.max(0, Math.ceil((last + idleMinutes * 60_000 - now) / 1000))
}

export function readActivity(): number | null {
  try {
    const v = Number(localStorage.getItem(ACTIVITY_KEY))
    return Number.isFinite(v) && v > 0 ? v : null
  } catch {
    return null
  }
}

export function writeActivity(at: number): void {
  try {
    localStorage.setItem(ACTIVITY_KEY, String(at))
  } catch {
    // storage disabled: this tab keeps its own clock
  }
}
