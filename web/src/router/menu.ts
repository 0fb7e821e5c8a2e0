import type { Component } from 'vue'
import {
  Monitor,
  ChatDotRound,
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
  Calendar,
  SetUp,
  Warning,
  Bell,
  Flag,
  Notebook,
  Reading,
  School,
} from '@element-plus/icons-vue'

/** The side menu's groups (i18n `layout.groups.<key>`), in display order. */
export const MENU_GROUPS = ['projects', 'review', 'parks', 'system'] as const
export type MenuGroup = (typeof MENU_GROUPS)[number]

export interface MenuItem {
  path: string
  /** i18n key of the label */
  title: string
  /** shown when the user has ANY of these permissions */
  anyOf: string[]
  icon: Component
  /** the group it is listed under; none = a top-level item (工作台) */
  group?: MenuGroup
}

/** The sidebar, in display order. Routes reuse `anyOf` as their guard. */
export const MENU: MenuItem[] = [
  { path: '/workbench', title: 'layout.menu.workbench', anyOf: ['workbench.view'], icon: Monitor },
  // 站内通知: every business role and the security admin (administrator lockouts) have an inbox (the header's bell opens it too).
  { path: '/notifications', title: 'inbox.page.title', anyOf: ['inbox.read'], icon: Bell },
  { path: '/projects', title: 'layout.menu.projects', anyOf: ['project.read'], icon: Tickets, group: 'projects' },
  { path: '/projects/board', title: 'layout.menu.board', anyOf: ['project.read'], icon: Grid, group: 'projects' },
  { path: '/projects/new', title: 'layout.menu.newLead', anyOf: ['project.create'], icon: DocumentAdd, group: 'projects' },
  // 撞单确认: the coordinator, who adjudicates the first report.
  { path: '/projects/collisions', title: 'layout.menu.collisions', anyOf: ['project.adjudicate'], icon: Warning, group: 'projects' },
  { path: '/routings', title: 'layout.menu.routings', anyOf: ['routing.read'], icon: Share, group: 'projects' },
  // 要素保障: a department's queue, what a park or promoter raised, everything for the coordinator.
  { path: '/factor-requests', title: 'factors.page.title', anyOf: ['factor.read'], icon: SetUp, group: 'projects' },
  // 督办: a unit's own items, those one issued; everything for the coordinator and leaders.
  { path: '/supervision', title: 'supervision.page.title', anyOf: ['supervision.read'], icon: Flag, group: 'projects' },
  {
    path: '/review/rounds',
    title: 'layout.menu.reviewRounds',
    anyOf: ['review.manage', 'review.participate', 'review.read', 'review.view'],
    icon: Stamp,
    group: 'review',
  },
  { path: '/review/panels', title: 'layout.menu.reviewPanels', anyOf: ['review.manage'], icon: UserFilled, group: 'review' },
  { path: '/parks', title: 'layout.menu.parks', anyOf: ['park.read'], icon: Location, group: 'parks' },
  // 政策库: every business role reads it; owner units keep their own (policy.write, checked per policy).
  { path: '/policies', title: 'policies.page.title', anyOf: ['policy.read'], icon: Notebook, group: 'parks' },
  // 招商指南: every business role reads it; coordinator, receivers, collaborators and trainers write (capabilities).
  { path: '/guide', title: 'guide.page.title', anyOf: ['guide.read'], icon: Reading, group: 'parks' },
  // 培训 (应知应会): every business role takes the courses; their keepers and the report roles see more (capabilities).
  { path: '/training', title: 'training.page.title', anyOf: ['training.read'], icon: School, group: 'parks' },
  { path: '/catalog', title: 'layout.menu.catalog', anyOf: ['catalog.read'], icon: Collection, group: 'parks' },
  { path: '/pipeline/settings', title: 'layout.menu.pipelineSettings', anyOf: ['pipeline.settings'], icon: Timer, group: 'system' },
  // 工作日历: every business role reads it (deadlines count its working days); the coordinator edits it.
  { path: '/calendar', title: 'clocks.calendar.title', anyOf: ['calendar.read'], icon: Calendar, group: 'system' },
  { path: '/org/units', title: 'layout.menu.orgUnits', anyOf: ['org.write', 'role.read'], icon: OfficeBuilding, group: 'system' },
  { path: '/users', title: 'layout.menu.users', anyOf: ['user.read'], icon: User, group: 'system' },
  { path: '/roles', title: 'layout.menu.roles', anyOf: ['role.read'], icon: Lock, group: 'system' },
  // 群机器人: each unit's WeCom/DingTalk group robots and their delivery log.
  { path: '/robots', title: 'robots.page.title', anyOf: ['robot.manage'], icon: ChatDotRound, group: 'system' },
  { path: '/audit', title: 'layout.menu.audit', anyOf: ['audit.read'], icon: Document, group: 'system' },
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

/** A side-menu entry: an item of its own, or a group with its items. */
export type MenuEntry = { kind: 'item'; item: MenuItem } | { kind: 'group'; group: MenuGroup; items: MenuItem[] }

/**
 * The visible items arranged for the side menu: each group (in MENU_GROUPS order, at the place of
 * its first item) holds its items; ungrouped items stand alone. A user whose items fall into one
 * group or none (the expert, the administrators) gets a flat list: one heading would only take room.
 */
export function groupMenu(items: readonly MenuItem[]): MenuEntry[] {
  const groups = new Set(items.map((m) => m.group).filter(Boolean))
  if (groups.size <= 1) return items.map((item) => ({ kind: 'item', item }))
  const out: MenuEntry[] = []
  const seen = new Map<MenuGroup, MenuItem[]>()
  for (const item of items) {
    if (!item.group) {
      out.push({ kind: 'item', item })
      continue
    }
    let list = seen.get(item.group)
    if (!list) {
      list = []
      seen.set(item.group, list)
      out.push({ kind: 'group', group: item.group, items: list })
    }
    list.push(item)
  }
  return out
}

export interface Crumb {
  /** i18n key */
  title: string
  /** a link, unless it is the page itself or a group heading */
  path?: string
}

/**
 * 面包屑: the menu group, the menu item the page belongs to (a link when the page is below it),
 * and the page itself. `pageTitle` is the route's i18n title.
 */
export function breadcrumbs(items: readonly MenuItem[], path: string, pageTitle: string | undefined): Crumb[] {
  const at = activeMenuPath(items, path)
  const item = items.find((m) => m.path === at)
  const out: Crumb[] = []
  if (item?.group) out.push({ title: `layout.groups.${item.group}` })
  if (item) out.push(item.path === path ? { title: item.title } : { title: item.title, path: item.path })
  if (pageTitle && (!item || item.path !== path) && pageTitle !== item?.title) out.push({ title: pageTitle })
  return out
}
