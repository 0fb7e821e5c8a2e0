import { computed, ref } from 'vue'
import { listIndustries, type CatalogApi } from '@/api/catalog'
import { industryLabel, industryOptions } from '@/utils/industry'

// The GB/T 4754 list is large (1 971 rows) and never changes at run time: load it once per
// page and share it between every picker (the server also allows long HTTP caching).
const items = ref<CatalogApi.Industry[]>([])
let pending: Promise<void> | null = null

export function useIndustries() {
  const options = computed(() => industryOptions(items.value))
  const byCode = computed(() => new Map(items.value.map((i) => [i.code, i])))

  function load(): Promise<void> {
    if (items.value.length) return Promise.resolve()
    pending ??= listIndustries({ silent: true })
      .then((r) => {
        items.value = r.items
      })
      .catch(() => {
        pending = null // try again next time
      })
    return pending
  }

  /** "3612 新能源车整车制造", or the bare code while the list is loading. */
  function label(code: string | null | undefined, name?: string | null): string {
    if (!code) return ''
    const i = byCode.value.get(code)
    if (i) return industryLabel(i)
    return name ? `${code} ${name}` : code
  }

  return { items, options, byCode, load, label, loaded: computed(() => items.value.length > 0) }
}
