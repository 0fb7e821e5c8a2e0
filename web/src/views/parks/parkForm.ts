// 园区画像 form: what the inputs hold, the PUT body, and the carrier dialog's body. Thresholds are
// typed in 万元/亩 (AmountInput, 4 decimals) and sent as integer yuan per 亩; 0 means "not set".
import type { ParkApi } from '@/api/parks'
import { parseScaled, scaledText, WAN_DECIMALS } from '@/utils/money'

/** 万元/亩 text → integer yuan per 亩 (null when it is not a valid amount; '' → 0 = not set). */
export function thresholdToYuan(text: string): number | null {
  if (text.trim() === '') return 0
  return parseScaled(text, WAN_DECIMALS)
}

/** Integer yuan per 亩 → 万元/亩 text ("300", "12.3456"); 0 → '' (not set). */
export function thresholdToWan(yuanPerMu: number | null | undefined): string {
  if (!yuanPerMu) return ''
  return scaledText(yuanPerMu, WAN_DECIMALS)
}

export const THRESHOLDS = ['min_intensity_yuan_per_mu', 'min_tax_yuan_per_mu', 'min_output_yuan_per_mu'] as const
export const UTILITIES = ['power_kva', 'water_t_per_day', 'gas_m3_per_day', 'steam_t_per_hour'] as const
/** i18n key of each utility's unit. */
export const UTILITY_UNIT: Record<(typeof UTILITIES)[number], string> = {
  power_kva: 'parks.units.kva',
  water_t_per_day: 'parks.units.tPerDay',
  gas_m3_per_day: 'parks.units.m3PerDay',
  steam_t_per_hour: 'parks.units.tPerHour',
}
export type ThresholdField = (typeof THRESHOLDS)[number]
export type UtilityField = (typeof UTILITIES)[number]

/** The profile fields a server `fields` answer may name (useFieldErrors). */
export const PROFILE_FIELDS = [
  'positioning',
  'leading_industry_ids',
  'chain_node_ids',
  'target_codes',
  'excluded_codes',
  'redline_codes',
  'redline_note',
  ...THRESHOLDS,
  ...UTILITIES,
  'facilities',
  'policies',
  'contacts',
] as const
export type ProfileField = (typeof PROFILE_FIELDS)[number]

/** Numbers are `null` while the input is empty (AmountInput); they are sent as 0. */
export type ParkForm = Omit<ParkApi.ProfileFields, ThresholdField | UtilityField> & Record<ThresholdField | UtilityField, number | null>

export function emptyParkForm(): ParkForm {
  return {
    positioning: '',
    leading_industry_ids: [],
    chain_node_ids: [],
    target_codes: [],
    excluded_codes: [],
    redline_codes: [],
    redline_note: '',
    min_intensity_yuan_per_mu: null,
    min_tax_yuan_per_mu: null,
    min_output_yuan_per_mu: null,
    power_kva: null,
    water_t_per_day: null,
    gas_m3_per_day: null,
    steam_t_per_hour: null,
    facilities: '',
    policies: '',
    contacts: [],
  }
}

/** The form of a loaded profile: 0 thresholds and capacities show as empty inputs. */
export function formFromProfile(p: ParkApi.Profile): ParkForm {
  const zeroIsEmpty = (n: number | null | undefined) => (n ? n : null)
  return {
    positioning: p.positioning ?? '',
    leading_industry_ids: [...(p.leading_industry_ids ?? [])],
    chain_node_ids: [...(p.chain_node_ids ?? [])],
    target_codes: [...(p.target_codes ?? [])],
    excluded_codes: [...(p.excluded_codes ?? [])],
    redline_codes: [...(p.redline_codes ?? [])],
    redline_note: p.redline_note ?? '',
    min_intensity_yuan_per_mu: zeroIsEmpty(p.min_intensity_yuan_per_mu),
    min_tax_yuan_per_mu: zeroIsEmpty(p.min_tax_yuan_per_mu),
    min_output_yuan_per_mu: zeroIsEmpty(p.min_output_yuan_per_mu),
    power_kva: zeroIsEmpty(p.power_kva),
    water_t_per_day: zeroIsEmpty(p.water_t_per_day),
    gas_m3_per_day: zeroIsEmpty(p.gas_m3_per_day),
    steam_t_per_hour: zeroIsEmpty(p.steam_t_per_hour),
    facilities: p.facilities ?? '',
    policies: p.policies ?? '',
    contacts: (p.contacts ?? []).map((c) => ({ name: c.name, phone: c.phone, title: c.title })),
  }
}

/** The PUT body: trimmed texts, empty contacts dropped, empty numbers as 0, and the version read. */
export function profilePayload(f: ParkForm, version: number): ParkApi.ProfileFields & { version: number } {
  const n = (v: number | null) => v ?? 0
  return {
    positioning: f.positioning.trim(),
    leading_industry_ids: [...f.leading_industry_ids],
    chain_node_ids: [...f.chain_node_ids],
    target_codes: [...f.target_codes],
    excluded_codes: [...f.excluded_codes],
    redline_codes: [...f.redline_codes],
    redline_note: f.redline_note.trim(),
    min_intensity_yuan_per_mu: n(f.min_intensity_yuan_per_mu),
    min_tax_yuan_per_mu: n(f.min_tax_yuan_per_mu),
    min_output_yuan_per_mu: n(f.min_output_yuan_per_mu),
    power_kva: n(f.power_kva),
    water_t_per_day: n(f.water_t_per_day),
    gas_m3_per_day: n(f.gas_m3_per_day),
    steam_t_per_hour: n(f.steam_t_per_hour),
    facilities: f.facilities.trim(),
    policies: f.policies.trim(),
    contacts: f.contacts
      .map((c) => ({ name: c.name.trim(), phone: c.phone.trim(), title: c.title.trim() }))
      .filter((c) => c.name || c.phone || c.title),
    version,
  }
}

/** Whether two forms would send the same body (unsaved-changes marker). */
export const sameForm = (a: ParkForm, b: ParkForm): boolean => JSON.stringify(profilePayload(a, 0)) === JSON.stringify(profilePayload(b, 0))

// ---------------------------------------------------------------- carriers
export interface CarrierForm {
  kind: ParkApi.CarrierKind
  name: string
  status: ParkApi.CarrierStatus
  area_mu_x100: number | null
  land_use: ParkApi.LandUse
  /** yuan per 亩, typed in 万元/亩; null/0 = negotiable */
  price_yuan_per_mu: number | null
  floor_area_m2: number | null
  floors: number | null
  floor_load_kg_m2: number | null
  lease: ParkApi.Lease
  rent_yuan_per_m2_month: number | null
  sale_yuan_per_m2: number | null
  ready_date: string | null
  note: string
}

export function carrierForm(c?: ParkApi.Carrier | null, kind: ParkApi.CarrierKind = 'land'): CarrierForm {
  const k = c?.kind ?? kind
  const v = (n: number | null | undefined) => (n ? n : null)
  return {
    kind: k,
    name: c?.name ?? '',
    status: c?.status ?? 'available',
    area_mu_x100: v(c?.area_mu_x100),
    land_use: (c?.land_use || 'industrial') as ParkApi.LandUse,
    price_yuan_per_mu: v(c?.price_yuan_per_mu),
    floor_area_m2: v(c?.floor_area_m2),
    floors: v(c?.floors),
    floor_load_kg_m2: v(c?.floor_load_kg_m2),
    lease: (c?.lease || 'rent') as ParkApi.Lease,
    rent_yuan_per_m2_month: v(c?.rent_yuan_per_m2_month),
    sale_yuan_per_m2: v(c?.sale_yuan_per_m2),
    ready_date: c?.ready_date ?? null,
    note: c?.note ?? '',
  }
}

/** The body for POST/PATCH: the other kind's fields are 0 / "" as the contract says. */
export function carrierPayload(f: CarrierForm): ParkApi.NewCarrier {
  const n = (v: number | null) => v ?? 0
  const land = f.kind === 'land'
  return {
    kind: f.kind,
    name: f.name.trim(),
    status: f.status,
    area_mu_x100: land ? n(f.area_mu_x100) : 0,
    land_use: land ? f.land_use : '',
    price_yuan_per_mu: land ? n(f.price_yuan_per_mu) : 0,
    floor_area_m2: land ? 0 : n(f.floor_area_m2),
    floors: land ? 0 : n(f.floors),
    floor_load_kg_m2: land ? 0 : n(f.floor_load_kg_m2),
    lease: land ? '' : f.lease,
    rent_yuan_per_m2_month: land || f.lease === 'sale' ? 0 : n(f.rent_yuan_per_m2_month),
    sale_yuan_per_m2: land || f.lease === 'rent' ? 0 : n(f.sale_yuan_per_m2),
    ready_date: f.ready_date || null,
    note: f.note.trim(),
  }
}

/** The browser's check before sending: what the server would call `required`. */
export function carrierProblems(f: CarrierForm): Partial<Record<keyof CarrierForm, 'required'>> {
  const bad: Partial<Record<keyof CarrierForm, 'required'>> = {}
  if (!f.name.trim()) bad.name = 'required'
  if (f.kind === 'land' && !(f.area_mu_x100 && f.area_mu_x100 > 0)) bad.area_mu_x100 = 'required'
  if (f.kind === 'factory' && !(f.floor_area_m2 && f.floor_area_m2 > 0)) bad.floor_area_m2 = 'required'
  return bad
}

/** Totals of the available carriers (the park card's headline). */
export function availableTotals(carriers: readonly ParkApi.Carrier[]): { land_mu_x100: number; factory_m2: number; count: number } {
  const av = carriers.filter((c) => c.status === 'available')
  return {
    land_mu_x100: av.filter((c) => c.kind === 'land').reduce((s, c) => s + (c.area_mu_x100 || 0), 0),
    factory_m2: av.filter((c) => c.kind === 'factory').reduce((s, c) => s + (c.floor_area_m2 || 0), 0),
    count: av.length,
  }
}
