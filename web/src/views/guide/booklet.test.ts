import { describe, expect, it } from 'vitest'
import type { GuideApi } from '@/api/guide'
import { articleAnchor, bookletSections, uniqueIds } from './booklet'

const a = (id: number, category: string): GuideApi.BookletArticle => ({
  id,
  category,
  title: `文章${id}`,
  owner_unit_id: 2,
  owner_unit_name: '安庆市投资促进局',
  industry_codes: [],
  review_on: null,
  review_due: false,
  version: 1,
  reads: 0,
  readers: 0,
  updated_by_name: '刘洋',
  updated_at: 0,
  html: '',
  headings: [],
})

describe('booklet', () => {
  it('groups the articles by category in the server’s order, leaving empty categories out', () => {
    const s = bookletSections(
      [a(1, 'technique'), a(2, 'industry'), a(3, 'technique'), a(4, 'new_kind')],
      ['industry', 'policy', 'technique'],
    )
    expect(s.map((x) => [x.category, x.items.map((i) => i.id)])).toEqual([
      ['industry', [2]],
      ['technique', [1, 3]],
      ['new_kind', [4]],
    ])
  })

  it('makes each article’s heading ids and the links to them unique on the page', () => {
    expect(articleAnchor(5)).toBe('a-5')
    expect(uniqueIds('<h1 id="h-1">准备</h1><p><a href="#h-1">回到准备</a></p>', 5)).toBe(
      '<h1 id="a-5-h-1">准备</h1><p><a href="#a-5-h-1">回到准备</a></p>',
    )
  })
})
