// The ledger's rows asked for by the route: taken once by the page built for the same request,
// never waited for longer than the route allows, asked again by the page when they failed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const listProjects = vi.fn()
vi.mock('@/api/projects', async (original) => ({ ...(await original<typeof import('@/api/projects')>()), listProjects }))

const { askAhead, takeAhead, ledgerAlive } = await import('./ledgerAhead')
const { fromRouteQuery, toListRequest } = await import('./ledgerQuery')

const answer = (n: number) => ({ items: [{ id: n }], total: n, page: 1, page_size: 20 })
const request = (query: Record<string, string>) => toListRequest(fromRouteQuery(query))

describe('ledgerAhead', () => {
  beforeEach(() => {
    listProjects.mockReset()
    takeAhead(request({})) // nothing left over from another test
  })
  afterEach(() => vi.useRealTimers())

  it('asks for the route’s rows, silently, and hands them to the page built for the same request, once', async () => {
    listProjects.mockResolvedValue(answer(7))
    await askAhead({ stage: 'signed', page: '2' })
    expect(listProjects).toHaveBeenCalledTimes(1)
    const [q, opts] = listProjects.mock.calls[0]
    expect(q).toEqual(request({ stage: 'signed', page: '2' }))
    expect(opts).toEqual({ silent: true, noAuthRedirect: true })
    expect(takeAhead(request({ stage: 'lead' }))).toBeNull()
    expect(takeAhead(request({ stage: 'signed', page: '2' }))).toEqual({ rows: answer(7) })
    expect(takeAhead(request({ stage: 'signed', page: '2' }))).toBeNull()
  })

  it('waits at most the given time; the page then takes the request still on its way', async () => {
    vi.useFakeTimers()
    let reply: (v: unknown) => void = () => {}
    listProjects.mockReturnValue(new Promise((r) => (reply = r)))
    const waited = vi.fn()
    void askAhead({}, 300)!.then(waited)
    await vi.advanceTimersByTimeAsync(299)
    expect(waited).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(waited).toHaveBeenCalled()
    const taken = takeAhead(request({}))
    expect(taken && 'answer' in taken).toBe(true)
    reply(answer(3))
    expect(await (taken as { answer: Promise<unknown> }).answer).toEqual(answer(3))
  })

  it('a failed request is not the page’s answer: it is asked again there (and its error shown)', async () => {
    listProjects.mockRejectedValue(new Error('down'))
    await askAhead({})
    expect(takeAhead(request({}))).toBeNull()
  })

  it('asks nothing while a ledger page is alive (it shows its rows and refreshes them itself)', () => {
    ledgerAlive(1)
    try {
      expect(askAhead({})).toBeUndefined()
      expect(listProjects).not.toHaveBeenCalled()
    } finally {
      ledgerAlive(-1)
    }
  })
})
