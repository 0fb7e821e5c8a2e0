import { defineStore } from 'pinia'
import { ref } from 'vue'
import { ACTIVITY_KEY, readActivity, writeActivity } from '@/utils/sessionClock'

/** When the server last answered a request of this session (in this tab or another one). */
export const useSessionStore = defineStore('session', () => {
  const lastActivity = ref(readActivity() ?? Date.now())

  /** A request was answered: the server restarted the idle clock. */
  function touch(at: number = Date.now()): void {
    if (at <= lastActivity.value) return
    lastActivity.value = at
    writeActivity(at)
  }

  // Another tab's request keeps the same session alive.
  if (typeof window !== 'undefined')
    window.addEventListener('storage', (e) => {
      if (e.key !== ACTIVITY_KEY || !e.newValue) return
      const at = Number(e.newValue)
      if (Number.isFinite(at) && at > lastActivity.value) lastActivity.value = at
    })

  return { lastActivity, touch }
})
