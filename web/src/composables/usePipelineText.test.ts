import { beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import { i18n, setLocale } from '@/locales'
import { ApiError } from '@/api/http'
import { usePipelineText } from './usePipelineText'

const Harness = defineComponent({ setup: () => usePipelineText(), render: () => h('div') })
const text = () => mount(Harness, { global: { plugins: [i18n] } }).vm as unknown as ReturnType<typeof usePipelineText>
const guard = (fields: Record<string, string>) =>
  new ApiError(400, { code: 'guard_failed', message: 'x', fields }, '/projects/1/transitions')

describe('pipeline texts', () => {
  beforeEach(() => setLocale('zh-CN'))

  it('turns guard_failed fields into Chinese sentences', () => {
    expect(text().transitionError(guard({ signing_date: 'required', contracted_investment_yuan: 'required' }))).toBe(
      '请填写签约日期；请填写合同投资额',
    )
    expect(text().transitionError(guard({ reason_code: 'invalid_value' }))).toBe('原因：取值无效')
  })

  it('explains a missing project fact on lead → in_review', () => {
    expect(text().transitionError(guard({ industry_code: 'required' }))).toBe('请先在项目中填写所属行业')
  })

  it('falls back to the error code text without fields', () => {
    const err = new ApiError(400, { code: 'transition_not_allowed', message: 'no', fields: { to: 'invalid_value' } }, '/x')
    expect(text().transitionError(err)).toBe('当前阶段不能直接变更为该阶段')
  })

  it('names transitions by their edge and translates codes', () => {
    const t = text()
    expect(t.action('negotiating', 'signed')).toBe('签约')
    expect(t.action('shelved', 'negotiating')).toBe('恢复为洽谈中')
    expect(t.nextStep('route_to_park')).toBe('分派承接园区')
    expect(t.reason('went_elsewhere')).toBe('落户他地')
    expect(t.money(1_234_500_000)).toBe('123,450 万元')
    expect(t.money(0)).toBe('0 万元')
    expect(t.money(null)).toBe('')
  })

  it('reads money in 10k CNY in English too', () => {
    setLocale('en')
    expect(text().money(5_570_000_000)).toBe('557,000 × 10k CNY')
    expect(text().stage('approved')).toBe('In pool')
  })
})
