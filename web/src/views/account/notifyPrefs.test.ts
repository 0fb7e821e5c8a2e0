// 通知设置: a save sends only the kinds whose switch changed; kinds are grouped for reading, a new
// kind under 其他.
import { describe, expect, it } from 'vitest'
import { changedKinds, groupKinds, prefGroup } from './notifyPrefs'

describe('notification preferences', () => {
  it('sends only the changed kinds', () => {
    const saved = { factor_raised: true, digest: true, overdue: false }
    expect(changedKinds({ ...saved }, saved)).toEqual({})
    expect(changedKinds({ ...saved, digest: false }, saved)).toEqual({ digest: false })
    expect(changedKinds({ factor_raised: false, digest: true, overdue: true }, saved)).toEqual({ factor_raised: false, overdue: true })
    // A kind the form does not hold (or a stray key the server never sent) is not sent.
    expect(changedKinds({ factor_raised: true, stray: false } as Record<string, boolean>, saved)).toEqual({})
  })

  it('groups kinds under headings in the server’s order', () => {
    expect(prefGroup('factor_passed_on')).toBe('factors')
    expect(prefGroup('supervision_reopened')).toBe('supervision')
    expect(prefGroup('escalated')).toBe('clocks')
    expect(prefGroup('policy_expiring')).toBe('clocks')
    expect(prefGroup('something_new')).toBe('other')
    expect(groupKinds(['digest', 'factor_raised', 'supervision_issued', 'overdue', 'something_new', 'factor_resolved'])).toEqual([
      { group: 'factors', kinds: ['factor_raised', 'factor_resolved'] },
      { group: 'supervision', kinds: ['supervision_issued'] },
      { group: 'clocks', kinds: ['digest', 'overdue'] },
      { group: 'other', kinds: ['something_new'] },
    ])
    expect(groupKinds(['digest']).map((g) => g.group)).toEqual(['clocks'])
  })
})
