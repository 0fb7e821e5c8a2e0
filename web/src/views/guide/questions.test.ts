import { describe, expect, it } from 'vitest'
import { i18n } from '@/locales'
import { answerProblem, askBody, askProblems, filtersOf, qaFieldErrorKey, queryOfFilters, sameFilters, statusOf } from './questions'

describe('一线提问', () => {
  it('reads 待解答 until someone answers', () => {
    expect(statusOf({ answers_count: 0 })).toBe('open')
    expect(statusOf({ answers_count: 1 })).toBe('answered')
    expect(statusOf({ answers_count: 3 })).toBe('answered')
  })

  it('keeps the filters in the address, unknown values as "all"', () => {
    expect(filtersOf({ topic: 'policy', status: 'open', mine: '1' })).toEqual({ topic: 'policy', status: 'open', mine: true })
    expect(filtersOf({ topic: 'gossip', status: 'closed', mine: 'yes' })).toEqual({ topic: '', status: '', mine: false })
    expect(filtersOf({ topic: ['policy'], status: ['open'] })).toEqual({ topic: '', status: '', mine: false })
    expect(queryOfFilters({ topic: 'park', status: 'answered', mine: true })).toEqual({ topic: 'park', status: 'answered', mine: '1' })
    expect(queryOfFilters({ topic: '', status: '', mine: false })).toEqual({})
    const f = { topic: 'park', status: 'open', mine: false } as const
    expect(sameFilters(filtersOf(queryOfFilters(f)), f)).toBe(true)
    expect(sameFilters(f, { ...f, mine: true })).toBe(false)
  })

  it('sends the title trimmed, the Markdown as typed (none when blank) and the project when there is one', () => {
    expect(askBody({ topic: 'technique', title: '  先给指标再注册？ ', body: '- 背景\n' }, 201)).toEqual({
      topic: 'technique',
      title: '先给指标再注册？',
      body: '- 背景\n',
      project_id: 201,
    })
    expect(askBody({ topic: 'policy', title: '能叠加吗', body: '  \n ' }, null)).toEqual({ topic: 'policy', title: '能叠加吗' })
    expect(askBody({ topic: null, title: '', body: '' }, undefined)).toEqual({ topic: '', title: '' })
  })

  it('checks the ask form as the server does: topic and title required, lengths in characters', () => {
    expect(askProblems({ topic: null, title: ' ', body: '' })).toEqual({ topic: 'required', title: 'required' })
    expect(askProblems({ topic: 'park', title: '问'.repeat(100), body: '说'.repeat(2000) })).toEqual({})
    expect(askProblems({ topic: 'park', title: '问'.repeat(101), body: '说'.repeat(2001) })).toEqual({
      title: 'too_long',
      body: 'too_long',
    })
    // A character outside the BMP is one character, as the server counts.
    expect(askProblems({ topic: 'park', title: '𠀀'.repeat(100), body: '' })).toEqual({})
  })

  it('checks an answer: not blank, at most 8000 characters', () => {
    expect(answerProblem('  \n')).toBe('required')
    expect(answerProblem('先签框架协议')).toBe('')
    expect(answerProblem('答'.repeat(8000))).toBe('')
    expect(answerProblem('答'.repeat(8001))).toBe('too_long')
  })

  it('words the server’s reasons per form in both languages, unknown ones left to validation.reasons', () => {
    const te = (k: string) => i18n.global.te(k)
    for (const locale of ['zh-CN', 'en'] as const) {
      i18n.global.locale.value = locale
      for (const [form, field, reason] of [
        ['ask', 'topic', 'invalid_value'],
        ['ask', 'title', 'too_long'],
        ['ask', 'body', 'html_not_allowed'],
        ['ask', 'body', 'unsafe_link'],
        ['ask', 'body', 'external_image'],
        ['ask', 'project_id', 'not_found'],
        ['answer', 'body', 'required'],
        ['answer', 'body', 'too_long'],
        ['answer', 'body', 'html_not_allowed'],
      ] as const)
        expect(qaFieldErrorKey(form, field, reason, te), `${locale} ${form}.${field}.${reason}`).toBe(
          `qa.fieldErrors.${form}.${field}.${reason}`,
        )
    }
    i18n.global.locale.value = 'zh-CN'
    expect(i18n.global.t('qa.fieldErrors.ask.title.too_long')).toBe('问题最多 100 个字')
    expect(qaFieldErrorKey('ask', 'title', 'duplicate', te)).toBeNull()
    expect(qaFieldErrorKey('answer', 'project_id', 'not_found', te)).toBeNull()
  })
})
