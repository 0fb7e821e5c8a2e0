import { describe, expect, it } from 'vitest'
import { guardDecision, PASSWORD_ROUTE, type GuardSession, type GuardTarget } from './guard'

const route = (name: string, fullPath: string, meta: GuardTarget['meta'] = {}): GuardTarget => ({ name, fullPath, meta })
const promoter: GuardSession = { permissions: ['workbench.view', 'project.read', 'project.create'], mustChangePassword: false }
const forced: GuardSession = { ...promoter, mustChangePassword: true }
const anonymous: GuardSession = { permissions: null, mustChangePassword: false }

const workbench = route('workbench', '/workbench', { perms: ['workbench.view'] })
const audit = route('audit', '/audit', { perms: ['audit.read'] })
const password = route(PASSWORD_ROUTE, '/account/password')
const login = route('login', '/login', { public: true })

describe('route guard', () => {
  it('lets a user go where their permissions allow, and to their own password page', () => {
    expect(guardDecision(workbench, promoter)).toBe(true)
    expect(guardDecision(password, promoter)).toBe(true)
    expect(guardDecision(audit, promoter)).toEqual({ name: 'forbidden', query: { from: '/audit' } })
    expect(guardDecision(route('home', '/'), promoter)).toBe('/workbench')
  })

  it('sends a user who must change the password to that page, from everywhere', () => {
    for (const to of [workbench, audit, route('home', '/'), route('not-found', '/no/such'), route('forbidden', '/403')])
      expect(guardDecision(to, forced), String(to.name)).toEqual({ name: PASSWORD_ROUTE })
    expect(guardDecision(password, forced)).toBe(true)
    expect(guardDecision(login, forced)).toEqual({ name: PASSWORD_ROUTE })
  })

  it('sends strangers to login with the way back, and signed-in users away from it', () => {
    expect(guardDecision(workbench, anonymous)).toEqual({ name: 'login', query: { redirect: '/workbench' } })
    expect(guardDecision(password, anonymous)).toEqual({ name: 'login', query: { redirect: '/account/password' } })
    expect(guardDecision(route('home', '/'), anonymous)).toEqual({ name: 'login', query: {} })
    expect(guardDecision(login, anonymous)).toBe(true)
    expect(guardDecision(login, promoter)).toBe('/workbench')
  })
})
