import { defineStore } from 'pinia'
import { ref } from 'vue'
import { getMeta, type MetaApi } from '@/api/meta'

/** Only positive numbers count: anything else means the server did not say. */
export function validSession(s: MetaApi.SessionRules | null | undefined): MetaApi.SessionRules | null {
  if (!s || !(Number(s.idle_minutes) > 0)) return null
  return { idle_minutes: Number(s.idle_minutes), absolute_hours: Number(s.absolute_hours) > 0 ? Number(s.absolute_hours) : 0 }
}

export const useAppStore = defineStore('app', () => {
  const demo = ref(false)
  const version = ref('')
  /** The server's rules (reason codes, day ranges); null until GET /meta answered. */
  const rules = ref<MetaApi.Rules | null>(null)
  /** The server's session lifetimes; null when it does not say (no timeout warning then). */
  const session = ref<MetaApi.SessionRules | null>(null)
  let loaded: Promise<void> | null = null

  /** GET /meta once per page load (again after a failure). */
  function loadMeta(): Promise<void> {
    loaded ??= getMeta()
      .then((m) => {
        demo.value = m.demo === true
        version.value = m.version ?? ''
        rules.value = m.rules ?? null
        session.value = validSession(m.session)
      })
      .catch(() => {
        loaded = null
      })
    return loaded
  }

  return { demo, version, rules, session, loadMeta }
})
