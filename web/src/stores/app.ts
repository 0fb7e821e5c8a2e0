import { defineStore } from 'pinia'
import { ref } from 'vue'
import { getMeta } from '@/api/meta'

export const useAppStore = defineStore('app', () => {
  const demo = ref(false)
  const version = ref('')
  let loaded: Promise<void> | null = null

  /** GET /meta once per page load. */
  function loadMeta(): Promise<void> {
    loaded ??= getMeta()
      .then((m) => {
        demo.value = m.demo === true
        version.value = m.version ?? ''
      })
      .catch(() => {
        loaded = null
      })
    return loaded
  }

  return { demo, version, loadMeta }
})
