import { beforeEach, describe, expect, it } from 'vitest'
import { setLocale } from '@/locales'
import { formatClock, formatTime } from './format'

describe('formatClock (a lockout end: 账号已锁定至 HH:mm)', () => {
  beforeEach(() => setLocale('zh-CN'))

  it('is just the time on the same day', () => {
    const now = new Date(2026, 4, 3, 9, 0).getTime()
    expect(formatClock(new Date(2026, 4, 3, 9, 15).getTime(), now)).toBe('09:15')
    expect(formatClock(new Date(2026, 4, 3, 23, 5).getTime(), now)).toBe('23:05')
  })

  it('names the day as YYYY-MM-DD when it is another one, in both languages', () => {
    const now = new Date(2026, 4, 3, 23, 55).getTime()
    expect(formatClock(new Date(2026, 4, 4, 0, 10).getTime(), now)).toBe('2026-05-04 00:10')
    setLocale('en')
    expect(formatClock(new Date(2026, 4, 4, 0, 10).getTime(), now)).toBe('2026-05-04 00:10')
  })

  it('is empty for garbage', () => {
    expect(formatClock(Number.NaN)).toBe('')
  })
})

describe('formatTime (one date format in both languages)', () => {
  it('writes YYYY-MM-DD HH:mm:ss whatever the language', () => {
    const at = new Date(2026, 10, 30, 9, 5, 7).getTime()
    setLocale('zh-CN')
    expect(formatTime(at)).toBe('2026-11-30 09:05:07')
    setLocale('en')
    expect(formatTime(at)).toBe('2026-11-30 09:05:07')
    expect(formatTime(null)).toBe('')
    expect(formatTime(Number.NaN)).toBe('')
  })
})
