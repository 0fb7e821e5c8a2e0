import { describe, expect, it } from 'vitest'
import type { GuideApi } from '@/api/guide'
import { articleBody, charCount, emptyArticleForm, fieldErrorKey, formOfArticle, isDirty, localProblems } from './articleForm'

const article: GuideApi.FullArticle = {
  id: 7,
  category: 'technique',
  title: '首次拜访要点',
  owner_unit_id: 2,
  owner_unit_name: '安庆市投资促进局',
  industry_codes: ['3612'],
  review_on: '2027-01-01',
  review_due: false,
  version: 3,
  reads: 4,
  readers: 2,
  updated_by_name: '刘洋',
  updated_at: 0,
  capabilities: { edit: true },
  body: '# 准备\n\n- 了解企业\n',
  html: '<h1 id="h-1">准备</h1>',
  headings: [{ level: 1, id: 'h-1', text: '准备' }],
}

describe('article form', () => {
  it('loads an article with an empty note and sends the body as typed, the title and note trimmed', () => {
    const f = formOfArticle(article)
    expect(f).toEqual({
      category: 'technique',
      title: '首次拜访要点',
      body: '# 准备\n\n- 了解企业\n',
      owner_unit_id: 2,
      industry_codes: ['3612'],
      chain_node_ids: [],
      review_on: '2027-01-01',
      note: '',
    })
    f.title = '  首次拜访要点（修订） '
    f.note = ' 补充 '
    expect(articleBody(f)).toEqual({
      category: 'technique',
      title: '首次拜访要点（修订）',
      body: '# 准备\n\n- 了解企业\n',
      owner_unit_id: 2,
      industry_codes: ['3612'],
      chain_node_ids: [],
      review_on: '2027-01-01',
      note: '补充',
    })
  })

  it('leaves the owner out when none is chosen (the caller’s unit) and sends null for no review date', () => {
    const f = emptyArticleForm('policy')
    f.title = '标题'
    f.body = '正文'
    f.review_on = ''
    const b = articleBody(f)
    expect('owner_unit_id' in b).toBe(false)
    expect(b.review_on).toBeNull()
    expect(b.industry_codes).toEqual([])
  })

  it('checks what the browser can before sending', () => {
    expect(localProblems(emptyArticleForm(), '2026-12-01')).toEqual({ category: 'required', title: 'required', body: 'required' })
    const f = emptyArticleForm('park')
    f.title = '字'.repeat(101)
    f.body = '  \n '
    f.note = '改'.repeat(201)
    f.industry_codes = Array.from({ length: 21 }, (_, i) => String(1000 + i))
    f.review_on = '2026-11-30'
    expect(localProblems(f, '2026-12-01')).toEqual({
      title: 'too_long',
      body: 'required',
      note: 'too_long',
      industry_codes: 'too_many',
      review_on: 'in_past',
    })
    f.title = '字'.repeat(100)
    f.body = 'x'
    f.note = ''
    f.industry_codes = ['3612']
    f.review_on = '2026-12-01'
    expect(localProblems(f, '2026-12-01')).toEqual({})
  })

  it('counts characters as the server does (code points)', () => {
    expect(charCount('招商')).toBe(2)
    expect(charCount('𠀀a')).toBe(2)
  })

  it('finds this form’s sentence for a reason, else none', () => {
    const known = new Set(['guide.fieldErrors.body.html_not_allowed'])
    const te = (k: string) => known.has(k)
    expect(fieldErrorKey('body', 'html_not_allowed', te)).toBe('guide.fieldErrors.body.html_not_allowed')
    expect(fieldErrorKey('body', 'something_new', te)).toBeNull()
  })

  it('is dirty once a field differs from what is saved', () => {
    const saved = formOfArticle(article)
    const f = formOfArticle(article)
    expect(isDirty(f, saved)).toBe(false)
    f.body += '- 新要点\n'
    expect(isDirty(f, saved)).toBe(true)
    expect(isDirty(emptyArticleForm(), emptyArticleForm())).toBe(false)
  })
})
