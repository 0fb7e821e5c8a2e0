// Who may do what with a routing (docs/api.md "Routing with accept or decline"), for showing buttons.
// The server decides; these only keep buttons away from people who would be refused.
import type { RoutingApi } from '@/api/routings'

export interface Actor {
  roles: readonly string[]
  permissions?: readonly string[]
}
const may = (me: Actor | null | undefined, perm: string, role: string) =>
  !!me && (me.roles.includes(role) || !!me.permissions?.includes(perm))

/** 接收 / 退回: a receiver, on a pending routing (the list holds only routings to their subtree). */
export const canRespond = (r: Pick<RoutingApi.Routing, 'status'>, me: Actor | null | undefined): boolean =>
  r.status === 'pending' && !!me?.roles.includes('receiver')

/** 撤回: the coordinator, on a pending routing. */
export const canWithdraw = (r: Pick<RoutingApi.Routing, 'status'>, me: Actor | null | undefined): boolean =>
  r.status === 'pending' && may(me, 'routing.write', 'coordinator')

/** 分派: the coordinator, on a project in the pool without a pending routing. */
export const canRoute = (
  p: { stage: string; next_step: string; pending_routing_id?: number | null },
  me: Actor | null | undefined,
): boolean => p.stage === 'approved' && p.next_step !== 'park_response' && !p.pending_routing_id && may(me, 'routing.write', 'coordinator')

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
