import { describe, expect, it } from 'vitest'
import { homePath, visibleMenu } from './menu'

const paths = (perms: string[]) => visibleMenu(perms).map((m) => m.path)

describe('permission → menu filter', () => {
  it('shows a promoter only the workbench', () => {
    expect(paths(['workbench.view', 'project.read'])).toEqual(['/workbench'])
  })

  it('shows the system admin org units, users and roles, but not the workbench or audit', () => {
    expect(paths(['org.write', 'user.read', 'user.write', 'role.read'])).toEqual(['/org/units', '/users', '/roles'])
  })

  it('shows org units to a role reader without org.write', () => {
    expect(paths(['role.read', 'user.roles'])).toEqual(['/org/units', '/roles'])
  })

  it('shows the audit admin only the audit log', () => {
    expect(paths(['audit.read'])).toEqual(['/audit'])
  })

  it('shows nothing without permissions and lands on 403', () => {
    expect(paths([])).toEqual([])
    expect(homePath([])).toBe('/403')
  })

  it('lands on the first visible item after login', () => {
    expect(homePath(['audit.read', 'user.read'])).toBe('/users')
    expect(homePath(['workbench.view', 'audit.read'])).toBe('/workbench')
  })
})
