import type { Component } from 'vue'
import { Monitor, OfficeBuilding, User, Lock, Document } from '@element-plus/icons-vue'

export interface MenuItem {
  path: string
  /** i18n key of the label */
  title: string
  /** shown when the user has ANY of these permissions */
  anyOf: string[]
  icon: Component
}

/** The sidebar, in display order. Routes reuse `anyOf` as their guard. */
export const MENU: MenuItem[] = [
  { path: '/workbench', title: 'layout.menu.workbench', anyOf: ['workbench.view'], icon: Monitor },
  { path: '/org/units', title: 'layout.menu.orgUnits', anyOf: ['org.write', 'role.read'], icon: OfficeBuilding },
  { path: '/users', title: 'layout.menu.users', anyOf: ['user.read'], icon: User },
  { path: '/roles', title: 'layout.menu.roles', anyOf: ['role.read'], icon: Lock },
  { path: '/audit', title: 'layout.menu.audit', anyOf: ['audit.read'], icon: Document },
]

export function hasAny(permissions: readonly string[], anyOf: readonly string[] | undefined): boolean {
  if (!anyOf || anyOf.length === 0) return true
  return anyOf.some((p) => permissions.includes(p))
}

export function visibleMenu(permissions: readonly string[], menu: readonly MenuItem[] = MENU): MenuItem[] {
  return menu.filter((m) => hasAny(permissions, m.anyOf))
}

/** Where to land after login: the first menu item the user may open, else the 403 page. */
export function homePath(permissions: readonly string[]): string {
  return visibleMenu(permissions)[0]?.path ?? '/403'
}

export function menuPerms(path: string): string[] | undefined {
  return MENU.find((m) => m.path === path)?.anyOf
}
