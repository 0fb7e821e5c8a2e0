import type { Component } from 'vue'
import {
  Monitor,
  OfficeBuilding,
  User,
  Lock,
  Document,
  Tickets,
  Grid,
  DocumentAdd,
  Collection,
  Timer,
  Location,
  Share,
  Stamp,
  UserFilled,
} from '@element-plus/icons-vue'

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
  { path: '/projects', title: 'layout.menu.projects', anyOf: ['project.read'], icon: Tickets },
  { path: '/projects/board', title: 'layout.menu.board', anyOf: ['project.read'], icon: Grid },
  { path: '/projects/new', title: 'layout.menu.newLead', anyOf: ['project.create'], icon: DocumentAdd },
  { path: '/routings', title: 'layout.menu.routings', anyOf: ['routing.read'], icon: Share },
  {
    path: '/review/rounds',
    title: 'layout.menu.reviewRounds',
    anyOf: ['review.manage', 'review.participate', 'review.read', 'review.view'],
    icon: Stamp,
  },
  { path: '/review/panels', title: 'layout.menu.reviewPanels', anyOf: ['review.manage'], icon: UserFilled },
  { path: '/parks', title: 'layout.menu.parks', anyOf: ['park.read'], icon: Location },
  { path: '/catalog', title: 'layout.menu.catalog', anyOf: ['catalog.read'], icon: Collection },
  { path: '/pipeline/settings', title: 'layout.menu.pipelineSettings', anyOf: ['pipeline.settings'], icon: Timer },
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

/** The menu item a path belongs to: the longest item path that is a prefix of it. */
export function activeMenuPath(items: readonly MenuItem[], path: string): string | undefined {
  let best: MenuItem | undefined
  for (const m of items) {
    const under = path === m.path || path.startsWith(m.path + '/')
    if (under && (!best || m.path.length > best.path.length)) best = m
  }
  return best?.path
}

export function menuPerms(path: string): string[] | undefined {
  return MENU.find((m) => m.path === path)?.anyOf
}
