// The GB/T 4754 list is fetched once per session: later page loads show it from sessionStorage at
// once and only ask the server whether it changed (If-None-Match → 304, no body).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { INDUSTRIES_KEY, useIndustriesStore } from './industries'

const LIST = {
  items: [
    { code: 'C', level: 1, parent: null, name: '制造业' },
    { code: '36', level: 2, parent: 'C', name: '汽车制造业' },
  ],
}

function server(etag: string, body = LIST) {
  return vi.fn(async (_url: string, init?: RequestInit) => {
    const sent = (init?.headers as Record<string, string> | undefined)?.['If-None-Match']
    if (sent === etag) return new Response(null, { status: 304, headers: { ETag: etag } })
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json', ETag: etag } })
  })
}
const pageLoad = () => {
  setActivePinia(createPinia())
  return useIndustriesStore()
}
const ifNoneMatch = (f: ReturnType<typeof server>, call: number) =>
  (f.mock.calls[call][1]?.headers as Record<string, string> | undefined)?.['If-None-Match']

describe('the industries store', () => {
  beforeEach(() => sessionStorage.clear())
  afterEach(() => vi.unstubAllGlobals())

  it('fetches once, keeps the list with its ETag, and revalidates with If-None-Match on the next page load', async () => {
    const fetch = server('"v1"')
    vi.stubGlobal('fetch', fetch)
    const first = pageLoad()
    await first.load()
    expect(first.items.map((i) => i.code)).toEqual(['C', '36'])
    expect(first.options[0].children?.[0].label).toBe('36 汽车制造业')
    expect(String(fetch.mock.calls[0][0])).toBe('/api/v1/catalog/industries')
    expect(ifNoneMatch(fetch, 0)).toBeUndefined()
    await first.load() // the same page: no second request
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(JSON.parse(sessionStorage.getItem(INDUSTRIES_KEY) ?? '{}').etag).toBe('"v1"')

    const next = pageLoad()
    const loading = next.load()
    expect(next.items).toHaveLength(2) // shown at once from the session
    await loading
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2))
    expect(ifNoneMatch(fetch, 1)).toBe('"v1"')
    expect(next.items).toHaveLength(2)
  })

  it('takes a changed list when the server has a new version', async () => {
    vi.stubGlobal('fetch', server('"v1"'))
    await pageLoad().load()
    const changed = { items: [...LIST.items, { code: '361', level: 3, parent: '36', name: '汽车整车制造' }] }
    vi.stubGlobal('fetch', server('"v2"', changed))
    const next = pageLoad()
    next.load()
    await vi.waitFor(() => expect(next.items).toHaveLength(3))
    expect(JSON.parse(sessionStorage.getItem(INDUSTRIES_KEY) ?? '{}').etag).toBe('"v2"')
  })
})
