import { onBeforeUnmount, ref, watch, type Ref } from 'vue'
import { useSessionStore } from '@/stores/session'
import { msUntilNextPhase, secondsLeft, sessionPhase } from '@/utils/sessionClock'

/**
 * The idle-timeout warning's state: `warning` turns true a minute before the server would end
 * the session (`idleMinutes` from GET /meta; null = the server did not say, never warn), and
 * `seconds` counts down. At the cut-off `onExpired` runs: it should ask the server (a request
 * in another tab may have kept the session), which sends the user to the login page on a 401.
 */
export function useSessionTimeout(idleMinutes: Ref<number | null>, onExpired: () => void) {
  const session = useSessionStore()
  const warning = ref(false)
  const seconds = ref(0)
  let timer: ReturnType<typeof setTimeout> | null = null
  let ticker: ReturnType<typeof setInterval> | null = null
  let expiredFor = 0 // the activity time we already reported as expired (once per idle period)

  function stop(): void {
    if (timer) clearTimeout(timer)
    if (ticker) clearInterval(ticker)
    timer = null
    ticker = null
  }

  function check(): void {
    stop()
    const idle = idleMinutes.value
    if (!idle || idle <= 0) {
      warning.value = false
      return
    }
    const now = Date.now()
    const last = session.lastActivity
    const phase = sessionPhase(now, last, idle)
    warning.value = phase === 'warn'
    seconds.value = secondsLeft(now, last, idle)
    if (phase === 'warn') ticker = setInterval(() => (seconds.value = secondsLeft(Date.now(), session.lastActivity, idle)), 1000)
    if (phase === 'expired') {
      if (expiredFor !== last) {
        expiredFor = last
        onExpired()
      }
      return
    }
    timer = setTimeout(check, msUntilNextPhase(now, last, idle) + 50)
  }

  watch([idleMinutes, () => session.lastActivity], check, { immediate: true })
  onBeforeUnmount(stop)

  return { warning, seconds }
}
