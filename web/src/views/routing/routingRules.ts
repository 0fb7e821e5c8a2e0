// Display math of routings: acceptance rate, decline reasons by frequency, status colours. Who may
// accept, decline, withdraw or route is the server's answer (`capabilities` on routings and projects).
import type { RoutingApi } from '@/api/routings'

/** Acceptance rate of a stat row as a whole percentage, or null with nothing decided yet. */
export function acceptRate(s: Pick<RoutingApi.Stat, 'accepted' | 'declined'>): number | null {
  const decided = s.accepted + s.declined
  return decided > 0 ? Math.round((s.accepted * 100) / decided) : null
}

/** Decline reasons of a stat row, most frequent first (ties in the contract's order). */
export function reasonCounts(s: Pick<RoutingApi.Stat, 'reasons'>, order: readonly string[]): { code: string; n: number }[] {
  const rank = (c: string) => (order.includes(c) ? order.indexOf(c) : order.length)
  return Object.entries(s.reasons ?? {})
    .filter(([, n]) => n > 0)
    .map(([code, n]) => ({ code, n }))
    .sort((a, b) => b.n - a.n || rank(a.code) - rank(b.code))
}

/** Element Plus tag type of a routing status. */
export const statusType = (s: RoutingApi.Status): 'warning' | 'success' | 'danger' | 'info' =>
  s === 'pending' ? 'warning' : s === 'accepted' ? 'success' : s === 'declined' ? 'danger' : 'info'

/** The lists of the 分派与接收 page: projects waiting to be routed, routings waiting for a park,
 *  routings parks declined, and every routing. */
export type RoutingView = 'to_route' | 'pending' | 'declined' | 'all'

/**
 * Which lists a user gets and which one opens first, from the permissions the server gave them
 * (GET /auth/me): who may route (routing.write) starts with what waits to be routed, who may
 * answer routings (routing.respond) with what waits for an answer, anyone else with everything.
 */
export function routingViews(can: (perm: string) => boolean): { views: RoutingView[]; first: RoutingView } {
  const route = can('routing.write')
  const respond = can('routing.respond')
  const views: RoutingView[] = [...(route ? (['to_route'] as const) : []), 'pending', 'declined', 'all']
  return { views, first: route ? 'to_route' : respond ? 'pending' : 'all' }
}

/** Soonest deadline first (YYYY-MM-DD strings; none last), then the newest. */
export function byDeadline<T extends { deadline?: string | null; step_deadline?: string | null; id: number }>(rows: readonly T[]): T[] {
  const day = (r: T) => r.deadline ?? r.step_deadline ?? '9999-99-99'
  return [...rows].sort((a, b) => day(a).localeCompare(day(b)) || b.id - a.id)
}
