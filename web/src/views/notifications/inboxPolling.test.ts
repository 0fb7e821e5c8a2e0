import { describe, expect, it } from 'vitest'
import { IDLE_AFTER_MS, POLL_MS, shouldPoll } from './inboxPolling'

describe('unread-count polling', () => {
  const now = 10_000_000
  it('polls a visible page someone used recently', () => {
    expect(shouldPoll(now, now - 1000, true)).toBe(true)
    expect(shouldPoll(now, now - IDLE_AFTER_MS + 1, true)).toBe(true)
  })
  it('stops on a hidden page and on an unattended screen, so the session can still time out', () => {
    expect(shouldPoll(now, now - 1000, false)).toBe(false)
    expect(shouldPoll(now, now - IDLE_AFTER_MS, true)).toBe(false)
  })
  it('polls modestly', () => {
    expect(POLL_MS).toBeGreaterThanOrEqual(30_000)
    expect(IDLE_AFTER_MS).toBeGreaterThan(POLL_MS)
  })
})
