import { describe, expect, it } from 'vitest'
import { evidenceChanged, evidenceFieldErrors, evidenceFormOf } from './evidenceForm'

describe('阶段佐证材料要求 form', () => {
  it('takes the stages the server sent, and copies the lists', () => {
    const settings = { stage_deadline_days: {}, stage_evidence: { signed: ['investment_agreement'], construction: [], production: [] } }
    const form = evidenceFormOf(settings)
    expect(form).toEqual({ signed: ['investment_agreement'], construction: [], production: [] })
    form.signed.push('other')
    expect(settings.stage_evidence.signed).toEqual(['investment_agreement'])
    expect(evidenceFormOf({})).toEqual({})
  })

  it('changes when a stage has other kinds, not when only their order differs', () => {
    const saved = { signed: ['investment_agreement', 'project_filing'], construction: [] }
    expect(evidenceChanged({ signed: ['project_filing', 'investment_agreement'], construction: [] }, saved)).toBe(false)
    expect(evidenceChanged({ signed: ['investment_agreement'], construction: [] }, saved)).toBe(true)
    expect(evidenceChanged({ signed: ['investment_agreement', 'project_filing'], construction: ['construction_permit'] }, saved)).toBe(true)
  })

  it('places stage_evidence.<stage> under the stage shown, nothing else', () => {
    expect(
      evidenceFieldErrors({ 'stage_evidence.construction': 'too_many', 'stage_evidence.lead': 'unknown_field', version: 'x' }, [
        'signed',
        'construction',
        'production',
      ]),
    ).toEqual({ construction: 'too_many' })
  })
})
