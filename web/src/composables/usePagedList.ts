import { markRaw, ref, shallowRef, type Ref } from 'vue'

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
  /** An answer already at hand (asked for before the page was built): the rows show at once, without a load. */
  initial?: ListResponse<unknown>
  /**
   * Rows the view only reads (a table of the server's answer): kept as the plain answer, not made
   * deeply reactive, so neither the view nor a deep watcher (el-table's `data`) walks every field;
   * an answer equal to the rows on screen (a page shown again, refreshed) leaves them as they are.
   */
  readonly?: boolean
}

/**
 * The rows, total, loading flag and page of a list the server filters and pages. `fetch` reads
 * the caller's filters and gets the page to ask for; a failed load leaves an empty list (the
 * error is shown by the request interceptor). Only the newest load may fill the list, so a
 * slow earlier answer cannot overwrite the answer to a later filter.
 */
/** The same rows, field by field (JSON answers: plain data). */
function sameRows(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && JSON.stringify(a) === JSON.stringify(b)
}

export function usePagedList<T>(fetch: (p: PageRequest) => Promise<ListResponse<T>>, opts: PagedListOptions = {}) {
  // Deep like the refs it replaces: views edit rows in place (a toggled flag, a saved field) — unless `readonly`.
  const plain = (items: T[]): T[] => (opts.readonly ? markRaw(items) : items)
  const first = opts.initial as ListResponse<T> | undefined
  const rows = (opts.readonly ? shallowRef(plain(first?.items ?? [])) : ref(first?.items ?? [])) as Ref<T[]>
  const total = ref(first ? (first.total ?? first.items.length) : 0)
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
      if (!(opts.readonly && sameRows(rows.value, res.items))) rows.value = plain(res.items)
      total.value = res.total ?? res.items.length
    } catch {
      if (mine !== seq) return
      rows.value = plain([])
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
