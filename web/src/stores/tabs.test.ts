import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { MAX_TABS, TABS_KEY, tabKey, useTabsStore, type PageTab } from './tabs'

const tab = (name: string, fullPath = `/${name}`, params: Record<string, unknown> = {}): PageTab => ({
  key: tabKey(name, params),
  name,
  fullPath,
  title: `layout.menu.${name}`,
})

describe('page tabs (多页签)', () => {
  beforeEach(() => {
    sessionStorage.clear()
    setActivePinia(createPinia())
  })

  it('opens a tab per page and object, and remembers the latest address of each (the ledger’s filters)', () => {
    const s = useTabsStore()
    s.visit(tab('projects'))
    s.visit(tab('project-detail', '/projects/7', { id: '7' }))
    s.visit(tab('project-detail', '/projects/8', { id: '8' }))
    s.visit(tab('projects', '/projects?stage=negotiating&q=电机'))
    expect(s.tabs.map((x) => x.key)).toEqual(['projects', 'project-detail?id=7', 'project-detail?id=8'])
    expect(s.tabs[0].fullPath).toBe('/projects?stage=negotiating&q=电机')
    // another store on the same session (a reload) reads them back
    setActivePinia(createPinia())
    expect(useTabsStore().tabs).toHaveLength(3)
  })

  it('closing the current tab names its right neighbour, else the left one; closing another names none', () => {
    const s = useTabsStore()
    for (const n of ['a', 'b', 'c']) s.visit(tab(n))
    expect(s.close('a', 'c')).toBeNull()
    expect(s.close('b', 'b')?.key).toBe('c')
    expect(s.close('c', 'c')).toBeNull()
    expect(s.tabs).toEqual([])
  })

  it('keeps at most MAX_TABS, dropping the oldest, never the page on screen', () => {
    const s = useTabsStore()
    for (let i = 0; i < MAX_TABS + 3; i++) s.visit(tab(`p${i}`))
    expect(s.tabs).toHaveLength(MAX_TABS)
    expect(s.tabs[0].key).toBe('p3')
    expect(s.tabs.at(-1)?.key).toBe(`p${MAX_TABS + 2}`)
  })

  it('clear forgets them (logout)', () => {
    const s = useTabsStore()
    s.visit(tab('users'))
    s.clear()
    expect(s.tabs).toEqual([])
    expect(sessionStorage.getItem(TABS_KEY)).toBeNull()
  })
})
