import { defineStore } from 'pinia'
import { ref } from 'vue'
import { getUnreadCount } from '@/api/notifications'

/**
 * The signed-in user's unread count (the header badge). The bell polls it; the inbox page sets it
 * from every answer that carries one (a list, a read, read-all), so the badge counts down at once.
 * Only the newest answer counts: a slow poll cannot undo a read.
 */
export const useInboxStore = defineStore('inbox', () => {
  /** null until the server answered for this user */
  const unread = ref<number | null>(null)
  let seq = 0

  async function refresh(): Promise<void> {
    const mine = ++seq
    try {
      const r = await getUnreadCount({ silent: true, background: true })
      if (mine === seq) unread.value = r.unread
    } catch {
      // keep what we had: the next poll or read tries again
    }
  }

  function set(n: number): void {
    seq++
    unread.value = Math.max(0, n)
  }

  /** Another user signs in on this page: nothing of the previous one's inbox. */
  function reset(): void {
    seq++
    unread.value = null
  }

  return { unread, refresh, set, reset }
})
