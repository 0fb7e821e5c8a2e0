import { computed } from 'vue'
import { useAppStore } from '@/stores/app'

/**
 * The server's rules from GET /meta (loaded once per page): reason codes to offer, day ranges.
 * Null until the answer is in; a view that must check a range before sending awaits `ready`.
 */
export function useRules() {
  const app = useAppStore()
  const ready = app.loadMeta()
  return { rules: computed(() => app.rules), ready }
}
