import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('element-plus/es/components/message/index.mjs', () => ({ ElMessage: vi.fn() }))

import { ElMessage } from 'element-plus/es/components/message/index.mjs'
import { ApiError } from '@/api/http'
import type { ProjectApi } from '@/api/projects'
import { setLocale } from '@/locales'
import { needsCollisionConfirm, reportLead, reportingUnits } from './leadFlow'

const message = ElMessage as unknown as ReturnType<typeof vi.fn>
const body: Partial<ProjectApi.Editable> = {
  name: '申能二期',
  investor_name: '上海申能动力电池有限公司',
  industry_code: '3841',
  total_investment_yuan: 100_000_000,
  source_channel: 'visit',
}
const hit = (unit: string, id = 7): ProjectApi.CollisionHit => ({
  project_id: id,
  match: 'name',
  similarity: 0.93,
  investor_name: '上海申能…',
  project_name: '某某项目',
  reporting_unit_name: unit,
  reported_on: '2026-03-02',
  stage: 'negotiating',
  in_scope: false,
})
const made = { id: 301, name: '申能二期' }

/** Replies in order; returns [method, path, body] of each request. */
function answers(...replies: [number, unknown][]) {
  const sent: [string, string, unknown][] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      sent.push([init?.method ?? 'GET', new URL(url, 'http://x').pathname, init?.body ? JSON.parse(String(init.body)) : null])
      const [status, json] = replies.shift() ?? [500, {}]
      return new Response(JSON.stringify(json), { status, headers: { 'Content-Type': 'application/json' } })
    }),
  )
  return sent
}
const confirmRequired = [
  400,
  { error: { code: 'invalid_argument', message: 'collision', fields: { collision_confirmed: 'confirm_required' } } },
] as [number, unknown]

describe('reporting a lead whose investor was reported before', () => {
  beforeEach(() => {
    setLocale('zh-CN')
    message.mockClear()
  })
  afterEach(() => vi.unstubAllGlobals())

  it('asks first when the hint is showing, then sends only the flag — never the hits', async () => {
    const sent = answers([201, made])
    const ask = vi.fn(async () => true)
    await expect(reportLead(body, [hit('宜秀区投资促进中心')], ask)).resolves.toMatchObject({ id: 301 })
    expect(ask).toHaveBeenCalledWith([expect.objectContaining({ reporting_unit_name: '宜秀区投资促进中心' })])
    expect(sent).toEqual([['POST', '/api/v1/projects', { ...body, collision_confirmed: true }]])
  })

  it('sends nothing when the reporter declines', async () => {
    const sent = answers()
    await expect(reportLead(body, [hit('宜秀区投资促进中心')], async () => false)).resolves.toBeNull()
    expect(sent).toHaveLength(0)
  })

  it('asks with the server’s hits when the form had not shown any yet', async () => {
    const sent = answers(confirmRequired, [200, { hits: [hit('大观区投资促进中心', 9)] }], [201, made])
    const ask = vi.fn(async () => true)
    await expect(reportLead(body, [], ask)).resolves.toMatchObject({ id: 301 })
    expect(ask).toHaveBeenCalledWith([expect.objectContaining({ project_id: 9 })])
    expect(sent.map(([m, p]) => `${m} ${p}`)).toEqual([
      'POST /api/v1/projects',
      'POST /api/v1/projects/collision-check',
      'POST /api/v1/projects',
    ])
    expect(sent[2][2]).toEqual({ ...body, collision_confirmed: true })
    expect(message).not.toHaveBeenCalled()
  })

  it('reports without a question when there is no collision', async () => {
    const sent = answers([201, made])
    const ask = vi.fn(async () => true)
    await reportLead(body, [], ask)
    expect(ask).not.toHaveBeenCalled()
    expect(sent[0][2]).toEqual(body)
  })

  it('shows other refusals and rethrows them for the fields', async () => {
    answers([400, { error: { code: 'invalid_argument', message: 'bad', fields: { name: 'required' } } }])
    await expect(reportLead(body, [], async () => true)).rejects.toBeInstanceOf(ApiError)
    expect(message).toHaveBeenCalledTimes(1)
  })

  it('names each reporting unit once', () => {
    expect(reportingUnits([hit('甲'), hit('乙'), hit('甲')])).toEqual(['甲', '乙'])
    const e = (why: string) => new ApiError(400, { code: 'invalid_argument', message: '', fields: { collision_confirmed: why } }, '/p')
    expect(needsCollisionConfirm(e('confirm_required'))).toBe(true)
    expect(needsCollisionConfirm(e('wrong_type'))).toBe(false)
  })
})
