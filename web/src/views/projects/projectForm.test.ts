import { describe, expect, it } from 'vitest'
import type { ProjectApi } from '@/api/projects'
import { emptyProjectForm, formOfProject, projectBody, projectChanges, usccReason } from './projectForm'

describe('project form', () => {
  it('sends trimmed text and no keys for what was left empty', () => {
    const f = { ...emptyProjectForm(), name: ' 电池项目 ', investor_name: '甲公司', uscc: ' 91340800ma2n0xxx ', total_investment_yuan: 100 }
    f.contacts = [
      { name: ' 张三 ', phone: '', title: '' },
      { name: '', phone: ' ', title: '' },
    ]
    const b = projectBody(f)
    expect(b).toMatchObject({
      name: '电池项目',
      uscc: '91340800MA2N0XXX',
      total_investment_yuan: 100,
      contacts: [{ name: '张三', phone: '', title: '' }],
    })
    expect('industry_code' in b).toBe(false)
    expect('land_mu_x100' in b).toBe(false)
  })

  it('an edit sends only the changes, null for a cleared field, and never masked contacts', () => {
    const p = {
      ...emptyProjectForm(),
      name: 'A',
      investor_name: 'B',
      uscc: null,
      investor_origin: '',
      description: '',
      land_mu_x100: 250,
      contacts: [],
      contacts_masked: true,
    } as unknown as ProjectApi.Project
    const f = formOfProject(p)
    expect(projectChanges(f, p)).toEqual({})
    f.name = 'A2'
    f.land_mu_x100 = null
    f.contacts = [{ name: 'x', phone: '1', title: '' }]
    expect(projectChanges(f, p)).toEqual({ name: 'A2', land_mu_x100: null })
  })

  it('checks the credit code only when one is typed', () => {
    expect(usccReason('  ')).toBeNull()
    expect(usccReason('123')).toBe('invalid_format')
  })
})
