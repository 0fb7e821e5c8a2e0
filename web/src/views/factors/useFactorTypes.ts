import { ref } from 'vue'
import { getFactorTypes, type FactorApi } from '@/api/factors'

// The types, their departments and the unresolvable reason codes (GET /factor-types), loaded once
// per page load and shared; the mapping editor reloads it after a change.
const types = ref<FactorApi.Types | null>(null)
let pending: Promise<FactorApi.Types | null> | null = null

function fetchTypes(): Promise<FactorApi.Types | null> {
  pending = getFactorTypes({ silent: true })
    .then((r) => (types.value = r))
    .catch(() => {
      pending = null // try again next time
      return null
    })
  return pending
}

export function useFactorTypes() {
  /** Loads the list unless it is loaded or loading. */
  const load = () => pending ?? fetchTypes()
  /** The list as the server has it now. */
  const reload = () => fetchTypes()
  const set = (v: FactorApi.Types) => (types.value = v)
  const byType = (type: string) => types.value?.items.find((i) => i.type === type) ?? null
  return { types, load, reload, set, byType }
}
