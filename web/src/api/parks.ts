import { http, type RequestOptions } from './http'

// 园区画像 (我有什么、我要什么): docs/api.md "Park profiles". A park is an org unit of kind
// `park` or `district`. Money is integer yuan, land hundredths of a mu, as everywhere.
export namespace ParkApi {
  export type UnitKind = 'park' | 'district'
  export type CarrierKind = 'land' | 'factory'
  export type CarrierStatus = 'available' | 'reserved' | 'used'
  export type LandUse = 'industrial' | 'commercial' | 'mixed' | 'other'
  export type Lease = 'rent' | 'sale' | 'both'

  export interface Contact {
    name: string
    phone: string
    title: string
  }

  /** 载体: a land parcel (地块) or a standard factory (标准厂房). Fields of the other kind are 0/"". */
  export interface Carrier {
    id: number
    kind: CarrierKind
    name: string
    status: CarrierStatus
    /** land: hundredths of a mu */
    area_mu_x100: number
    land_use: LandUse | ''
    /** land: yuan per mu, 0 = negotiable (面议) */
    price_yuan_per_mu: number
    floor_area_m2: number
    floors: number
    floor_load_kg_m2: number
    lease: Lease | ''
    rent_yuan_per_m2_month: number
    sale_yuan_per_m2: number
    ready_date: string | null
    note: string
    version: number
  }
  export type NewCarrier = Omit<Carrier, 'id' | 'version'>
  export type CarrierPatch = Partial<NewCarrier> & { version: number }

  /** The editable part of a profile (PUT body without `version`). */
  export interface ProfileFields {
    positioning: string
    leading_industry_ids: number[]
    chain_node_ids: number[]
    target_codes: string[]
    excluded_codes: string[]
    redline_codes: string[]
    redline_note: string
    /** 投资强度下限 (fixed-asset investment ÷ land), yuan per mu */
    min_intensity_yuan_per_mu: number
    /** 亩均税收下限, yuan per mu per year */
    min_tax_yuan_per_mu: number
    /** 亩均产出下限, yuan per mu per year */
    min_output_yuan_per_mu: number
    power_kva: number
    water_t_per_day: number
    gas_m3_per_day: number
    steam_t_per_hour: number
    facilities: string
    policies: string
    contacts: Contact[]
  }

  export interface Profile extends ProfileFields {
    unit_id: number
    unit_name: string
    unit_kind: UnitKind
    carriers: Carrier[]
    updated_at: number | null
    /** 0 = never saved */
    version: number
    /** whether this user may edit this park's profile: the server's answer (GET/PUT /parks/{id}) */
    can_edit: boolean
  }

  export interface Summary {
    unit_id: number
    unit_name: string
    unit_kind: UnitKind
    positioning: string
    available_land_mu_x100: number
    available_factory_m2: number
    carriers_available: number
    leading_industry_ids: number[]
    profile_saved: boolean
    can_edit: boolean
  }
}

export const CARRIER_STATUSES: ParkApi.CarrierStatus[] = ['available', 'reserved', 'used']
export const LAND_USES: ParkApi.LandUse[] = ['industrial', 'commercial', 'mixed', 'other']
export const LEASES: ParkApi.Lease[] = ['rent', 'sale', 'both']
/** Text limits of the profile (the server answers `too_long` beyond them). */
export const PARK_LIMITS = {
  positioning: 500,
  redline_note: 200,
  facilities: 2000,
  policies: 2000,
  carrier_note: 200,
  contacts: 5,
} as const

/** Permission `park.read`. */
export const listParks = (opts?: RequestOptions) => http.get<{ items: ParkApi.Summary[] }>('/parks', opts)
export const getPark = (unitId: number, opts?: RequestOptions) => http.get<ParkApi.Profile>(`/parks/${unitId}`, opts)
/** Permission `park.write` (receiver: own unit subtree; coordinator: all). `version` 0 for the first save. */
export const putPark = (unitId: number, body: ParkApi.ProfileFields & { version: number }, opts?: RequestOptions) =>
  http.put<ParkApi.Profile>(`/parks/${unitId}`, body, opts)
export const createCarrier = (unitId: number, body: ParkApi.NewCarrier, opts?: RequestOptions) =>
  http.post<ParkApi.Carrier>(`/parks/${unitId}/carriers`, body, opts)
export const updateCarrier = (unitId: number, id: number, body: ParkApi.CarrierPatch, opts?: RequestOptions) =>
  http.patch<ParkApi.Carrier>(`/parks/${unitId}/carriers/${id}`, body, opts)
export const deleteCarrier = (unitId: number, id: number, version: number, opts?: RequestOptions) =>
  http.del<void>(`/parks/${unitId}/carriers/${id}`, { ...opts, query: { version } })
