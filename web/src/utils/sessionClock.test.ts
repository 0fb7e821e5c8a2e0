import { describe, expect, it } from 'vitest'
import { msUntilNextPhase, secondsLeft, sessionPhase, WARN_BEFORE_MS } from './sessionClock'

const MIN = 60_000

describe('the session idle clock', () => {
  it('warns one minute before the cut-off and expires at it', () => {
    const last = 1_000_000
    expect(sessionPhase(last, last, 30)).toBe('active')
    expect(sessionPhase(last + 29 * MIN - 1, last, 30)).toBe('active')
    expect(sessionPhase(last + 29 * MIN, last, 30)).toBe('warn')
    expect(sessionPhase(last + 30 * MIN - 1, last, 30)).toBe('warn')
    expect(sessionPhase(last + 30 * MIN, last, 30)).toBe('expired')
    expect(WARN_BEFORE_MS).toBe(MIN)
  })

  it('knows when to look again and counts the seconds down', () => {
    const last = 5_000
    expect(msUntilNextPhase(last, last, 30)).toBe(29 * MIN)
    expect(msUntilNextPhase(last + 29 * MIN + 10, last, 30)).toBe(MIN - 10)
    expect(msUntilNextPhase(last + 31 * MIN, last, 30)).toBe(0)
    expect(secondsLeft(last + 29 * MIN, last, 30)).toBe(60)
    expect(secondsLeft(last + 29 * MIN + 500, last, 30)).toBe(60)
    expect(secondsLeft(last + 30 * MIN + 1, last, 30)).toBe(0)
  })

  it('warns at once when the idle time is a minute or less', () => {
    expect(sessionPhase(0, 0, 1)).toBe('warn')
    expect(msUntilNextPhase(0, 0, 1)).toBe(MIN)
  })
})
