// The ledger's rows asked for by the route, before the page is built: the request goes out while
// the page's code loads, and the navigation waits a moment for the answer, so the page is built
// once with its rows instead of empty first and again when they arrive.
import type { LocationQuery } from 'vue-router'
import type { Page } from '@/api/http'
import { listProjects, type ProjectApi } from '@/api/projects'
import { fromRouteQuery, toListRequest } from './ledgerQuery'

type Rows = Page<ProjectApi.ProjectRow>

/** How long the navigation waits for the rows; after that the page shows without them and they come when they come. */
export const AHEAD_WAIT_MS = 300
/** An answer not taken by then is not used (the navigation went elsewhere). */
const FRESH_MS = 10_000

interface Ahead {
  key: string
  at: number
  answer: Promise<Rows | null>
  rows: Rows | null
}

let ahead: Ahead | null = null
/** Ledger pages alive (kept while another page tab is shown): such a page shows its rows at once and refreshes them itself. */
let alive = 0

const keyOf = (q: ProjectApi.Query): string => JSON.stringify(q)

/**
 * For the route's `beforeEnter`: ask for the rows of the ledger at `query` and wait for them at
 * most `wait` ms. Nothing when a ledger page is alive. Never fails: a refused or failed request is
 * asked again by the page, which shows the error as usual.
 */
export function askAhead(query: LocationQuery, wait = AHEAD_WAIT_MS): Promise<void> | undefined {
  if (alive > 0) return undefined
  const q = toListRequest(fromRouteQuery(query))
  const entry: Ahead = { key: keyOf(q), at: Date.now(), rows: null, answer: Promise.resolve(null) }
  entry.answer = listProjects(q, { silent: true, noAuthRedirect: true }).then(
    (rows) => (entry.rows = rows),
    () => {
      if (ahead === entry) ahead = null // the page asks itself
      return null
    },
  )
  ahead = entry
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, wait)))
  return Promise.race([entry.answer.then(() => undefined), late]).finally(() => clearTimeout(timer))
}

/**
 * For the page being built with request `q`: the rows if they are here, else the request still on
 * its way (null when it fails); null when nothing was asked for this request. Taken once.
 */
export function takeAhead(q: ProjectApi.Query): { rows: Rows } | { answer: Promise<Rows | null> } | null {
  const a = ahead
  if (!a || a.key !== keyOf(q) || Date.now() - a.at > FRESH_MS) return null
  ahead = null
  return a.rows ? { rows: a.rows } : { answer: a.answer }
}

/** A ledger page was created (+1) or is gone (-1). */
export function ledgerAlive(delta: 1 | -1): void {
  alive = Math.max(0, alive + delta)
}
