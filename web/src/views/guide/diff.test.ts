import { describe, expect, it } from 'vitest'
import type { GuideApi } from '@/api/guide'
import { defaultPair, diffSign, diffStats, foldDiff } from './diff'

const same = (n: number, from = 1): GuideApi.DiffLine[] =>
  Array.from({ length: n }, (_, i) => ({ op: 'same', text: `行${from + i}`, old_no: from + i, new_no: from + i }))

describe('version diff', () => {
  it('counts added and removed lines', () => {
    const lines: GuideApi.DiffLine[] = [
      { op: 'same', text: '# 标题', old_no: 1, new_no: 1 },
      { op: 'del', text: '- 旧', old_no: 2, new_no: 0 },
      { op: 'add', text: '- 新', old_no: 0, new_no: 2 },
      { op: 'add', text: '- 再加', old_no: 0, new_no: 3 },
    ]
    expect(diffStats(lines)).toEqual({ added: 2, removed: 1 })
    expect(lines.map((l) => diffSign(l.op))).toEqual([' ', '−', '+', '+'])
  })

  it('folds long unchanged runs to three lines of context around each change', () => {
    const lines = [...same(10), { op: 'add', text: '新', old_no: 0, new_no: 11 }, ...same(10, 11)]
    const rows = foldDiff(lines)
    expect(rows.map((r) => (r.kind === 'gap' ? `gap${r.count}@${r.start}` : r.line.text))).toEqual([
      'gap7@0',
      '行8',
      '行9',
      '行10',
      '新',
      '行11',
      '行12',
      '行13',
      'gap7@14',
    ])
  })

  it('shows a folded run once it is expanded, and never folds a single line', () => {
    const lines = [...same(4), { op: 'del', text: '旧', old_no: 5, new_no: 0 }, ...same(4, 5)]
    expect(foldDiff(lines).filter((r) => r.kind === 'gap')).toEqual([])
    const long = [...same(9), { op: 'del', text: '旧', old_no: 10, new_no: 0 }]
    expect(foldDiff(long)[0]).toEqual({ kind: 'gap', key: 'g0', start: 0, count: 6 })
    expect(foldDiff(long, 3, new Set([0])).every((r) => r.kind === 'line')).toBe(true)
  })

  it('shows every line when nothing changed', () => {
    expect(foldDiff(same(20)).length).toBe(20)
  })

  it('compares the previous version with the newest by default', () => {
    expect(defaultPair([3, 1, 2])).toEqual({ from: 2, to: 3 })
    expect(defaultPair([1])).toBeNull()
    expect(defaultPair([])).toBeNull()
  })
})
