import { beforeEach, describe, expect, it } from 'vitest'
import { setLocale } from '@/locales'
import { formatClock } from './format'

describe('formatClock (a lockout end: 账号已锁定至 HH:mm)', () => {
  beforeEach(() => setLocale('zh-CN'))

  it('is just the time on the same day', () => {
    const now = new Date(2026, 4, 3, 9, 0).getTime()
    expect(formatClock(new Date(2026, 4, 3, 9, 15).getTime(), now)).toBe('09:15')
    expect(formatClock(new Date(2026, 4, 3, 23, 5).getTime(), now)).toBe('23:05')
  })

  it('names the day when it is another one', () => {
    const now = new Date(2026, 4, 3, 23, 55).getTime()
    const text = formatClock(new Date(2026, 4, 4, 0, 10).getTime(), now)
    expect(text).toContain('00:10')
    expect(text).toContain('5')
    expect(text).toContain('4')
  })

  it('is empty for garbage', () => {
    expect(formatClock(Number.NaN)).toBe('')
  })
})
