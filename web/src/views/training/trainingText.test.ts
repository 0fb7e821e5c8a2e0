import { describe, expect, it } from 'vitest'
import type { TrainingApi } from '@/api/training'
import { attemptsLeft, fillPct, paperSize, seatsLeft, sessionStateType, signInRefusal, signInUrl, windowOf } from './trainingText'

const quiz: TrainingApi.Quiz = {
  pass_pct: 60,
  max_attempts: 3,
  question_count: 10,
  time_limit_min: 30,
  partial: 'half',
  opens_on: null,
  closes_on: null,
}
const mine = (attempts: number): TrainingApi.Mine => ({
  attempts,
  best_pct: null,
  passed: false,
  certificate_id: null,
  open_attempt_id: null,
  may_attempt: true,
  refusal: '',
})

describe('training figures', () => {
  it('counts the tries left, never below zero', () => {
    expect(attemptsLeft({ quiz, mine: mine(0) })).toBe(3)
    expect(attemptsLeft({ quiz, mine: mine(2) })).toBe(1)
    expect(attemptsLeft({ quiz, mine: mine(5) })).toBe(0)
  })

  it('counts the seats left and the filled share', () => {
    expect(seatsLeft({ capacity: 40, enrolled: 12 })).toBe(28)
    expect(seatsLeft({ capacity: 40, enrolled: 41 })).toBe(0)
    expect(fillPct(12, 40)).toBe(30)
    expect(fillPct(1, 3)).toBe(33)
    expect(fillPct(5, 0)).toBe(0)
    expect(fillPct(50, 40)).toBe(100)
  })

  it('colours a session by its state', () => {
    expect(sessionStateType('upcoming')).toBe('primary')
    expect(sessionStateType('running')).toBe('success')
    expect(sessionStateType('ended')).toBe('info')
    expect(sessionStateType('whatever')).toBe('info')
  })

  it('draws a paper of question_count, at most the bank, or the whole bank for 0', () => {
    expect(paperSize(quiz, 25)).toBe(10)
    expect(paperSize(quiz, 6)).toBe(6)
    expect(paperSize({ ...quiz, question_count: 0 }, 25)).toBe(25)
  })

  it('gives the quiz window only when it has an end', () => {
    expect(windowOf(quiz)).toBeNull()
    expect(windowOf({ ...quiz, opens_on: '2026-05-01' })).toEqual({ from: '2026-05-01', to: null })
    expect(windowOf({ ...quiz, opens_on: '2026-05-01', closes_on: '2026-06-30' })).toEqual({ from: '2026-05-01', to: '2026-06-30' })
  })
})

describe('the sign-in address and its refusals', () => {
  it('puts the router’s address of the path on the page’s origin (history or hash mode)', () => {
    expect(signInUrl('https://zs.example.gov.cn', '/training/sign-in/5?code=AB12')).toBe(
      'https://zs.example.gov.cn/training/sign-in/5?code=AB12',
    )
    expect(signInUrl('http://127.0.0.1:8097/', '/#/training/sign-in/5?code=AB12')).toBe(
      'http://127.0.0.1:8097/#/training/sign-in/5?code=AB12',
    )
    expect(signInUrl('http://h', '#/training/sign-in/5?code=x')).toBe('http://h/#/training/sign-in/5?code=x')
  })

  it('names the reason of a refused sign-in, and nothing for other failures', () => {
    expect(signInRefusal(400, 'invalid_argument', { code: 'invalid_code' })).toBe('invalid_code')
    expect(signInRefusal(400, 'invalid_code', {})).toBe('invalid_code')
    expect(signInRefusal(409, 'session_not_started', {})).toBe('session_not_started')
    expect(signInRefusal(409, 'session_ended', {})).toBe('session_ended')
    expect(signInRefusal(409, 'session_full', {})).toBe('session_full')
    expect(signInRefusal(409, 'quota_full', {})).toBe('quota_full')
    expect(signInRefusal(404, 'not_found', {})).toBe('not_found')
    expect(signInRefusal(409, 'version_conflict', {})).toBe('')
    expect(signInRefusal(500, 'internal', {})).toBe('')
    expect(signInRefusal(0, 'network', {})).toBe('')
  })
})
