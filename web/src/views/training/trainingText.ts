// Small pure rules of the training pages (no Vue, no words): how many tries are left, the tag of a
// session's state, seats left, the sign-in address the QR code carries, which words a refusal or an
// error code reads as. The words themselves are in the locales (useTrainingText.ts).
import type { TrainingApi } from '@/api/training'

/** Tries left at the quiz (never below 0). */
export function attemptsLeft(c: Pick<TrainingApi.Course, 'quiz' | 'mine'>): number {
  return Math.max(0, c.quiz.max_attempts - c.mine.attempts)
}

/** The tag colour of a session's state: upcoming blue, running green, ended grey. */
export function sessionStateType(state: string): 'primary' | 'success' | 'info' {
  if (state === 'running') return 'success'
  if (state === 'upcoming') return 'primary'
  return 'info'
}

/** Seats not yet taken (never below 0). */
export function seatsLeft(s: Pick<TrainingApi.Session, 'capacity' | 'enrolled'>): number {
  return Math.max(0, s.capacity - s.enrolled)
}

/** Filled share of the seats, 0–100, rounded down (the bar beside the count). */
export function fillPct(taken: number, of: number): number {
  if (of <= 0) return 0
  return Math.min(100, Math.max(0, Math.floor((taken * 100) / of)))
}

/**
 * The address a phone opens from the QR code: this app's own address of the sign-in path, built by
 * the router (`href`: "/training/sign-in/5?code=…" in history mode, "/#/…" in hash mode) on the
 * page's origin.
 */
export function signInUrl(origin: string, href: string): string {
  const o = origin.replace(/\/+$/, '')
  return href.startsWith('/') ? `${o}${href}` : `${o}/${href}`
}

/** The refusals of a quiz (a course's `mine.refusal` and 409 on a start): words under `training.refusals`. */
export const REFUSALS = ['quiz_not_open', 'quiz_closed', 'retakes_exhausted', 'already_passed', 'no_questions'] as const

/**
 * What a failed sign-in reads as: the reason code under `training.signIn.refused` (invalid_code,
 * session_not_started, session_ended, session_full, quota_full), or '' for anything else (the
 * generic error text then).
 */
export function signInRefusal(status: number, code: string, fields: Record<string, string>): string {
  if (fields.code === 'invalid_code' || code === 'invalid_code') return 'invalid_code'
  if (status === 409 && ['session_not_started', 'session_ended', 'session_full', 'quota_full'].includes(code)) return code
  if (status === 404) return 'not_found'
  return ''
}

/** A course's quiz window as its two ends; null ends are open. */
export function windowOf(q: TrainingApi.Quiz): { from: string | null; to: string | null } | null {
  if (!q.opens_on && !q.closes_on) return null
  return { from: q.opens_on, to: q.closes_on }
}

/** The questions one paper holds: question_count, at most the bank (0 = the whole bank). */
export function paperSize(q: TrainingApi.Quiz, bank: number): number {
  return q.question_count > 0 ? Math.min(q.question_count, bank) : bank
}
