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
