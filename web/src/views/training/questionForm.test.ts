import { describe, expect, it } from 'vitest'
import type { TrainingApi } from '@/api/training'
import {
  emptyQuestionForm,
  formOfQuestion,
  hasProblems,
  markCorrect,
  questionBody,
  questionProblems,
  splitServerFields,
  withKind,
  type QuestionForm,
} from './questionForm'

const words = { yes: '正确', no: '错误' }
const filled = (): QuestionForm => ({
  kind: 'single',
  stem: ' 招商引资的第一步是？ ',
  options: [
    { text: '收集线索', correct: true },
    { text: '签约', correct: false },
    { text: ' 开工 ', correct: false },
  ],
  points: 5,
  explanation: '',
})

describe('the question dialog', () => {
  it('sends the texts trimmed', () => {
    expect(questionBody(filled())).toEqual({
      kind: 'single',
      stem: '招商引资的第一步是？',
      options: [
        { text: '收集线索', correct: true },
        { text: '签约', correct: false },
        { text: '开工', correct: false },
      ],
      points: 5,
      explanation: '',
    })
  })

  it('marks one right option for a single choice and a true/false, toggles for a multiple choice', () => {
    const f = filled()
    expect(markCorrect(f, 2, true).map((o) => o.correct)).toEqual([false, false, true])
    const m = { ...f, kind: 'multiple' as const }
    expect(markCorrect(m, 2, true).map((o) => o.correct)).toEqual([true, false, true])
    expect(markCorrect(m, 0, false).map((o) => o.correct)).toEqual([false, false, false])
  })

  it('changes kind: true/false gets its two options, back again four empty ones, single keeps one right option', () => {
    const tf = withKind(filled(), 'true_false', words)
    expect(tf.options).toEqual([
      { text: '正确', correct: false },
      { text: '错误', correct: false },
    ])
    expect(withKind(tf, 'single', words).options).toEqual(emptyQuestionForm().options)
    const multi = { ...filled(), kind: 'multiple' as const, options: markCorrect({ ...filled(), kind: 'multiple' }, 1, true) }
    expect(withKind(multi, 'single', words).options.map((o) => o.correct)).toEqual([true, false, false])
    expect(withKind(filled(), 'multiple', words).options).toEqual(filled().options)
  })

  it('checks the server’s rules before sending', () => {
    expect(hasProblems(questionProblems(filled()))).toBe(false)
    const none = { ...filled(), options: filled().options.map((o) => ({ ...o, correct: false })) }
    expect(questionProblems(none).fields).toEqual({ options: 'one_right_answer' })
    const multi = { ...filled(), kind: 'multiple' as const }
    expect(questionProblems(multi).fields).toEqual({ options: 'two_right_answers' })
    const tf = withKind(filled(), 'true_false', words)
    expect(questionProblems({ ...tf, options: markCorrect(tf, 1, true) }).fields).toEqual({})
    const few = { ...filled(), options: [{ text: '只有一个', correct: true }] }
    expect(questionProblems(few).fields).toEqual({ options: 'too_few' })
    const bad = { ...filled(), stem: ' ', points: 0 }
    bad.options = [
      { text: '收集线索', correct: true },
      { text: '', correct: false },
      { text: '收集线索 ', correct: false },
    ]
    const p = questionProblems(bad)
    expect(p.fields).toEqual({ stem: 'required', points: 'invalid_value' })
    expect(p.options).toEqual({ 1: 'required', 2: 'duplicate' })
  })

  it('splits the server’s fields into the form’s and the option rows’', () => {
    expect(splitServerFields({ 'options.2.text': 'duplicate', options: 'two_right_answers', stem: 'required', 'x.y': 'z' })).toEqual({
      fields: { options: 'two_right_answers', stem: 'required' },
      options: { 2: 'duplicate' },
    })
  })

  it('loads a question of the bank', () => {
    const q: TrainingApi.Question = {
      id: 1,
      course_id: 2,
      kind: 'true_false',
      stem: '对吗',
      options: [
        { id: 1, text: '正确', correct: false },
        { id: 2, text: '错误', correct: true },
      ],
      points: 2,
      explanation: '因为',
    }
    expect(formOfQuestion(q)).toEqual({
      kind: 'true_false',
      stem: '对吗',
      options: [
        { text: '正确', correct: false },
        { text: '错误', correct: true },
      ],
      points: 2,
      explanation: '因为',
    })
  })
})
