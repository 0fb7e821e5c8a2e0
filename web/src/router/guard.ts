// The route guard's decision as a plain function of the target and the session, so it is
// testable without a router. index.ts feeds it; nothing here knows about Vue.
import type { RouteLocationRaw } from 'vue-router'
import { hasAny, homePath } from './menu'

/** The personal change-password page; the only page while a password change is required. */
export const PASSWORD_ROUTE = 'account-password'

export interface GuardTarget {
  name?: string | symbol | null
  fullPath: string
  meta: { public?: boolean; perms?: string[] }
}

export interface GuardSession {
  /** null when not signed in */
  permissions: readonly string[] | null
  /** an administrator reset the password: nothing but the change-password page until it is changed */
  mustChangePassword: boolean
}

/** true = go on; anything else = redirect there. */
export function guardDecision(to: GuardTarget, s: GuardSession): true | RouteLocationRaw {
  if (to.meta.public) {
    // A signed-in user has nothing to do on the login page.
    if (to.name === 'login' && s.permissions) return s.mustChangePassword ? { name: PASSWORD_ROUTE } : homePath(s.permissions)
    return true
  }
  if (!s.permissions) {
    const redirect = to.fullPath !== '/' ? to.fullPath : undefined
    return { name: 'login', query: redirect ? { redirect } : {} }
  }
  if (s.mustChangePassword) return to.name === PASSWORD_ROUTE ? true : { name: PASSWORD_ROUTE }
  if (to.name === 'home') return homePath(s.permissions)
  if (!hasAny(s.permissions, to.meta.perms)) return { name: 'forbidden', query: { from: to.fullPath } }
  return true
}
