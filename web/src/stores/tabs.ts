import { defineStore } from 'pinia'
import { ref } from 'vue'

/** One open page (多页签): where it is, with its query (the ledger keeps its filters there). */
export interface PageTab {
  /** route name + params: the same project twice is one tab, two projects are two */
  key: string
  name: string
  fullPath: string
  /** i18n key of the page title */
  title: string
  /** shown after the title when the page is about one object (项目详情 #181) */
  id?: string
}

export const TABS_KEY = 'zs.tabs'
/** More than this and the oldest tab that is not the current one goes. */
export const MAX_TABS = 10

function read(): PageTab[] {
  try {
    const v = JSON.parse(sessionStorage.getItem(TABS_KEY) ?? '[]') as PageTab[]
    return Array.isArray(v) ? v.filter((x) => x && typeof x.key === 'string' && typeof x.fullPath === 'string') : []
  } catch {
    return []
  }
}

/** Route name + params → the tab's key. */
export function tabKey(name: string, params: Record<string, unknown>): string {
  const p = Object.keys(params)
    .sort()
    .map((k) => `${k}=${String(params[k])}`)
    .join('&')
  return p ? `${name}?${p}` : name
}

/** The pages open in this browser tab (sessionStorage), most recently opened last. */
export const useTabsStore = defineStore('tabs', () => {
  const tabs = ref<PageTab[]>(read())

  function save(): void {
    try {
      sessionStorage.setItem(TABS_KEY, JSON.stringify(tabs.value))
    } catch {
      // storage disabled: the tabs last for this page load
    }
  }

  /** The page now on screen: a new tab, or its tab remembers the new address (filters). */
  function visit(tab: PageTab): void {
    const i = tabs.value.findIndex((x) => x.key === tab.key)
    if (i >= 0) tabs.value.splice(i, 1, tab)
    else {
      tabs.value.push(tab)
      while (tabs.value.length > MAX_TABS)
        tabs.value.splice(
          tabs.value.findIndex((x) => x.key !== tab.key),
          1,
        )
    }
    save()
  }

  /** Closes a tab; returns where to go when it was the current one (its neighbour), else null. */
  function close(key: string, current: string): PageTab | null {
    const i = tabs.value.findIndex((x) => x.key === key)
    if (i < 0) return null
    tabs.value.splice(i, 1)
    save()
    if (key !== current) return null
    return tabs.value[i] ?? tabs.value[i - 1] ?? null
  }

  function clear(): void {
    tabs.value = []
    try {
      sessionStorage.removeItem(TABS_KEY)
    } catch {
      // nothing kept
    }
  }

  return { tabs, visit, close, clear }
})
