import { describe, expect, it } from 'vitest'
import { eventColor, isPastDay, priorityTagType, statusTagType, subjectPath, supervisionNumber } from './supervisionText'

describe('督办编号', () => {
  it('is DB-, the year of issue and the id in four digits', () => {
    expect(supervisionNumber(7, new Date(2026, 10, 30, 10, 0).getTime())).toBe('DB-2026-0007')
    expect(supervisionNumber(123, new Date(2027, 0, 1, 0, 0, 1).getTime())).toBe('DB-2027-0123')
    expect(supervisionNumber(4321, new Date(2026, 0, 5).getTime())).toBe('DB-2026-4321')
  })
  it('keeps every digit of an id past 9999 and uses the local year at the turn of the year', () => {
    expect(supervisionNumber(12345, new Date(2026, 5, 1).getTime())).toBe('DB-2026-12345')
    expect(supervisionNumber(1, new Date(2026, 11, 31, 23, 59).getTime())).toBe('DB-2026-0001')
  })
})

describe('督办 codes', () => {
  it('colours known states and priorities, and anything new neutrally', () => {
    expect(statusTagType('open')).toBe('warning')
    expect(statusTagType('closed')).toBe('success')
    expect(statusTagType('escalated')).toBe('info')
    expect(priorityTagType('critical')).toBe('danger')
    expect(priorityTagType('urgent')).toBe('warning')
    expect(priorityTagType('whatever')).toBe('info')
    expect(eventColor('escalated')).toBe('#dc2626')
    expect(eventColor('new_kind')).toBe('#606266')
  })

  it('links the subject only where the user may go', () => {
    const coordinator = ['project.read', 'factor.read', 'supervision.read']
    expect(subjectPath({ subject_type: 'project', subject_id: 5 }, coordinator)).toBe('/projects/5')
    expect(subjectPath({ subject_type: 'factor_request', subject_id: 4 }, coordinator)).toBe('/factor-requests/4')
    expect(subjectPath({ subject_type: 'unit', subject_id: 20 }, coordinator)).toBe('/supervision?unit_id=20')
    expect(subjectPath({ subject_type: 'project', subject_id: 5 }, ['factor.read', 'supervision.read'])).toBeNull()
    expect(subjectPath({ subject_type: 'meeting', subject_id: 5 }, coordinator)).toBeNull()
  })

  it('refuses a deadline before today', () => {
    const today = new Date(2026, 10, 30, 15, 0)
    expect(isPastDay(new Date(2026, 10, 29), today)).toBe(true)
    expect(isPastDay(new Date(2026, 10, 30), today)).toBe(false)
    expect(isPastDay(new Date(2026, 11, 1), today)).toBe(false)
  })
})
