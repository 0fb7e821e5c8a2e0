// The session dialog's form: start and end (the date-time pickers' epoch ms), place, trainer,
// capacity and the quotas per unit; the body of POST / PUT, the browser's checks and where the
// server's `fields` land ("quotas.1.unit_id" under the second quota row).
import { TRAINING_LIMITS, type TrainingApi } from '@/api/training'
import { charCount } from '@/views/guide/articleForm'

export interface QuotaRow {
  unit_id: number | null
  seats: number
}
export interface SessionForm {
  starts_at: number | null
  ends_at: number | null
  place: string
  trainer: string
  capacity: number
  quotas: QuotaRow[]
}

export const SESSION_FIELDS = ['starts_at', 'ends_at', 'place', 'trainer', 'capacity', 'quotas'] as const
export type SessionField = (typeof SESSION_FIELDS)[number]

/** A new session: tomorrow 09:00–12:00 in the browser's time zone, 50 seats. */
export function emptySessionForm(now: Date = new Date()): SessionForm {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0, 0, 0)
  const end = new Date(start.getFullYear(), start.getMonth(), start.getDate(), 12, 0, 0, 0)
  return { starts_at: start.getTime(), ends_at: end.getTime(), place: '', trainer: '', capacity: 50, quotas: [] }
}

export function formOfSession(s: TrainingApi.Session): SessionForm {
  return {
    starts_at: s.starts_at,
    ends_at: s.ends_at,
    place: s.place,
    trainer: s.trainer,
    capacity: s.capacity,
    quotas: s.quotas.map((q) => ({ unit_id: q.unit_id, seats: q.seats })),
  }
}

/** The body of POST and PUT (the form checked first: both times set). */
export function sessionBody(f: SessionForm): TrainingApi.SessionBody {
  return {
    starts_at: f.starts_at ?? 0,
    ends_at: f.ends_at ?? 0,
    place: f.place.trim(),
    trainer: f.trainer.trim(),
    capacity: f.capacity,
    quotas: f.quotas.map((q) => ({ unit_id: q.unit_id ?? 0, seats: q.seats })),
  }
}

export interface SessionProblems {
  fields: Partial<Record<SessionField, string>>
  /** quota row index → reason (required, duplicate, invalid_value) */
  quotas: Record<number, string>
}

export function sessionProblems(f: SessionForm): SessionProblems {
  const fields: Partial<Record<SessionField, string>> = {}
  const quotas: Record<number, string> = {}
  const L = TRAINING_LIMITS
  if (!f.starts_at) fields.starts_at = 'required'
  if (!f.ends_at) fields.ends_at = 'required'
  else if (f.starts_at && f.ends_at <= f.starts_at) fields.ends_at = 'before_start'
  if (!f.place.trim()) fields.place = 'required'
  else if (charCount(f.place.trim()) > L.place) fields.place = 'too_long'
  if (charCount(f.trainer.trim()) > L.trainer) fields.trainer = 'too_long'
  if (!Number.isInteger(f.capacity) || f.capacity < 1 || f.capacity > L.capacity) fields.capacity = 'invalid_value'
  const seen = new Set<number>()
  let seats = 0
  f.quotas.forEach((q, i) => {
    if (q.unit_id === null) quotas[i] = 'required'
    else if (seen.has(q.unit_id)) quotas[i] = 'duplicate'
    else seen.add(q.unit_id)
    if (!quotas[i] && (!Number.isInteger(q.seats) || q.seats < 1)) quotas[i] = 'invalid_value'
    seats += Number.isFinite(q.seats) ? q.seats : 0
  })
  if (!fields.capacity && seats > f.capacity) fields.quotas = 'over_capacity'
  return { fields, quotas }
}

/** The server's `fields` split into the form's fields and the quota rows ("quotas.N.unit_id", "quotas.N.seats"). */
export function splitSessionFields(fields: Record<string, string>): SessionProblems {
  const out: SessionProblems = { fields: {}, quotas: {} }
  for (const [name, why] of Object.entries(fields)) {
    const m = /^quotas\.(\d+)(?:\.[a-z_]+)?$/.exec(name)
    if (m) out.quotas[Number(m[1])] = why
    else if ((SESSION_FIELDS as readonly string[]).includes(name)) out.fields[name as SessionField] = why
  }
  return out
}

export const hasSessionProblems = (p: SessionProblems): boolean => Object.keys(p.fields).length > 0 || Object.keys(p.quotas).length > 0

/** Seats the quotas hand out together. */
export const quotaSeats = (f: SessionForm): number => f.quotas.reduce((n, q) => n + (Number.isFinite(q.seats) ? q.seats : 0), 0)
