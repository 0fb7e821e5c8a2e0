import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { listIndustriesIfChanged, type CatalogApi } from '@/api/catalog'
import { industryOptions } from '@/utils/industry'

/** sessionStorage key of the GB/T 4754 list and its ETag (one browser tab's session). */
export const INDUSTRIES_KEY = 'zs.catalog.industries'

interface Cached {
  etag: string | null
  items: CatalogApi.Industry[]
}

function readCache(): Cached | null {
  try {
    const c = JSON.parse(sessionStorage.getItem(INDUSTRIES_KEY) ?? 'null') as Cached | null
    return c && Array.isArray(c.items) && c.items.length ? c : null
  } catch {
    return null
  }
}

function writeCache(c: Cached): void {
  try {
    sessionStorage.setItem(INDUSTRIES_KEY, JSON.stringify(c))
  } catch {
    // storage full or disabled: the list lasts for this page load
  }
}

/**
 * The GB/T 4754 list (~2 000 rows, 140 KB), once per session: kept in sessionStorage with the
 * server's ETag, shown from there at once, and checked once per page load with If-None-Match
 * (304 when unchanged: nothing is sent again).
 */
export const useIndustriesStore = defineStore('industries', () => {
  // shallow: 2 000 rows that never change one by one
  const items = shallowRef<CatalogApi.Industry[]>([])
  /** The cascader tree and the code index, built once for every picker and label. */
  const options = computed(() => industryOptions(items.value))
  const byCode = computed(() => new Map(items.value.map((i) => [i.code, i])))
  let etag: string | null = null
  let checked: Promise<void> | null = null

  function load(): Promise<void> {
    if (!items.value.length) {
      const cached = readCache()
      if (cached) {
        items.value = cached.items
        etag = cached.etag
      }
    }
    checked ??= listIndustriesIfChanged(etag, { silent: true })
      .then((fresh) => {
        if (!fresh) return // 304: what we have is current
        items.value = fresh.data.items
        etag = fresh.etag
        writeCache({ etag, items: fresh.data.items })
      })
      .catch(() => {
        checked = null // try again next time
      })
    // With a cached list nobody waits for the check.
    return items.value.length ? Promise.resolve() : checked
  }

  return { items, options, byCode, load }
})
