import { describe, expect, it, vi } from 'vitest'
import { isReactive, ref, watch } from 'vue'
import { usePagedList, type PageRequest } from './usePagedList'

const page = <T>(items: T[], total: number) => ({ items, total, page: 1, page_size: 20 })

describe('usePagedList', () => {
  it('loads the current page with the caller filters and keeps total', async () => {
    const fetch = vi.fn(async (p: PageRequest) => page([`row${p.page}`], 41))
    const list = usePagedList(fetch)
    list.page.value = 3
    await list.load()
    expect(fetch).toHaveBeenLastCalledWith({ page: 3, page_size: 20 })
    expect(list.rows.value).toEqual(['row3'])
    expect(list.total.value).toBe(41)
    expect(list.loading.value).toBe(false)
  })

  it('search goes back to page 1', async () => {
    const fetch = vi.fn(async () => page(['a'], 1))
    const list = usePagedList(fetch, { defaultPageSize: 50 })
    list.page.value = 4
    await list.search()
    expect(fetch).toHaveBeenLastCalledWith({ page: 1, page_size: 50 })
  })

  it('uses page refs it is given (a state mirrored in the URL)', async () => {
    const state = { page: ref(2), size: ref(100) }
    const fetch = vi.fn(async () => page([], 0))
    const list = usePagedList(fetch, { page: state.page, pageSize: state.size })
    await list.load()
    expect(fetch).toHaveBeenLastCalledWith({ page: 2, page_size: 100 })
    await list.search()
    expect(state.page.value).toBe(1)
  })

  it('counts an unpaged answer and empties the list on failure', async () => {
    let fail = false
    const list = usePagedList(async () => {
      if (fail) throw new Error('down')
      return { items: [1, 2, 3] }
    })
    await list.load()
    expect(list.total.value).toBe(3)
    fail = true
    await list.load()
    expect(list.rows.value).toEqual([])
    expect(list.total.value).toBe(0)
    expect(list.loading.value).toBe(false)
  })

  it('ignores an older answer that arrives after a newer one', async () => {
    const pending: Array<(v: ReturnType<typeof page<string>>) => void> = []
    const list = usePagedList(() => new Promise<ReturnType<typeof page<string>>>((r) => pending.push(r)))
    const first = list.load()
    const second = list.load()
    pending[1](page(['new'], 1))
    await second
    expect(list.loading.value).toBe(false)
    pending[0](page(['old'], 9))
    await first
    expect(list.rows.value).toEqual(['new'])
    expect(list.total.value).toBe(1)
  })

  it('shows an answer at hand at once, without loading', () => {
    const fetch = vi.fn(async () => page(['later'], 1))
    const list = usePagedList(fetch, { initial: page(['a', 'b'], 42) })
    expect(list.rows.value).toEqual(['a', 'b'])
    expect(list.total.value).toBe(42)
    expect(list.loading.value).toBe(false)
    expect(fetch).not.toHaveBeenCalled()
  })

  it('keeps read-only rows as the plain answer: a deep watcher does not walk them, a new page still counts', async () => {
    const rows = [{ id: 1, nested: { name: 'x' } }]
    const list = usePagedList(async () => page([{ id: 2, nested: { name: 'y' } }], 1), { readonly: true, initial: page(rows, 1) })
    expect(list.rows.value[0]).toBe(rows[0])
    expect(isReactive(list.rows.value[0])).toBe(false)
    const seen = vi.fn()
    watch(list.rows, seen, { deep: true, flush: 'sync' })
    await list.load()
    expect(seen).toHaveBeenCalledTimes(1)
    expect(list.rows.value[0].id).toBe(2)
    expect(isReactive(list.rows.value[0])).toBe(false)
  })

  it('leaves read-only rows as they are when the answer is the same (a page shown again)', async () => {
    let n = 0
    const list = usePagedList(async () => page([{ id: 1, name: n ? 'b' : 'a' }], 1), { readonly: true })
    await list.load()
    const before = list.rows.value
    await list.load()
    expect(list.rows.value).toBe(before)
    n = 1
    await list.load()
    expect(list.rows.value).not.toBe(before)
    expect(list.rows.value[0].name).toBe('b')
  })
})
