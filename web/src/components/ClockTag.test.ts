// The clock state reads as a coloured word in the user's language; no clock, no tag.
import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n, setLocale } from '@/locales'
import ClockTag from './ClockTag.vue'

const tag = (clock: string | null) =>
  mount(ClockTag, { props: { clock: clock as never }, global: { plugins: [ElementPlus, i18n] } }).find('[data-testid="clock-tag"]')

describe('ClockTag', () => {
  afterEach(() => setLocale('zh-CN'))

  it('colours the three states green, orange and red', () => {
    expect(tag('on_time').text()).toBe('正常')
    expect(tag('on_time').classes()).toContain('el-tag--success')
    expect(tag('due_soon').text()).toBe('即将到期')
    expect(tag('due_soon').classes()).toContain('el-tag--warning')
    expect(tag('overdue').text()).toBe('已超期')
    expect(tag('overdue').classes()).toContain('el-tag--danger')
  })

  it('shows nothing without a running clock, and never a raw code', () => {
    expect(tag(null).exists()).toBe(false)
    expect(tag('paused').text()).toBe('时限未知')
    setLocale('en')
    expect(tag('overdue').text()).toBe('Overdue')
  })
})
