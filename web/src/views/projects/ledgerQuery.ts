// The ledger's filters, page and sort live in the URL, so a reload, a shared link or the
// back button from a project returns to the same list.
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { STAGES, type ProjectApi } from '@/api/projects'
import { CLOCK_STATES, type ClocksApi } from '@/api/clocks'

export interface LedgerState {
  filters: Required<Pick<ProjectApi.Filters, 'stage' | 'band' | 'q' | 'overdue'>> &
    Omit<ProjectApi.Filters, 'stage' | 'band' | 'q' | 'overdue'>
  page: number
  page_size: number
  sort: ProjectApi.SortKey
  order: 'asc' | 'desc'
}

const SORTS: ProjectApi.SortKey[] = ['created_at', 'total_investment', 'stage_since', 'step_deadline', 'name']
const DATE = /^\d{4}-\d{2}-\d{2}$/

export function defaultLedgerState(): LedgerState {
  return {
    filters: {
      stage: [],
      band: [],
      q: '',
      overdue: false,
      clock: null,
      industry: null,
      leading_industry_id: null,
      district_id: null,
      park_id: null,
      unit_id: null,
      reported_from: null,
      reported_to: null,
      signed_from: null,
      signed_to: null,
    },
    page: 1,
    page_size: 20,
    sort: 'created_at',
    order: 'desc',
  }
}

const one = (v: LocationQuery[string]): string | null => (Array.isArray(v) ? (v[0] ?? null) : (v ?? null))
const int = (v: LocationQuery[string]): number | null => {
  const s = one(v)
  return s !== null && /^\d+$/.test(s) ? Number(s) : null
}
const date = (v: LocationQuery[string]): string | null => {
  const s = one(v)
  return s !== null && DATE.test(s) ? s : null
}
const list = (v: LocationQuery[string]): string[] =>
  (one(v) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)

export function fromRouteQuery(q: LocationQuery): LedgerState {
  const s = defaultLedgerState()
  const f = s.filters
  f.stage = list(q.stage).filter((x): x is ProjectApi.Stage => (STAGES as string[]).includes(x))
  f.band = list(q.band)
    .map(Number)
    .filter((b) => Number.isInteger(b) && b >= 0 && b <= 5)
  f.q = one(q.q) ?? ''
  f.overdue = one(q.overdue) === 'true'
  const clock = one(q.clock)
  f.clock = clock && (CLOCK_STATES as string[]).includes(clock) ? (clock as ClocksApi.ClockState) : null
  f.industry = one(q.industry)
  f.leading_industry_id = int(q.leading_industry_id)
  f.district_id = int(q.district_id)
  f.park_id = int(q.park_id)
  f.unit_id = int(q.unit_id)
  f.reported_from = date(q.reported_from)
  f.reported_to = date(q.reported_to)
  f.signed_from = date(q.signed_from)
  f.signed_to = date(q.signed_to)
  s.page = Math.max(1, int(q.page) ?? 1)
  s.page_size = Math.min(200, Math.max(1, int(q.page_size) ?? 20))
  const sort = one(q.sort)
  if (sort && (SORTS as string[]).includes(sort)) s.sort = sort as ProjectApi.SortKey
  if (one(q.order) === 'asc') s.order = 'asc'
  return s
}

/** Only what differs from the defaults, so a plain ledger keeps a plain URL. */
export function toRouteQuery(s: LedgerState): LocationQueryRaw {
  const d = defaultLedgerState()
  const f = s.filters
  const out: LocationQueryRaw = {}
  if (f.stage.length) out.stage = f.stage.join(',')
  if (f.band.length) out.band = f.band.join(',')
  if (f.q.trim()) out.q = f.q.trim()
  if (f.overdue) out.overdue = 'true'
  if (f.clock) out.clock = f.clock
  for (const k of ['industry', 'leading_industry_id', 'district_id', 'park_id', 'unit_id'] as const)
    if (f[k] !== null && f[k] !== undefined && f[k] !== '') out[k] = String(f[k])
  for (const k of ['reported_from', 'reported_to', 'signed_from', 'signed_to'] as const) if (f[k]) out[k] = f[k]
  if (s.page !== d.page) out.page = String(s.page)
  if (s.page_size !== d.page_size) out.page_size = String(s.page_size)
  if (s.sort !== d.sort) out.sort = s.sort
  if (s.order !== d.order) out.order = s.order
  return out
}

/** The filters and sort the server gets (and 导出Excel exports): copies, not the live state. */
export function toLedgerQuery(s: LedgerState): ProjectApi.LedgerQuery {
  const f = s.filters
  return { ...f, stage: [...f.stage], band: [...f.band], sort: s.sort, order: s.order }
}

/** GET /projects for this state: its filters, sort and page. */
export function toListRequest(s: LedgerState): ProjectApi.Query {
  return { ...toLedgerQuery(s), page: s.page, page_size: s.page_size }
}
