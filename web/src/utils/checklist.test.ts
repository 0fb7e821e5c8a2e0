import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import { missingItems, progressOf, tickProblem } from './checklist'

const it_ = (id: number, title: string, ticked = false, required = false) => ({ id, title, ticked, required })

describe("a project's checklist", () => {
  it('counts the ticked items and the required ones still open', () => {
    expect(progressOf([it_(1, 'a', true, true), it_(2, 'b', false, true), it_(3, 'c')])).toEqual({ done: 1, total: 3, requiredOpen: 1 })
    expect(progressOf([])).toEqual({ done: 0, total: 0, requiredOpen: 0 })
  })

  it("matches the server's missing titles to open items, in the server's order; the rest are unmatched", () => {
    const items = [it_(1, '核实投资方主体信息'), it_(2, '首次接洽并记录跟进'), it_(3, '摸清项目需求', true)]
    const m = missingItems(items, ['首次接洽并记录跟进', '核实投资方主体信息', '摸清项目需求', '已删除的事项'])
    expect(m.items.map((i) => i.id)).toEqual([2, 1])
    expect(m.unmatched).toEqual(['摸清项目需求', '已删除的事项'])
  })

  it('tells a refused note, an item no longer of the stage and a reader who is no party apart', () => {
    const err = (status: number, code: string, fields: Record<string, string> = {}) =>
      new ApiError(status, { code, message: 'x', fields }, '/projects/7/checklist/2/tick')
    expect(tickProblem(err(400, 'invalid_argument', { note: 'too_long' }))).toEqual({ kind: 'note', reason: 'too_long' })
    expect(tickProblem(err(404, 'not_found'))).toEqual({ kind: 'gone' })
    expect(tickProblem(err(403, 'forbidden'))).toEqual({ kind: 'forbidden' })
    expect(tickProblem(err(500, 'internal'))).toBeNull()
    expect(tickProblem(new Error('x'))).toBeNull()
  })
})

describe('a refusal for an open checklist item elsewhere (a park accepting a routing)', () => {
  it('reads in words through the one error message', async () => {
    const { errorMessage } = await import('@/api/http')
    const { setLocale } = await import('@/locales')
    setLocale('zh-CN')
    const err = new ApiError(400, { code: 'guard_failed', message: 'x', fields: { checklist: 'required' } }, '/routings/3/accept')
    expect(errorMessage(err)).toBe('项目当前阶段的清单还有必做事项未勾选，请在项目页“阶段清单”中勾选后再办理')
  })
})
