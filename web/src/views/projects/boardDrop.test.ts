import { describe, expect, it } from 'vitest'
import type { ProjectApi } from '@/api/projects'
import { STAGES } from '@/api/projects'
import { ApiError } from '@/api/http'
import { appendPage, columnState, dropKind, moveTargets, refusal, waitsForDialog } from './boardDrop'

const move = (to: ProjectApi.Stage, extra: Partial<ProjectApi.TransitionCapability> = {}): ProjectApi.TransitionCapability => ({
  to,
  ask: [],
  reason_codes: [],
  reason: 'none',
  ...extra,
})
const caps = (transitions: ProjectApi.TransitionCapability[], route = false): ProjectApi.Capabilities => ({
  edit: true,
  add_activity: true,
  adjudicate: false,
  route,
  confirm_capital: false,
  transitions,
})

describe('board drops follow the card’s capabilities', () => {
  const lead = { stage: 'lead' as const, capabilities: caps([move('in_review'), move('shelved', { reason_codes: ['investor_paused'] })]) }

  it('sends an allowed move that needs nothing at once, and opens the dialog for one that asks', () => {
    expect(dropKind(lead, 'in_review')).toBe('direct')
    expect(dropKind(lead, 'shelved')).toBe('dialog')
  })

  it('opens the dialog for a move whose stage still misses 佐证材料 (the server’s evidence list)', () => {
    const signed = { stage: 'signed' as const, capabilities: caps([move('construction', { evidence: ['construction_permit'] })]) }
    expect(dropKind(signed, 'construction')).toBe('dialog')
    const ready = { stage: 'signed' as const, capabilities: caps([move('construction', { evidence: [] })]) }
    expect(dropKind(ready, 'construction')).toBe('direct')
  })

  it('opens the dialog for a drop whose stage being left has required checklist items open', () => {
    const open = { stage: 'lead' as const, capabilities: caps([move('in_review', { checklist: ['首次接洽并记录跟进'] })]) }
    expect(dropKind(open, 'in_review')).toBe('dialog')
    const done = { stage: 'lead' as const, capabilities: caps([move('in_review', { checklist: [] })]) }
    expect(dropKind(done, 'in_review')).toBe('direct')
  })

  it('turns a direct move the guard refused for a checklist item or a file into the dialog, and nothing else', () => {
    const refused = (fields: Record<string, string>, code = 'guard_failed') =>
      new ApiError(400, { code, message: 'x', fields }, '/projects/7/transitions')
    expect(waitsForDialog(refused({ checklist: 'required' }))).toBe(true)
    expect(waitsForDialog(refused({ attachments: 'required' }))).toBe(true)
    expect(waitsForDialog(refused({ signing_date: 'required' }))).toBe(false)
    expect(waitsForDialog(refused({}, 'version_conflict'))).toBe(false)
    expect(waitsForDialog(new Error('x'))).toBe(false)
  })

  it('refuses every column the server gave no transition to, before any dialog', () => {
    for (const to of ['approved', 'negotiating', 'signed', 'production', 'lost'] as const) expect(dropKind(lead, to)).toBe('refused')
    expect(columnState(lead, 'signed')).toBe('refused')
    expect(columnState(lead, 'in_review')).toBe('allowed')
    expect(columnState(lead, 'lead')).toBe('source')
    expect(dropKind(lead, 'lead')).toBe('same')
  })

  it('offers a phone the same moves as a menu, in the board’s order, never its own stage', () => {
    expect(moveTargets(lead, STAGES)).toEqual(['in_review', 'shelved'])
    expect(moveTargets({ stage: 'lead' }, STAGES)).toEqual([])
  })

  it('refuses everything for a card without capabilities (a reader, or a row of an old server)', () => {
    expect(dropKind({ stage: 'lead' }, 'in_review')).toBe('refused')
    expect(dropKind({ stage: 'lead', capabilities: caps([]) }, 'in_review')).toBe('refused')
  })

  it('says when a column is reached by 分派 only', () => {
    const pooled = { stage: 'approved' as const, capabilities: caps([move('shelved', { reason_codes: ['other'] })], true) }
    expect(dropKind(pooled, 'negotiating')).toBe('refused')
    expect(refusal(pooled, 'negotiating')).toBe('route')
    expect(refusal({ ...pooled, capabilities: caps([], false) }, 'negotiating')).toBe('not_allowed')
    expect(refusal(pooled, 'signed')).toBe('not_allowed')
  })

  it('adds a page without repeating cards already in the column', () => {
    expect(appendPage([{ id: 1 }, { id: 2 }], [{ id: 2 }, { id: 3 }]).map((c) => c.id)).toEqual([1, 2, 3])
  })
})
