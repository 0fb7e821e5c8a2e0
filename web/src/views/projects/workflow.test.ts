import { describe, expect, it } from 'vitest'
import type { ProjectApi } from '@/api/projects'
import { needsInput, orderTransitions, transitionVerb } from './workflow'

const cap = (c: Partial<ProjectApi.TransitionCapability> & { to: ProjectApi.Stage }): ProjectApi.TransitionCapability => ({
  ask: [],
  reason_codes: [],
  reason: 'none',
  ...c,
})

describe('whether a transition needs the dialog (from the server capability)', () => {
  it('moves at once when the server asks for nothing', () => {
    expect(needsInput(cap({ to: 'in_review' }))).toBe(false)
    expect(needsInput(cap({ to: 'lead', reason: 'optional' }))).toBe(false)
  })

  it('opens the dialog for inputs, reason codes or a required reason', () => {
    expect(needsInput(cap({ to: 'signed', ask: ['signing_date'] }))).toBe(true)
    expect(needsInput(cap({ to: 'shelved', reason_codes: ['other'], reason: 'optional' }))).toBe(true)
    expect(needsInput(cap({ to: 'negotiating', reason: 'required' }))).toBe(true)
  })

  it('opens the dialog when the server lists missing evidence, and only then', () => {
    expect(needsInput(cap({ to: 'construction', evidence: ['construction_permit'] }))).toBe(true)
    expect(needsInput(cap({ to: 'construction', evidence: [] }))).toBe(false)
  })

  it('opens the dialog when the server lists required checklist items still open, and only then', () => {
    expect(needsInput(cap({ to: 'in_review', checklist: ['首次接洽并记录跟进'] }))).toBe(true)
    expect(needsInput(cap({ to: 'in_review', checklist: [] }))).toBe(false)
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
    const order = orderTransitions([cap({ to: 'lost' }), cap({ to: 'shelved' }), cap({ to: 'signed' })]).map((c) => c.to)
    expect(order).toEqual(['signed', 'shelved', 'lost'])
  })
})
