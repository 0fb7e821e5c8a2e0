import { defineStore } from 'pinia'
import { ref } from 'vue'
import { getMeta, type MetaApi } from '@/api/meta'

export const useAppStore = defineStore('app', () => {
  const demo = ref(false)
  const version = ref('')
  /** The server's rules (reason codes, day ranges); null until GET /meta answered. */
  const rules = ref<MetaApi.Rules | null>(null)
  let loaded: Promise<void> | null = null

  /** GET /meta once per page load (again after a failure). */
  function loadMeta(): Promise<void> {
    loaded ??= getMeta()
      .then((m) => {
        demo.value = m.demo === true
        version.value = m.version ?? ''
        rules.value = m.rules ?? null
      })
      .catch(() => {
        loaded = null
      })
    return loaded
  }

  return { demo, version, rules, loadMeta }
})
