// 阶段清单 settings: rows ⇄ the PUT body, what counts as a change, moving rows, the server's checks
// before sending, and the server's `items.N.field` errors on the rows that were sent.
import { describe, expect, it } from 'vitest'
import type { ChecklistApi } from '@/api/checklists'
import { blankRow, checkRows, hasProblems, moveRow, payloadOf, placeErrors, rowsChanged, rowsOf } from './checklistForm'

const item = (id: number, title: string, over: Partial<ChecklistApi.Item> = {}): ChecklistApi.Item => ({
  id,
  stage: 'lead',
  title,
  detail: '',
  evidence_kind: null,
  required: false,
  ...over,
})
const SAVED = [item(1, '核实投资方主体信息', { evidence_kind: 'business_licence', detail: '查验营业执照' }), item(2, '首次接洽并记录跟进')]

describe('checklist settings form', () => {
  it('sends the rows in screen order, trimmed, with ids only for the items the server has', () => {
    const rows = rowsOf(SAVED)
    rows[1].title = '  首次接洽  '
    rows[1].required = true
    const added = blankRow()
    added.title = ' 摸清项目需求 '
    added.detail = ' 用地、用电 '
    added.evidence_kind = ''
    expect(payloadOf([rows[1], rows[0], added])).toEqual([
      { id: 2, title: '首次接洽', detail: '', evidence_kind: null, required: true },
      { id: 1, title: '核实投资方主体信息', detail: '查验营业执照', evidence_kind: 'business_licence', required: false },
      { title: '摸清项目需求', detail: '用地、用电', evidence_kind: null, required: false },
    ])
  })

  it('counts edits, order and 必做 as changes, and whitespace alone as none', () => {
    const rows = rowsOf(SAVED)
    expect(rowsChanged(rows, SAVED)).toBe(false)
    rows[0].title += ' '
    expect(rowsChanged(rows, SAVED)).toBe(false)
    expect(rowsChanged(moveRow(rows, 0, 1), SAVED)).toBe(true)
    rows[1].required = true
    expect(rowsChanged(rows, SAVED)).toBe(true)
    expect(rowsChanged([...rowsOf(SAVED), blankRow()], SAVED)).toBe(true)
    expect(rowsChanged(rowsOf(SAVED).slice(1), SAVED)).toBe(true)
  })

  it('moves a row one place and leaves the ends alone', () => {
    expect(moveRow(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b'])
    expect(moveRow(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c'])
    expect(moveRow(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c'])
    expect(moveRow(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c'])
  })

  it('checks what the server checks: empty, over 100 / 1000 characters, a repeated title, over the maximum', () => {
    const rows = [blankRow(), blankRow(), blankRow(), blankRow(), blankRow()]
    rows[0].title = '   '
    rows[1].title = '长'.repeat(101)
    rows[2].title = '签约'
    rows[3].title = ' 签约 '
    rows[4].title = '𠀀'.repeat(100) // 100 characters beyond the BMP: 200 UTF-16 units, still within the limit
    rows[4].detail = 'x'.repeat(1001)
    const p = checkRows(rows, 4)
    expect(p.list).toBe('too_many')
    expect(p.rows[rows[0].key]).toEqual({ title: 'required' })
    expect(p.rows[rows[1].key]).toEqual({ title: 'too_long' })
    expect(p.rows[rows[2].key]).toBeUndefined()
    expect(p.rows[rows[3].key]).toEqual({ title: 'duplicate' })
    expect(p.rows[rows[4].key]).toEqual({ detail: 'too_long' })
    expect(hasProblems(p)).toBe(true)
    expect(hasProblems(checkRows(rowsOf(SAVED), 30))).toBe(false)
  })

  it("puts the server's field errors on the rows that were sent, whatever moved since", () => {
    const sent = [...rowsOf(SAVED), blankRow()]
    const placed = placeErrors(
      { 'items.1.title': 'duplicate', 'items.2.evidence_kind': 'invalid_value', 'items.0.id': 'not_found', items: 'too_many', other: 'x' },
      sent,
    )
    expect(placed.rows[sent[1].key]).toEqual({ title: 'duplicate' })
    expect(placed.rows[sent[2].key]).toEqual({ evidence_kind: 'invalid_value' })
    expect(placed.rows[sent[0].key]).toEqual({ id: 'not_found' })
    expect(placed.list).toBe('too_many')
    expect(placed.other).toEqual([['other', 'x']])
    expect(placeErrors({ 'items.9.title': 'required' }, sent).other).toEqual([['items.9.title', 'required']])
  })
})
