import { computed } from 'vue'
import { storeToRefs } from 'pinia'
import { useIndustriesStore } from '@/stores/industries'
import { industryLabel } from '@/utils/industry'

// The GB/T 4754 list is large (1 971 rows) and never changes at run time: the store keeps it for
// the session (sessionStorage + ETag) and every picker and label shares it.
export function useIndustries() {
  const store = useIndustriesStore()
  const { items, options, byCode } = storeToRefs(store)
  const load = () => store.load()

  /** "3612 新能源车整车制造", or the bare code while the list is loading. */
  function label(code: string | null | undefined, name?: string | null): string {
    if (!code) return ''
    const i = byCode.value.get(code)
    if (i) return industryLabel(i)
    return name ? `${code} ${name}` : code
  }

  return { items, options, byCode, load, label, loaded: computed(() => items.value.length > 0) }
}
