import { describe, expect, it } from 'vitest'
import { activeMenuPath, breadcrumbs, groupMenu, homePath, MENU, visibleMenu } from './menu'

const paths = (perms: string[]) => visibleMenu(perms).map((m) => m.path)

describe('permission → menu filter', () => {
  it('shows a promoter the workbench and the pipeline pages', () => {
    expect(paths(['workbench.view', 'inbox.read', 'project.read', 'project.create', 'catalog.read'])).toEqual([
      '/workbench',
      '/notifications',
      '/projects',
      '/projects/board',
      '/projects/new',
      '/catalog',
    ])
  })

  it('hides the lead form from roles that read projects but may not report', () => {
    expect(paths(['workbench.view', 'inbox.read', 'project.read', 'catalog.read'])).toEqual([
      '/workbench',
      '/notifications',
      '/projects',
      '/projects/board',
      '/catalog',
    ])
  })

  it('highlights the most specific menu item of a page', () => {
    expect(activeMenuPath(MENU, '/projects/board')).toBe('/projects/board')
    expect(activeMenuPath(MENU, '/projects/new')).toBe('/projects/new')
    expect(activeMenuPath(MENU, '/projects/42')).toBe('/projects')
    expect(activeMenuPath(MENU, '/projects/42/edit')).toBe('/projects')
    expect(activeMenuPath(MENU, '/projectsx')).toBeUndefined()
  })

  it('shows the coordinator 阶段期限 after the catalog; read-only roles do not get it', () => {
    const coordinator = [
      'workbench.view',
      'inbox.read',
      'inbox.read',
      'user.read',
      'catalog.read',
      'catalog.write',
      'project.read',
      'project.create',
      'pipeline.settings',
    ]
    expect(paths(coordinator)).toEqual([
      '/workbench',
      '/notifications',
      '/projects',
      '/projects/board',
      '/projects/new',
      '/catalog',
      '/pipeline/settings',
      '/users',
    ])
    expect(paths(['workbench.view', 'inbox.read', 'project.read', 'user.read', 'catalog.read'])).not.toContain('/pipeline/settings')
  })

  it('shows 撞单确认 to whoever adjudicates the first report (the coordinator) only', () => {
    expect(paths(['workbench.view', 'inbox.read', 'project.read', 'project.create', 'project.adjudicate'])).toEqual([
      '/workbench',
      '/notifications',
      '/projects',
      '/projects/board',
      '/projects/new',
      '/projects/collisions',
    ])
    expect(paths(['workbench.view', 'inbox.read', 'project.read', 'project.create'])).not.toContain('/projects/collisions')
    expect(activeMenuPath(MENU, '/projects/collisions')).toBe('/projects/collisions')
  })

  it('shows an outside expert only the workbench and the review rounds', () => {
    expect(paths(['workbench.view', 'inbox.read', 'review.participate'])).toEqual(['/workbench', '/notifications', '/review/rounds'])
    expect(homePath(['workbench.view', 'inbox.read', 'review.participate'])).toBe('/workbench')
  })

  it('shows a receiver routing, review rounds and park profiles, but not the panels', () => {
    const receiver = [
      'workbench.view',
      'inbox.read',
      'inbox.read',
      'project.read',
      'project.write',
      'catalog.read',
      'park.read',
      'park.write',
      'routing.read',
      'review.participate',
    ]
    expect(paths(receiver)).toEqual([
      '/workbench',
      '/notifications',
      '/projects',
      '/projects/board',
      '/routings',
      '/review/rounds',
      '/parks',
      '/catalog',
    ])
  })

  it('shows the coordinator the panels page and leaders the rounds read-only', () => {
    const coordinator = [
      'workbench.view',
      'inbox.read',
      'inbox.read',
      'project.read',
      'project.create',
      'catalog.read',
      'park.read',
      'routing.read',
      'review.manage',
      'review.participate',
      'pipeline.settings',
    ]
    expect(paths(coordinator)).toEqual([
      '/workbench',
      '/notifications',
      '/projects',
      '/projects/board',
      '/projects/new',
      '/routings',
      '/review/rounds',
      '/review/panels',
      '/parks',
      '/catalog',
      '/pipeline/settings',
    ])
    expect(paths(['workbench.view', 'inbox.read', 'project.read', 'routing.read', 'review.read', 'park.read'])).toEqual([
      '/workbench',
      '/notifications',
      '/projects',
      '/projects/board',
      '/routings',
      '/review/rounds',
      '/parks',
    ])
    expect(activeMenuPath(MENU, '/review/rounds/3/opinion/7')).toBe('/review/rounds')
    expect(activeMenuPath(MENU, '/parks/8/card')).toBe('/parks')
  })

  it('lists 站内通知 right under the workbench for every business role, and 督办 in the projects group for supervision.read', () => {
    expect(paths(['workbench.view', 'inbox.read', 'factor.read', 'supervision.read'])).toEqual([
      '/workbench',
      '/notifications',
      '/factor-requests',
      '/supervision',
    ])
    expect(paths(['workbench.view', 'inbox.read', 'review.participate'])).toContain('/notifications')
    expect(paths(['workbench.view', 'inbox.read', 'project.read'])).not.toContain('/supervision')
    expect(MENU.find((m) => m.path === '/supervision')?.group).toBe('projects')
    expect(activeMenuPath(MENU, '/supervision/7/print')).toBe('/supervision')
    expect(activeMenuPath(MENU, '/notifications')).toBe('/notifications')
  })

  it('shows the system admin org units, users and roles, but not the workbench or audit', () => {
    expect(paths(['org.write', 'user.read', 'user.write', 'role.read'])).toEqual(['/org/units', '/users', '/roles'])
  })

  it('shows the system admin 群机器人 after the roles, with robot.manage only', () => {
    expect(paths(['org.write', 'user.read', 'role.read', 'robot.manage'])).toEqual(['/org/units', '/users', '/roles', '/robots'])
    expect(paths(['workbench.view', 'inbox.read', 'project.read', 'user.read'])).not.toContain('/robots')
    expect(activeMenuPath(MENU, '/robots')).toBe('/robots')
  })

  it('shows the security admin the inbox (administrator lockouts) above the org units, users and roles, but not the workbench', () => {
    expect(paths(['org.read', 'user.read', 'user.roles', 'role.read', 'inbox.read'])).toEqual([
      '/notifications',
      '/org/units',
      '/users',
      '/roles',
    ])
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
    expect(homePath(['workbench.view', 'inbox.read', 'audit.read'])).toBe('/workbench')
  })
})

describe('menu groups and breadcrumbs', () => {
  const coordinator = [
    'workbench.view',
    'inbox.read',
    'project.read',
    'project.create',
    'routing.read',
    'review.manage',
    'park.read',
    'catalog.read',
    'pipeline.settings',
    'user.read',
  ]

  it('groups the coordinator’s twelve items under four headings, the workbench and the inbox alone on top', () => {
    const entries = groupMenu(visibleMenu(coordinator))
    expect(entries.map((e) => (e.kind === 'item' ? e.item.path : `group:${e.group}`))).toEqual([
      '/workbench',
      '/notifications',
      'group:projects',
      'group:review',
      'group:parks',
      'group:system',
    ])
    const projects = entries.find((e) => e.kind === 'group' && e.group === 'projects')
    expect(projects?.kind === 'group' && projects.items.map((m) => m.path)).toEqual([
      '/projects',
      '/projects/board',
      '/projects/new',
      '/routings',
    ])
    expect(entries.flatMap((e) => (e.kind === 'item' ? [e.item] : e.items))).toHaveLength(12)
  })

  it('keeps a flat list when everything falls into one group or none', () => {
    const admin = groupMenu(visibleMenu(['org.write', 'user.read', 'role.read']))
    expect(admin.every((e) => e.kind === 'item')).toBe(true)
    expect(admin).toHaveLength(3)
    expect(groupMenu(visibleMenu(['workbench.view', 'inbox.read', 'review.participate'])).every((e) => e.kind === 'item')).toBe(true)
  })

  it('lists 政策库 under 园区与产业 for every policy reader, its pages below it', () => {
    const reader = visibleMenu(['workbench.view', 'inbox.read', 'park.read', 'catalog.read', 'policy.read'])
    expect(reader.map((m) => m.path)).toEqual(['/workbench', '/notifications', '/parks', '/policies', '/catalog'])
    expect(MENU.find((m) => m.path === '/policies')?.group).toBe('parks')
    expect(activeMenuPath(reader, '/policies/8')).toBe('/policies')
    expect(activeMenuPath(reader, '/policies/8/edit')).toBe('/policies')
    expect(breadcrumbs(reader, '/policies/new', 'policies.form.createTitleShort')).toEqual([
      { title: 'layout.groups.parks' },
      { title: 'policies.page.title', path: '/policies' },
      { title: 'policies.form.createTitleShort' },
    ])
    expect(visibleMenu(['workbench.view', 'inbox.read', 'park.read']).map((m) => m.path)).not.toContain('/policies')
  })

  it('lists 培训 after 招商指南 for training.read, its pages (completion, sign-in, certificates) below it', () => {
    const reader = visibleMenu(['workbench.view', 'inbox.read', 'review.participate', 'guide.read', 'training.read'])
    expect(reader.map((m) => m.path)).toEqual(['/workbench', '/notifications', '/review/rounds', '/guide', '/training'])
    expect(MENU.find((m) => m.path === '/training')?.group).toBe('parks')
    expect(activeMenuPath(reader, '/training/sign-in/5')).toBe('/training')
    expect(breadcrumbs(reader, '/training/completion', 'training.completion.title')).toEqual([
      { title: 'layout.groups.parks' },
      { title: 'training.page.title', path: '/training' },
      { title: 'training.completion.title' },
    ])
    expect(visibleMenu(['workbench.view', 'guide.read']).map((m) => m.path)).not.toContain('/training')
  })

  it('names the group, the menu item (a link when the page is below it) and the page', () => {
    const items = visibleMenu(coordinator)
    expect(breadcrumbs(items, '/projects/42', 'layout.menu.projectDetail')).toEqual([
      { title: 'layout.groups.projects' },
      { title: 'layout.menu.projects', path: '/projects' },
      { title: 'layout.menu.projectDetail' },
    ])
    expect(breadcrumbs(items, '/projects', 'layout.menu.projects')).toEqual([
      { title: 'layout.groups.projects' },
      { title: 'layout.menu.projects' },
    ])
    expect(breadcrumbs(items, '/workbench', 'layout.menu.workbench')).toEqual([{ title: 'layout.menu.workbench' }])
    expect(breadcrumbs(items, '/account', 'account.center.title')).toEqual([{ title: 'account.center.title' }])
  })
})
