import { describe, expect, it } from 'vitest'
import type { TrainingApi } from '@/api/training'
import { courseBody, courseDirty, courseFieldOf, courseProblems, emptyCourseForm, formOfCourse } from './courseForm'

const loaded = {
  id: 3,
  title: '招商引资应知应会（基础）',
  summary: '基础知识',
  outline: '# 第一讲\n',
  outline_html: '<h1 id="h-1">第一讲</h1>',
  owner_unit_id: 2,
  owner_unit_name: '市投资促进局',
  article_ids: [5, 8],
  articles: [],
  quiz: { pass_pct: 80, max_attempts: 2, question_count: 0, time_limit_min: 0, partial: 'strict', opens_on: '2026-05-01', closes_on: null },
  question_total: 12,
  session_count: 1,
  updated_at: 0,
  sessions: [],
} as unknown as TrainingApi.FullCourse

describe('the course editor', () => {
  it('starts a new course with the usual rules and sends no owner unit (the caller’s)', () => {
    const f = emptyCourseForm()
    f.title = '  新课程 '
    const b = courseBody(f)
    expect(b).toEqual({
      title: '新课程',
      summary: '',
      outline: '',
      article_ids: [],
      quiz: { pass_pct: 60, max_attempts: 3, question_count: 10, time_limit_min: 30, partial: 'half', opens_on: null, closes_on: null },
    })
    expect('owner_unit_id' in b).toBe(false)
  })

  it('loads a course and sends it back unchanged', () => {
    const f = formOfCourse(loaded)
    expect(courseBody(f)).toEqual({
      title: loaded.title,
      summary: '基础知识',
      outline: '# 第一讲\n',
      owner_unit_id: 2,
      article_ids: [5, 8],
      quiz: loaded.quiz,
    })
    expect(courseDirty(f, formOfCourse(loaded))).toBe(false)
    f.pass_pct = 70
    expect(courseDirty(f, formOfCourse(loaded))).toBe(true)
  })

  it('checks what the browser can: title, lengths, rule ranges, the window', () => {
    const f = emptyCourseForm()
    expect(courseProblems(f)).toEqual({ title: 'required' })
    Object.assign(f, { title: '课'.repeat(81), pass_pct: 0, max_attempts: 11, question_count: -1, time_limit_min: 241 })
    Object.assign(f, { opens_on: '2026-06-01', closes_on: '2026-05-31' })
    expect(courseProblems(f)).toEqual({
      title: 'too_long',
      'quiz.pass_pct': 'invalid_value',
      'quiz.max_attempts': 'invalid_value',
      'quiz.question_count': 'invalid_value',
      'quiz.time_limit_min': 'invalid_value',
      'quiz.closes_on': 'before_start',
    })
    Object.assign(f, {
      title: '课'.repeat(80),
      pass_pct: 100,
      max_attempts: 10,
      question_count: 200,
      time_limit_min: 240,
      closes_on: '2026-06-01',
    })
    expect(courseProblems(f)).toEqual({})
    f.article_ids = Array.from({ length: 21 }, (_, i) => i + 1)
    expect(courseProblems(f)).toEqual({ article_ids: 'too_many' })
  })

  it('places the server’s reasons on the form’s fields', () => {
    expect(courseFieldOf('title')).toBe('title')
    expect(courseFieldOf('quiz.closes_on')).toBe('quiz.closes_on')
    expect(courseFieldOf('article_ids.2')).toBe('article_ids')
    expect(courseFieldOf('quiz.something_new')).toBe('quiz')
    expect(courseFieldOf('nonsense')).toBeNull()
  })
})
