// The version diff as the page shows it: the server's lines (same / add / del with both line
// numbers), long runs of unchanged lines folded to a few lines of context around each change.
import type { GuideApi } from '@/api/guide'

export interface DiffStats {
  added: number
  removed: number
}

/** Added and removed lines (the server sends them too; this counts what is shown). */
export function diffStats(lines: readonly GuideApi.DiffLine[]): DiffStats {
  let added = 0
  let removed = 0
  for (const l of lines) {
    if (l.op === 'add') added++
    else if (l.op === 'del') removed++
  }
  return { added, removed }
}

export type DiffRow =
  | { kind: 'line'; key: string; line: GuideApi.DiffLine }
  /** `count` unchanged lines starting at index `start`, folded */
  | { kind: 'gap'; key: string; start: number; count: number }

/**
 * The rows to show: every changed line with `context` unchanged lines before and after it; a run
 * of more unchanged lines between (or before the first / after the last change) becomes one gap,
 * unless its start index is in `expanded`. A gap of a single line is not worth folding. With no
 * change at all every line shows.
 */
export function foldDiff(lines: readonly GuideApi.DiffLine[], context = 3, expanded: ReadonlySet<number> = new Set()): DiffRow[] {
  const changed = lines.map((l) => l.op !== 'same')
  if (!changed.includes(true)) return lines.map((line, i) => ({ kind: 'line', key: `l${i}`, line }))
  const near = lines.map((_, i) => {
    for (let j = Math.max(0, i - context); j <= Math.min(lines.length - 1, i + context); j++) if (changed[j]) return true
    return false
  })
  const rows: DiffRow[] = []
  let i = 0
  while (i < lines.length) {
    if (near[i]) {
      rows.push({ kind: 'line', key: `l${i}`, line: lines[i] })
      i++
      continue
    }
    let j = i
    while (j < lines.length && !near[j]) j++
    const count = j - i
    if (count < 2 || expanded.has(i)) for (let k = i; k < j; k++) rows.push({ kind: 'line', key: `l${k}`, line: lines[k] })
    else rows.push({ kind: 'gap', key: `g${i}`, start: i, count })
    i = j
  }
  return rows
}

/** The sign shown before a line: + added, − removed, blank unchanged. */
export const diffSign = (op: string): string => (op === 'add' ? '+' : op === 'del' ? '−' : ' ')

/** The default pair: the previous version against the newest (null when there is only one). */
export function defaultPair(versions: readonly number[]): { from: number; to: number } | null {
  const sorted = [...new Set(versions)].sort((a, b) => a - b)
  if (sorted.length < 2) return null
  return { from: sorted[sorted.length - 2], to: sorted[sorted.length - 1] }
}
