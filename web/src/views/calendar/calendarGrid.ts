// The year view of the working calendar: month grids (weeks from Monday, as Chinese calendars
// print them) and what each day is, read from the server's `working` and `marked`.
import type { ClocksApi } from '@/api/clocks'

/** How a day reads: 工作日, 休息日 (weekend), 节假日, 调休上班. */
export type DayKind = 'workday' | 'rest' | 'holiday' | 'makeup'

export function dayKind(d: Pick<ClocksApi.Day, 'working' | 'marked'>): DayKind {
  if (d.marked === 'workday') return 'makeup'
  if (d.marked === 'holiday') return 'holiday'
  return d.working ? 'workday' : 'rest'
}

/** 0 = Monday … 6 = Sunday, for a YYYY-MM-DD date (calendar arithmetic, no time zone). */
export function weekdayIndex(date: string): number {
  const [y, m, d] = date.split('-').map(Number)
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7
}

export interface MonthGrid {
  /** 1–12 */
  month: number
  /** rows of 7 cells, Monday first; null pads the first and last week */
  weeks: (ClocksApi.Day | null)[][]
}

/** The year's days (in any order) → twelve month grids. */
export function yearGrids(days: readonly ClocksApi.Day[]): MonthGrid[] {
  const byMonth = new Map<number, ClocksApi.Day[]>()
  for (const d of days) {
    const m = Number(d.date.slice(5, 7))
    if (!byMonth.has(m)) byMonth.set(m, [])
    byMonth.get(m)!.push(d)
  }
  const out: MonthGrid[] = []
  for (const [month, list] of [...byMonth.entries()].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => a.date.localeCompare(b.date))
    const cells: (ClocksApi.Day | null)[] = Array(weekdayIndex(list[0].date)).fill(null)
    cells.push(...list)
    while (cells.length % 7) cells.push(null)
    const weeks: (ClocksApi.Day | null)[][] = []
    for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7))
    out.push({ month, weeks })
  }
  return out
}

/**
 * An import's `fields` (`line.3 = invalid_date`, `file = required`) → the problems in line order:
 * `{ line: 3, reason: 'invalid_date' }`, the file-level one (line null) first.
 */
export function importProblems(fields: Record<string, string>): { line: number | null; reason: string }[] {
  const out: { line: number | null; reason: string }[] = []
  for (const [k, reason] of Object.entries(fields)) {
    const m = /^line\.(\d+)$/.exec(k)
    if (m) out.push({ line: Number(m[1]), reason })
    else if (k === 'file') out.push({ line: null, reason })
  }
  return out.sort((a, b) => (a.line ?? -1) - (b.line ?? -1))
}
