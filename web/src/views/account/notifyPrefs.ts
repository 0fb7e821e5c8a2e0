// 通知设置: the kinds the server sends (GET /notifications/preferences) grouped for reading, and
// the changes a save sends (PUT takes only the kinds that change).

export type PrefGroup = 'factors' | 'supervision' | 'clocks' | 'other'
export const PREF_GROUPS: readonly PrefGroup[] = ['factors', 'supervision', 'clocks', 'other']

const CLOCK_KINDS = ['overdue', 'escalated', 'lead_on_agenda', 'digest', 'policy_expiring']

/** Which heading a kind is listed under; a kind this client does not know yet goes under 其他. */
export function prefGroup(kind: string): PrefGroup {
  if (kind.startsWith('factor_')) return 'factors'
  if (kind.startsWith('supervision_')) return 'supervision'
  if (CLOCK_KINDS.includes(kind)) return 'clocks'
  return 'other'
}

/** The kinds by heading, in the server's order within each; empty headings left out. */
export function groupKinds(kinds: readonly string[]): { group: PrefGroup; kinds: string[] }[] {
  return PREF_GROUPS.map((group) => ({ group, kinds: kinds.filter((k) => prefGroup(k) === group) })).filter((g) => g.kinds.length > 0)
}

/** Only the kinds whose switch differs from what the server said: the body of PUT. */
export function changedKinds(form: Readonly<Record<string, boolean>>, saved: Readonly<Record<string, boolean>>): Record<string, boolean> {
  const out: Record<string, boolean> = {}
  for (const [k, on] of Object.entries(saved)) if (typeof form[k] === 'boolean' && form[k] !== on) out[k] = form[k]
  return out
}
