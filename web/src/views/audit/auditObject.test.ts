import { describe, expect, it } from 'vitest'
import { hasObject, objectRoute } from './auditObject'

describe('the audit page opens an object where it lives', () => {
  it('links projects, parks, rounds and factor requests by id', () => {
    expect(objectRoute({ object_type: 'project', object_id: '12' })).toEqual({ name: 'project-detail', params: { id: 12 } })
    expect(objectRoute({ object_type: 'park', object_id: 5 })).toEqual({ name: 'park-card', params: { id: 5 } })
    expect(objectRoute({ object_type: 'review_round', object_id: '3' })).toEqual({ name: 'review-round', params: { id: 3 } })
    expect(objectRoute({ object_type: 'factor_request', object_id: '8' })).toEqual({ name: 'factor-request', params: { id: 8 } })
    expect(objectRoute({ object_type: 'policy', object_id: '11' })).toEqual({ name: 'policy-detail', params: { id: 11 } })
    expect(objectRoute({ object_type: 'guide_article', object_id: '4' })).toEqual({ name: 'guide-article', params: { id: 4 } })
    expect(objectRoute({ object_type: 'guide_question', object_id: '2' })).toEqual({ name: 'guide-question', params: { id: 2 } })
    expect(objectRoute({ object_type: 'training_course', object_id: '2' })).toEqual({ name: 'training-course', params: { id: 2 } })
    expect(objectRoute({ object_type: 'training_session', object_id: 7 })).toEqual({ name: 'training-session', params: { id: 7 } })
    // A question or an attempt has no page anyone else may open.
    expect(objectRoute({ object_type: 'training_attempt', object_id: '9' })).toBeNull()
  })

  it('links list pages for objects without a page of their own', () => {
    expect(objectRoute({ object_type: 'chain_node', object_id: '4' })).toEqual({ name: 'catalog' })
    expect(objectRoute({ object_type: 'calendar_day', object_id: '2026-10-10' })).toEqual({ name: 'calendar' })
  })

  it('links nothing it cannot place: the ledger export, a failed login, settings, users', () => {
    expect(objectRoute({ object_type: 'project', object_id: 'ledger' })).toBeNull()
    expect(objectRoute({ object_type: 'user', object_id: 'nobody' })).toBeNull()
    expect(objectRoute({ object_type: 'settings', object_id: 'clocks' })).toBeNull()
    expect(objectRoute({ object_type: 'supervision_item', object_id: '2' })).toBeNull()
  })

  it('follows the history of any named object', () => {
    expect(hasObject({ object_type: 'user', object_id: 'nobody' })).toBe(true)
    expect(hasObject({ object_type: 'project', object_id: '' })).toBe(false)
    expect(hasObject({ object_type: '', object_id: '3' })).toBe(false)
  })
})
