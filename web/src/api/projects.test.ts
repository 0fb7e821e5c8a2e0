import { afterEach, describe, expect, it, vi } from 'vitest'

vi.mock('element-plus/es/components/message/index.mjs', () => ({ ElMessage: vi.fn() }))

import { exportLedger, listProjects, previewImport, type ProjectApi } from './projects'
import { spreadsheetType } from '@/utils/download'

const okJson = () => vi.fn(async () => new Response(JSON.stringify({ items: [], total: 0, page: 1, page_size: 20 }), { status: 200 }))

describe('ledger export', () => {
  afterEach(() => vi.unstubAllGlobals())

  it("sends exactly the list's filters and sort, without paging", async () => {
    const fetchMock = okJson()
    vi.stubGlobal('fetch', fetchMock)
    const q: ProjectApi.LedgerQuery = {
      stage: ['negotiating', 'signed'],
      band: [2],
      q: ' 电机 ',
      overdue: true,
      industry: '36',
      park_id: 11,
      unit_id: null,
      reported_from: '2026-01-01',
      reported_to: '2026-03-31',
      sort: 'total_investment',
      order: 'asc',
    }
    await listProjects({ ...q, page: 3, page_size: 50 })
    await exportLedger(q).catch(() => undefined) // the stub's answer is JSON, fine for a blob too
    const [listUrl, exportUrl] = (fetchMock.mock.calls as unknown as [string][]).map(([u]) => new URL(u, 'http://x'))
    expect(exportUrl.pathname).toBe('/api/v1/projects/export.xlsx')
    const list = new URLSearchParams(listUrl.search)
    list.delete('page')
    list.delete('page_size')
    expect([...exportUrl.searchParams]).toEqual([...list])
    expect(exportUrl.searchParams.get('stage')).toBe('negotiating,signed')
    expect(exportUrl.searchParams.get('q')).toBe('电机')
    expect(exportUrl.searchParams.has('page')).toBe(false)
  })

  it('posts an import file with the Content-Type chosen by its name', async () => {
    const fetchMock = vi.fn(async () => new Response('{"total":0,"valid":0,"rejected":0,"rows":[]}', { status: 200 }))
    vi.stubGlobal('fetch', fetchMock)
    const f = new File(['a,b'], 'Leads.CSV', { type: 'application/vnd.ms-excel' })
    await previewImport(f, spreadsheetType(f.name)!)
    const [, init] = (fetchMock.mock.calls as unknown as [string, RequestInit][])[0]
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('text/csv')
  })

  it('accepts .xlsx and .csv only', () => {
    expect(spreadsheetType('台账.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(spreadsheetType('a.csv')).toBe('text/csv')
    expect(spreadsheetType('old.xls')).toBeNull()
    expect(spreadsheetType('noext')).toBeNull()
  })
})
