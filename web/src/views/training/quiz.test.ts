import { describe, expect, it } from 'vitest'
import type { TrainingApi } from '@/api/training'
import {
  answersKey,
  choose,
  countdownLevel,
  emptyAnswers,
  formatCountdown,
  isPartial,
  lettersOf,
  optionLetter,
  optionMark,
  remainingMs,
  restoreAnswers,
  resultsById,
  submitBody,
  unanswered,
} from './quiz'

const q = (id: number, kind: string, options: number[]): TrainingApi.PaperQuestion => ({
  id,
  kind,
  stem: `Q${id}`,
  points: 10,
  options: options.map((o) => ({ id: o, text: `o${o}` })),
})
// A shuffled paper: the options keep their ids, not their order.
const paper = [q(7, 'single', [3, 1, 2]), q(4, 'multiple', [2, 4, 1, 3]), q(9, 'true_false', [2, 1])]

describe('the countdown', () => {
  it('reads mm:ss under an hour and h:mm:ss from an hour up, seconds rounded up', () => {
    expect(formatCountdown(30 * 60_000)).toBe('30:00')
    expect(formatCountdown(59_001)).toBe('01:00')
    expect(formatCountdown(59_000)).toBe('00:59')
    expect(formatCountdown(1)).toBe('00:01')
    expect(formatCountdown(0)).toBe('00:00')
    expect(formatCountdown(-5000)).toBe('00:00')
    expect(formatCountdown(3_600_000)).toBe('1:00:00')
    expect(formatCountdown(4 * 3_600_000 + 5 * 60_000 + 7_000)).toBe('4:05:07')
  })

  it('has no time left to count without a deadline, and never below zero', () => {
    expect(remainingMs(null, 1000)).toBeNull()
    expect(remainingMs(undefined, 1000)).toBeNull()
    expect(remainingMs(61_000, 1000)).toBe(60_000)
    expect(remainingMs(1000, 61_000)).toBe(0)
  })

  it('warns in the last five minutes and is urgent in the last one', () => {
    expect(countdownLevel(5 * 60_000 + 1)).toBe('normal')
    expect(countdownLevel(5 * 60_000)).toBe('warn')
    expect(countdownLevel(60_001)).toBe('warn')
    expect(countdownLevel(60_000)).toBe('urgent')
    expect(countdownLevel(0)).toBe('urgent')
  })
})

describe('the answers', () => {
  it('start empty for every question', () => {
    expect(emptyAnswers(paper)).toEqual({ 7: [], 4: [], 9: [] })
  })

  it('hold one option for a single choice and a true/false, any for a multiple choice, in paper order', () => {
    expect(choose(paper[0], [3], 2)).toEqual([2])
    expect(choose(paper[2], [], 1)).toEqual([1])
    let m = choose(paper[1], [], 3)
    m = choose(paper[1], m, 2)
    expect(m).toEqual([2, 3])
    expect(choose(paper[1], m, 2, false)).toEqual([3])
  })

  it('list the unanswered questions by their number on the paper', () => {
    expect(unanswered(paper, { 7: [1], 4: [], 9: [] })).toEqual([2, 3])
    expect(unanswered(paper, { 7: [1], 4: [1, 2], 9: [2] })).toEqual([])
    expect(unanswered(paper, {})).toEqual([1, 2, 3])
  })

  it('go to the server as every question of the paper, answered or not', () => {
    expect(submitBody(paper, { 7: [1], 4: [2, 3] })).toEqual([
      { question_id: 7, chosen: [1] },
      { question_id: 4, chosen: [2, 3] },
      { question_id: 9, chosen: [] },
    ])
  })

  it('come back from storage cut to the paper: unknown questions and options dropped, one option for a single choice', () => {
    const saved = { 7: [1, 3], 4: [1, 99, 'x'], 9: 'no', 12: [1] }
    expect(restoreAnswers(paper, saved)).toEqual({ 7: [3], 4: [1], 9: [] })
    expect(restoreAnswers(paper, null)).toEqual(emptyAnswers(paper))
    expect(restoreAnswers(paper, 'garbage')).toEqual(emptyAnswers(paper))
  })

  it('are kept per attempt', () => {
    expect(answersKey(12)).toBe('zs.training.answers.12')
  })
})

describe('the result', () => {
  const r: TrainingApi.QuestionResult = { id: 4, earned: 5, points: 10, correct: false, chosen: [2], right: [2, 3], explanation: '' }

  it('letters the options in the order shown', () => {
    expect([0, 1, 2, 25, 26, 27].map(optionLetter)).toEqual(['A', 'B', 'C', 'Z', 'AA', 'AB'])
    expect(lettersOf(paper[1].options, [3, 2], '、')).toBe('A、D')
    expect(lettersOf(paper[1].options, [], '、')).toBe('')
    expect(lettersOf(paper[1].options, [42], ', ')).toBe('')
  })

  it('marks the right options green and a wrong choice red', () => {
    expect(optionMark(r, 2)).toBe('right')
    expect(optionMark(r, 3)).toBe('right')
    expect(optionMark({ ...r, chosen: [1] }, 1)).toBe('wrong')
    expect(optionMark(r, 4)).toBe('none')
    expect(optionMark(undefined, 2)).toBe('none')
  })

  it('tells a partly right answer (some points, not all)', () => {
    expect(isPartial(r)).toBe(true)
    expect(isPartial({ ...r, earned: 0 })).toBe(false)
    expect(isPartial({ ...r, correct: true, earned: 10 })).toBe(false)
  })

  it('finds each question’s result by id', () => {
    const m = resultsById({ earned: 5, points: 30, pct: 16, passed: false, pass_pct: 60, certificate_id: null, questions: [r] })
    expect(m.get(4)).toBe(r)
    expect(m.get(7)).toBeUndefined()
    expect(resultsById(null).size).toBe(0)
  })
})
