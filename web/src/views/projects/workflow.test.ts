import { describe, expect, it } from 'vitest'
import { needsInput, orderTransitions, reasonCodes, transitionNeeds, transitionVerb } from './workflow'

describe('transition dialog inputs', () => {
  it('asks nothing for approved → negotiating: routing replaces it and the server answers use_routing', () => {
    const n = transitionNeeds('approved', 'negotiating')
    expect(n.park).toBe(false)
    expect(needsInput(n)).toBe(false)
  })

  it('asks for signing date and contracted investment, and the park only when missing', () => {
    expect(transitionNeeds('negotiating', 'signed', { receiving_unit_id: 7 })).toMatchObject({ signing: true, park: false })
    expect(transitionNeeds('negotiating', 'signed')).toMatchObject({ signing: true, park: true })
  })

  it('asks for the construction and production dates', () => {
    expect(transitionNeeds('signed', 'construction').constructionDate).toBe(true)
    expect(transitionNeeds('construction', 'production').productionDate).toBe(true)
  })

  it('asks for a reason code from the right list when closing or returning', () => {
    expect(reasonCodes(transitionNeeds('in_review', 'rejected').reasonGroup)).toContain('industry_mismatch')
    expect(reasonCodes(transitionNeeds('negotiating', 'shelved').reasonGroup)).toContain('awaiting_factors')
    expect(reasonCodes(transitionNeeds('signed', 'lost').reasonGroup)).toContain('went_elsewhere')
    expect(reasonCodes(transitionNeeds('in_review', 'lead').reasonGroup)).toContain('incomplete_info')
    for (const to of ['rejected', 'shelved', 'lost'] as const)
      expect(reasonCodes(transitionNeeds('lead', to).reasonGroup)).toContain('other')
  })

  it('moves without asking where the guard needs nothing typed', () => {
    expect(needsInput(transitionNeeds('lead', 'in_review'))).toBe(false)
    expect(needsInput(transitionNeeds('rejected', 'lead'))).toBe(false)
    expect(needsInput(transitionNeeds('shelved', 'negotiating'))).toBe(false)
  })

  it('asks the coordinator why when approving instead of the panel', () => {
    expect(needsInput(transitionNeeds('in_review', 'approved'))).toBe(true)
    expect(transitionNeeds('in_review', 'approved').reasonText).toBe('required')
  })

  it('asks for a reason when reopening a lost project', () => {
    const n = transitionNeeds('lost', 'negotiating')
    expect(n).toMatchObject({ reasonText: 'required', park: false, reasonGroup: null })
    expect(needsInput(n)).toBe(true)
  })
})

describe('transition verbs and order', () => {
  it('names each edge', () => {
    expect(transitionVerb('lead', 'in_review')).toBe('submit_review')
    expect(transitionVerb('in_review', 'lead')).toBe('return')
    expect(transitionVerb('rejected', 'lead')).toBe('resubmit')
    expect(transitionVerb('shelved', 'negotiating')).toBe('resume')
    expect(transitionVerb('negotiating', 'signed')).toBe('sign')
    expect(transitionVerb('approved', 'negotiating')).toBe('route')
  })

  it('puts forward moves before closing ones', () => {
    expect(orderTransitions(['lost', 'shelved', 'signed'])).toEqual(['signed', 'shelved', 'lost'])
  })

  it('never offers approved → negotiating as a button (it is the 分派 action now)', () => {
    expect(orderTransitions(['negotiating', 'shelved', 'lost'], 'approved')).toEqual(['shelved', 'lost'])
    expect(orderTransitions(['negotiating'], 'shelved')).toEqual(['negotiating'])
  })
})
