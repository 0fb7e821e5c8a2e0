import { describe, expect, it } from 'vitest'
import { i18n } from '@/locales'
import { categoryKey, categoryOf, kindKey, orderedCategories } from './guideText'

describe('guide words', () => {
  it('words every category and kind in both languages, and an unknown one as 其他', () => {
    for (const c of ['industry', 'policy', 'technique', 'checklist', 'park', 'mystery'])
      for (const loc of ['zh-CN', 'en'] as const) expect(i18n.global.te(categoryKey(c), loc)).toBe(true)
    expect(i18n.global.t(categoryKey('checklist'), {}, { locale: 'zh-CN' })).toBe('阶段清单')
    expect(i18n.global.t(categoryKey('mystery'), {}, { locale: 'zh-CN' })).toBe('其他')
    expect(i18n.global.t(kindKey('park'), {}, { locale: 'zh-CN' })).toBe('园区名片')
    expect(i18n.global.t(kindKey('policy'), {}, { locale: 'en' })).toBe('Policy')
  })

  it('keeps the server’s category order and adds any it left out', () => {
    expect(orderedCategories(['park', 'industry'])).toEqual(['park', 'industry', 'policy', 'technique', 'checklist'])
    expect(categoryOf('park')).toBe('park')
    expect(categoryOf('x')).toBe('')
  })
})
