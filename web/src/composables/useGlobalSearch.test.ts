import { describe, expect, it } from 'vitest'
import { mergeHits, planSearch, type SearchHit } from './useGlobalSearch'

const hit = (id: number, by: SearchHit['by']): SearchHit => ({ id, name: `P${id}`, investor_name: 'I', stage: 'lead', by })

describe('the header search', () => {
  it('reads digits as a project number and a valid credit code as a code, and always searches names', () => {
    expect(planSearch('  ')).toBeNull()
    expect(planSearch(' 181 ')).toEqual({ text: '181', id: 181, uscc: null })
    expect(planSearch('金禾动力')).toEqual({ text: '金禾动力', id: null, uscc: null })
    expect(planSearch('9131000093980287lm')).toEqual({ text: '9131000093980287lm', id: null, uscc: '9131000093980287LM' })
    // A wrong check character is not a code: only the name search runs.
    expect(planSearch('911100001000013741')?.uscc).toBeNull()
    expect(planSearch('0')?.id).toBeNull()
  })

  it('lists number hits, then code hits, then name hits, each project once, up to the limit', () => {
    const merged = mergeHits([[hit(5, 'id')], [hit(7, 'uscc'), hit(5, 'uscc')], [hit(5, 'name'), hit(9, 'name'), hit(10, 'name')]], 3)
    expect(merged.map((h) => `${h.id}:${h.by}`)).toEqual(['5:id', '7:uscc', '9:name'])
  })
})
