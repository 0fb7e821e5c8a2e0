import { describe, expect, it } from 'vitest'
import type { ReviewApi } from '@/api/review'
import {
  approveNeed,
  fractionText,
  fractionValid,
  outcomeOf,
  prefillScore,
  quorumMet,
  quorumNeed,
  quorumProblems,
  weightedScore,
} from './tally'

const rule = { quorum_num: 2, quorum_den: 3, approve_num: 2, approve_den: 3 }
type Counted = ReviewApi.Tally & { approve: number; reject: number; more_info: number }
const tally = (over: Partial<Counted>): Counted => ({
  members: 4,
  recused: 0,
  eligible: 4,
  voted: 0,
  approve: 0,
  reject: 0,
  more_info: 0,
  quorum_met: false,
  outcome: null,
  average_score: null,
  ...over,
})

describe('pre-review tally', () => {
  it('writes and checks fractions', () => {
    expect(fractionText(2, 3)).toBe('2/3')
    expect(fractionValid(2, 3)).toBe(true)
    expect(fractionValid(1, 1)).toBe(true)
    expect(fractionValid(0, 3)).toBe(false)
    expect(fractionValid(4, 3)).toBe(false)
    expect(fractionValid(3, 11)).toBe(false)
    expect(fractionValid(null, 3)).toBe(false)
  })

  it('needs 3 of 4 eligible members for a 2/3 quorum, 2 of 3 after a recusal', () => {
    expect(quorumNeed(4, 2, 3)).toBe(3)
    expect(quorumNeed(3, 2, 3)).toBe(2)
    expect(quorumNeed(0, 2, 3)).toBe(0)
    expect(quorumMet({ eligible: 4, voted: 2 }, 2, 3)).toBe(false)
    expect(quorumMet({ eligible: 4, voted: 3 }, 2, 3)).toBe(true)
    expect(quorumMet({ eligible: 0, voted: 0 }, 2, 3)).toBe(false)
  })

  it('approves with 2/3 of the votes cast; a tie of reject and more_info asks for information', () => {
    expect(approveNeed(3, 2, 3)).toBe(2)
    expect(outcomeOf(tally({ voted: 2, approve: 2 }), rule)).toBeNull() // no quorum
    expect(outcomeOf(tally({ voted: 3, approve: 3 }), rule)).toBe('approve')
    expect(outcomeOf(tally({ voted: 3, approve: 2, reject: 1 }), rule)).toBe('approve')
    expect(outcomeOf(tally({ voted: 4, approve: 2, reject: 1, more_info: 1 }), rule)).toBe('more_info')
    expect(outcomeOf(tally({ voted: 4, approve: 1, reject: 2, more_info: 1 }), rule)).toBe('reject')
  })

  it('weights the scores to 0–100 and waits for every criterion', () => {
    const criteria = [
      { code: 'industry_fit', weight: 20 },
      { code: 'technology', weight: 15 },
      { code: 'investor_credibility', weight: 10 },
    ]
    expect(weightedScore({ industry_fit: 10, technology: 10, investor_credibility: 10 }, criteria)).toBe(100)
    expect(weightedScore({ industry_fit: 8, technology: 6, investor_credibility: 9 }, criteria)).toBe(75.6)
    expect(weightedScore({ industry_fit: 8, technology: null }, criteria)).toBeNull()
    expect(weightedScore({ a: 5 }, [{ code: 'a', weight: 0 }])).toBeNull()
  })

  it('rounds prefilled fit values into the 0–10 score range', () => {
    expect(prefillScore(7.5)).toBe(8)
    expect(prefillScore(10)).toBe(10)
    expect(prefillScore(null)).toBeNull()
    expect(prefillScore(12)).toBe(10)
  })

  it('explains quorum_not_met per project from the round on screen', () => {
    const item = (id: number, name: string, t: Partial<Counted>) =>
      ({ project_id: id, project: { name }, tally: tally(t) }) as unknown as ReviewApi.RoundItem
    const round = { ...rule, items: [item(7, '安庆新能源电池材料项目', { voted: 2 }), item(8, '乙项目', { voted: 4 })] }
    expect(quorumProblems({ '7': 'quorum_not_met' }, round)).toEqual([
      { project_id: 7, name: '安庆新能源电池材料项目', eligible: 4, voted: 2, need: 3 },
    ])
    expect(quorumProblems({ '99': 'quorum_not_met', x: 'required' }, round)).toEqual([
      { project_id: 99, name: '#99', eligible: null, voted: null, need: null },
    ])
  })
})
