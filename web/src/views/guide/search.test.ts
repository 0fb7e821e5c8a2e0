import { describe, expect, it } from 'vitest'
import { hitRoute, joinSegments, kindOf, queryOf } from './search'

describe('search hits', () => {
  it('joins neighbouring segments of the same kind and drops empty ones', () => {
    expect(
      joinSegments([
        { text: '支持工业', hit: false },
        { text: '', hit: true },
        { text: '用', hit: true },
        { text: '地', hit: true },
        { text: '。', hit: false },
        { text: '保障', hit: false },
      ]),
    ).toEqual([
      { text: '支持工业', hit: false },
      { text: '用地', hit: true },
      { text: '。保障', hit: false },
    ])
    expect(joinSegments(undefined)).toEqual([])
  })

  it('opens an article, a policy, a park card or a question; nothing for a kind without a page', () => {
    expect(hitRoute({ kind: 'article', ref_id: 3 })).toEqual({ name: 'guide-article', params: { id: 3 } })
    expect(hitRoute({ kind: 'policy', ref_id: 10 })).toEqual({ name: 'policy-detail', params: { id: 10 } })
    expect(hitRoute({ kind: 'park', ref_id: 11 })).toEqual({ name: 'park-card', params: { id: 11 } })
    expect(hitRoute({ kind: 'qa', ref_id: 4 })).toEqual({ name: 'guide-question', params: { id: 4 } })
    expect(hitRoute({ kind: 'project', ref_id: 1 })).toBeNull()
    expect(hitRoute({ kind: 'article', ref_id: 0 })).toBeNull()
  })

  it('reads the word and the kind from the address', () => {
    expect(queryOf('用地')).toBe('用地')
    expect(queryOf(['a'])).toBe('')
    expect(queryOf('字'.repeat(60))).toBe('字'.repeat(50))
    expect(kindOf('policy')).toBe('policy')
    expect(kindOf('qa')).toBe('qa')
    expect(kindOf('project')).toBe('')
  })
})
