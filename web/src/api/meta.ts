import { http } from './http'

export namespace MetaApi {
  /** The server's business rules the UI shows or offers; the server enforces them. */
  export interface Rules {
    /** name similarity from which two investors count as a collision (撞单) */
    collision_threshold: number
    /** days a park has to answer a routing */
    routing_days: { default: number; min: number; max: number }
    /** days per stage deadline */
    deadline_days: { min: number; max: number }
    /** reason codes per closing transition; `returned` is in_review → lead */
    reason_codes: { rejected: string[]; returned: string[]; shelved: string[]; lost: string[] }
    /** why a park declines a routing (退回) */
    decline_reason_codes: string[]
  }
  /** How long a session lives on the server; absent on servers that do not say (then the UI warns of nothing). */
  export interface SessionRules {
    /** the session ends after this many minutes without a request */
    idle_minutes: number
    /** and this many hours after signing in, whatever happens */
    absolute_hours: number
  }
  export interface Meta {
    demo: boolean
    version: string
    rules: Rules
    session?: SessionRules
  }
}

export const getMeta = () => http.get<MetaApi.Meta>('/meta', { silent: true, noAuthRedirect: true })
