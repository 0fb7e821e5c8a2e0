import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('element-plus/es/components/message/index.mjs', () => ({ ElMessage: vi.fn() }))

import { ElMessage } from 'element-plus/es/components/message/index.mjs'
import { ApiError } from '@/api/http'
import type { ProjectApi } from '@/api/projects'
import { setLocale } from '@/locales'
import { needsOverInvestmentConfirm, recordActivity } from './activityFlow'

const message = ElMessage as unknown as ReturnType<typeof vi.fn>
const body: ProjectApi.NewActivity = {
  kind: 'capital',
  date: '2026-05-01',
  participants: '',
  summary: '首期到位',
  amount_yuan: 10_000_000_000,
}
const saved = { id: 9, project_id: 1, kind: 'capital', amount_yuan: 10_000_000_000 }

function answers(...replies: [number, unknown][]) {
  const sent: unknown[] = []
  const fn = vi.fn(async (_url: string, init?: RequestInit) => {
    sent.push(JSON.parse(String(init?.body)))
    const [status, json] = replies.shift() ?? [500, {}]
    return new Response(JSON.stringify(json), { status, headers: { 'Content-Type': 'application/json' } })
  })
  vi.stubGlobal('fetch', fn)
  return sent
}
const over = (why: string) =>
  [400, { error: { code: 'invalid_argument', message: 'over', fields: { amount_yuan: why } } }] as [number, unknown]

describe('recording capital over the investment', () => {
  beforeEach(() => {
    setLocale('zh-CN')
    message.mockClear()
  })
  afterEach(() => vi.unstubAllGlobals())

  it('asks when the server says confirm_required, then resends the same body with the flag', async () => {
    const sent = answers(over('confirm_required'), [201, saved])
    const ask = vi.fn(async () => true)
    await expect(recordActivity(1, body, ask)).resolves.toMatchObject({ id: 9 })
    expect(ask).toHaveBeenCalledTimes(1)
    expect(sent).toEqual([body, { ...body, confirm_over_investment: true }])
    expect(message).not.toHaveBeenCalled()
  })

  it('sends nothing more when the user declines', async () => {
    const sent = answers(over('confirm_required'))
    await expect(recordActivity(1, body, async () => false)).resolves.toBeNull()
    expect(sent).toHaveLength(1)
  })

  it('does not ask on exceeds_investment: it shows the reason and fails', async () => {
    answers(over('exceeds_investment'))
    const ask = vi.fn(async () => true)
    await expect(recordActivity(1, body, ask)).rejects.toBeInstanceOf(ApiError)
    expect(ask).not.toHaveBeenCalled()
    expect(message.mock.calls.at(-1)?.[0]).toMatchObject({ message: '到位资金累计不能超过签约（或总）投资额' })
  })

  it('never sends the flag on its own', async () => {
    const sent = answers([201, saved])
    await recordActivity(1, body, async () => true)
    expect(sent).toEqual([body])
  })

  it('recognises only confirm_required', () => {
    const e = (why: string) => new ApiError(400, { code: 'invalid_argument', message: '', fields: { amount_yuan: why } }, '/p')
    expect(needsOverInvestmentConfirm(e('confirm_required'))).toBe(true)
    expect(needsOverInvestmentConfirm(e('exceeds_investment'))).toBe(false)
    expect(needsOverInvestmentConfirm(new Error('x'))).toBe(false)
  })
})
