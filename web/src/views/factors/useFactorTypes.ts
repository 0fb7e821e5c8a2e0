import { ref } from 'vue'
import { getFactorTypes, type FactorApi } from '@/api/factors'
import { useAuthStore } from '@/stores/auth'

// The types, their departments and the unresolvable reason codes (GET /factor-types), loaded once
// per user and shared; the mapping editor reloads it after a change. The answer carries what THIS
// user may do (capabilities), so another user signing in on the same page asks again.
const types = ref<FactorApi.Types | null>(null)
let pending: Promise<FactorApi.Types | null> | null = null
let loadedFor: number | null = null

function fetchTypes(user: number | null): Promise<FactorApi.Types | null> {
  loadedFor = user
  pending = getFactorTypes({ silent: true })
    .then((r) => {
      if (loadedFor === user) types.value = r
      return r
    })
    .catch(() => {
      pending = null // try again next time
      return null
    })
  return pending
}

export function useFactorTypes() {
  const auth = useAuthStore()
  const user = () => auth.user?.id ?? null
  /** Loads the list unless it is loaded (or loading) for this user. */
  const load = () => {
    if (pending && loadedFor === user()) return pending
    types.value = null
    return fetchTypes(user())
  }
  /** The list as the server has it now. */
  const reload = () => fetchTypes(user())
  const set = (v: FactorApi.Types) => (types.value = v)
  const byType = (type: string) => types.value?.items.find((i) => i.type === type) ?? null
  return { types, load, reload, set, byType }
}
