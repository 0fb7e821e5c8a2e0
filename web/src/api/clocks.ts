import { http, type RequestOptions } from './http'

// 工作日历与时限: docs/api.md "Calendar and clocks". Every deadline counts working days on
// this calendar; the clock kinds and their day ranges are the server's.
export namespace ClocksApi {
  /** A running clock's state: `due_soon` = the deadline is today or the next working day. */
  export type ClockState = 'on_time' | 'due_soon' | 'overdue'

  export interface Day {
    date: string
    working: boolean
    /** `holiday`: a weekday off (or a weekend day inside a holiday); `workday`: 调休上班; null: the weekday rule */
    marked: 'holiday' | 'workday' | null
    name: string
  }
  export interface Calendar {
    year: number
    /** the server's today (China time) */
    today: string
    /** every day of the year, in order */
    days: Day[]
    capabilities: { edit: boolean }
  }
  export interface ImportResult {
    days: number
    years: number[]
  }

  export interface Clock {
    kind: string
    days: number
    default: number
    min: number
    max: number
  }
  export interface Clocks {
    items: Clock[]
    capabilities: { edit: boolean }
  }
}

export const CLOCK_STATES: ClocksApi.ClockState[] = ['on_time', 'due_soon', 'overdue']

/** `calendar.read`; without a year the server's current one. */
export const getCalendar = (year?: number | null, opts?: RequestOptions) =>
  http.get<ClocksApi.Calendar>('/calendar', { ...opts, query: { year: year ?? undefined } })
/** `calendar.write` (coordinator): a day set to what its weekday says loses its mark. */
export const putCalendarDay = (date: string, b: { working: boolean; name?: string }, opts?: RequestOptions) =>
  http.put<ClocksApi.Day>(`/calendar/days/${date}`, b, opts)
/** A .csv/.xlsx with `date,kind,name`: replaces the marked days of every year in it; all or nothing. */
export const importCalendar = (file: Blob, contentType: string, opts?: RequestOptions) =>
  http.post<ClocksApi.ImportResult>('/calendar/import', file, { ...opts, contentType })

export const getClocks = (opts?: RequestOptions) => http.get<ClocksApi.Clocks>('/clocks', opts)
/** Only the kinds that change; nothing is saved when any is refused. */
export const putClocks = (durations: Record<string, number>, opts?: RequestOptions) =>
  http.put<ClocksApi.Clocks>('/clocks', { durations }, opts)
