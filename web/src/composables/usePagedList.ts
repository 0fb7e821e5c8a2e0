import { ref, type Ref } from 'vue'

export interface PageRequest {
  page: number
  page_size: number
}

/** What a list endpoint answers: a page (`total` over all pages) or, for short lists, every item. */
export interface ListResponse<T> {
  items: T[]
  total?: number
}

export interface PagedListOptions {
  /** Keep the page number somewhere else (e.g. a state mirrored in the URL). */
  page?: Ref<number>
  pageSize?: Ref<number>
  /** Page size when `pageSize` is not given. */
  defaultPageSize?: number
}

/**
 * The rows, total, loading flag and page of a list the server filters and pages. `fetch` reads
 * the caller's filters and gets the page to ask for; a failed load leaves an empty list (the
 * error is shown by the request interceptor). Only the newest load may fill the list, so a
 * slow earlier answer cannot overwrite the answer to a later filter.
 */
export function usePagedList<T>(fetch: (p: PageRequest) => Promise<ListResponse<T>>, opts: PagedListOptions = {}) {
  // Deep like the refs it replaces: views edit rows in place (a toggled flag, a saved field).
  const rows = ref([]) as Ref<T[]>
  const total = ref(0)
  const loading = ref(false)
  const page = opts.page ?? ref(1)
  const pageSize = opts.pageSize ?? ref(opts.defaultPageSize ?? 20)
  let seq = 0

  async function load(): Promise<void> {
    const mine = ++seq
    loading.value = true
    try {
      const res = await fetch({ page: page.value, page_size: pageSize.value })
      if (mine !== seq) return
      rows.value = res.items
      total.value = res.total ?? res.items.length
    } catch {
      if (mine !== seq) return
      rows.value = []
      total.value = 0
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  /** New filters: back to page 1, then load. */
  function search(): Promise<void> {
    page.value = 1
    return load()
  }

  return { rows, total, loading, page, pageSize, load, search }
}
