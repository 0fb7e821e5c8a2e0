import { describe, expect, it } from 'vitest'
import type { ReviewApi } from '@/api/review'
import { sheetFormFrom, sheetPayload, sheetProblems } from './sheetForm'

const criteria: ReviewApi.Criterion[] = [
  { code: 'industry_fit', name_zh: '产业契合度', name_en: 'Industry fit', weight: 20 },
  { code: 'investment_intensity', name_zh: '投资强度', name_en: 'Investment intensity', weight: 15 },
  { code: 'technology', name_zh: '技术先进性', name_en: 'Technology', weight: 15 },
]

describe('review sheet form', () => {
  it('starts from the prefill, rounded, and marks which scores were prefilled', () => {
    const { form, prefilled } = sheetFormFrom(
      { my_sheet: null, prefill: { industry_fit: 9.5, investment_intensity: 6, technology: null } },
      criteria,
    )
    expect(form.scores).toEqual({ industry_fit: 10, investment_intensity: 6, technology: null })
    expect([...prefilled]).toEqual(['industry_fit', 'investment_intensity'])
    expect(form.vote).toBeNull()
  })

  it('starts from my saved sheet when there is one', () => {
    const mine = {
      recused: false,
      scores: { industry_fit: 7, investment_intensity: 5, technology: 8 },
      vote: 'reject',
      reason_codes: ['below_threshold'],
      questions: '',
      comment: '门槛偏低',
    } as unknown as ReviewApi.Sheet
    const { form, prefilled } = sheetFormFrom({ my_sheet: mine, prefill: { industry_fit: 10 } }, criteria)
    expect(form).toMatchObject({
      scores: { industry_fit: 7, technology: 8 },
      vote: 'reject',
      reason_codes: ['below_threshold'],
      comment: '门槛偏低',
    })
    expect(prefilled.size).toBe(0)
  })

  it('asks for every score, a vote, reasons for a rejection and questions for more information', () => {
    const { form } = sheetFormFrom({ my_sheet: null, prefill: {} }, criteria)
    expect(sheetProblems(form, criteria)).toEqual(['scores', 'vote'])
    Object.assign(form.scores, { industry_fit: 8, investment_intensity: 7, technology: 11 })
    expect(sheetProblems(form, criteria)).toEqual(['scores', 'vote'])
    form.scores.technology = 9
    form.vote = 'reject'
    expect(sheetProblems(form, criteria)).toEqual(['reason_codes'])
    form.vote = 'more_info'
    expect(sheetProblems(form, criteria)).toEqual(['questions'])
    form.questions = '请补充环评材料'
    expect(sheetProblems(form, criteria)).toEqual([])
  })

  it('sends only what the vote asks for', () => {
    const { form } = sheetFormFrom({ my_sheet: null, prefill: { industry_fit: 8, investment_intensity: 7, technology: 9 } }, criteria)
    form.vote = 'approve'
    form.reason_codes = ['other']
    form.questions = 'x'
    form.comment = '  同意 '
    expect(sheetPayload(form, criteria)).toEqual({
      scores: { industry_fit: 8, investment_intensity: 7, technology: 9 },
      vote: 'approve',
      comment: '同意',
    })
  })
})
