// 督办 codes as plain functions (tested directly): the 督办编号 on the item page and the printed
// 督办单, tag colours, and where an item's subject is shown.
import type { SupervisionApi } from '@/api/supervision'
import { hasAny, menuPerms } from '@/router/menu'

/**
 * 督办编号 DB-YYYY-####: the year the item was issued (local time) and its id, four digits at
 * least (the id keeps every digit past 9999, so two items never share a number).
 */
export function supervisionNumber(id: number, issuedAt: number): string {
  const d = new Date(issuedAt)
  const year = Number.isNaN(d.getTime()) ? '0000' : String(d.getFullYear())
  return `DB-${year}-${String(Math.max(0, Math.trunc(id))).padStart(4, '0')}`
}

type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info'
// Colours only: what a status allows is the server's `capabilities`.
const STATUS_TYPES: Record<string, TagType> = { open: 'warning', replied: 'primary', closed: 'success' }
const PRIORITY_TYPES: Record<string, TagType> = { normal: 'info', urgent: 'warning', critical: 'danger' }
const EVENT_COLORS: Record<string, string> = {
  issued: '#2563eb',
  replied: '#16a34a',
  closed: '#909399',
  reopened: '#f59e0b',
  escalated: '#dc2626',
}
export const statusTagType = (s: string): TagType => STATUS_TYPES[s] ?? 'info'
export const priorityTagType = (p: string): TagType => PRIORITY_TYPES[p] ?? 'info'
export const eventColor = (kind: string): string => EVENT_COLORS[kind] ?? '#606266'

/** Where the subject is: its page when the user may open it, the unit's items for a unit; null = text only. */
export function subjectPath(item: Pick<SupervisionApi.Item, 'subject_type' | 'subject_id'>, permissions: readonly string[]): string | null {
  const may = (menuPath: string) => hasAny(permissions, menuPerms(menuPath) ?? ['-'])
  if (item.subject_type === 'project') return may('/projects') ? `/projects/${item.subject_id}` : null
  if (item.subject_type === 'factor_request') return may('/factor-requests') ? `/factor-requests/${item.subject_id}` : null
  if (item.subject_type === 'unit') return may('/supervision') ? `/supervision?unit_id=${item.subject_id}` : null
  return null
}

/** A deadline the user may pick: today or later (the server answers `invalid_value` for a past day). */
export function isPastDay(d: Date, today: Date = new Date()): boolean {
  const start = new Date(today.getFullYear(), today.getMonth(), today.getDate()).getTime()
  return d.getTime() < start
}
