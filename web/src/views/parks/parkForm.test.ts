import { describe, expect, it } from 'vitest'
import type { ParkApi } from '@/api/parks'
import {
  availableTotals,
  carrierForm,
  carrierPayload,
  carrierProblems,
  emptyParkForm,
  formFromProfile,
  profilePayload,
  sameForm,
  thresholdToWan,
  thresholdToYuan,
} from './parkForm'

const profile = (over: Partial<ParkApi.Profile> = {}): ParkApi.Profile => ({
  unit_id: 8,
  unit_name: '安庆经济技术开发区',
  unit_kind: 'park',
  ...emptyParkForm(),
  min_intensity_yuan_per_mu: 3_000_000,
  min_tax_yuan_per_mu: 150_000,
  min_output_yuan_per_mu: 0,
  power_kva: 80_000,
  water_t_per_day: 0,
  gas_m3_per_day: 0,
  steam_t_per_hour: 0,
  carriers: [],
  updated_at: null,
  version: 3,
  can_edit: true,
  ...over,
})

describe('threshold 万元/亩 ⇄ yuan per 亩', () => {
  it('converts exactly, without float error', () => {
    expect(thresholdToYuan('300')).toBe(3_000_000)
    expect(thresholdToYuan('12.3456')).toBe(123_456)
    expect(thresholdToYuan('0.0001')).toBe(1)
    expect(thresholdToYuan('1,234.5')).toBe(12_345_000)
    expect(thresholdToYuan('')).toBe(0)
    expect(thresholdToYuan('12.34567')).toBeNull()
    expect(thresholdToYuan('-5')).toBeNull()
    expect(thresholdToWan(3_000_000)).toBe('300')
    expect(thresholdToWan(123_456)).toBe('12.3456')
    expect(thresholdToWan(0)).toBe('')
    for (const s of ['300', '12.3456', '0.5', '1234.5678']) expect(thresholdToWan(thresholdToYuan(s))).toBe(s)
  })
})

describe('park profile form', () => {
  it('shows unset thresholds and capacities as empty inputs and sends them as 0', () => {
    const f = formFromProfile(profile())
    expect(f.min_intensity_yuan_per_mu).toBe(3_000_000)
    expect(f.min_output_yuan_per_mu).toBeNull()
    expect(f.water_t_per_day).toBeNull()
    const body = profilePayload(f, 3)
    expect(body.min_output_yuan_per_mu).toBe(0)
    expect(body.water_t_per_day).toBe(0)
    expect(body.version).toBe(3)
    expect(Object.keys(body)).not.toContain('carriers')
    expect(Object.keys(body)).not.toContain('unit_id')
  })

  it('trims texts and drops empty contacts', () => {
    const f = formFromProfile(profile())
    f.positioning = '  新能源汽车集聚区 '
    f.contacts = [
      { name: ' 王主任 ', phone: '0556-1234567', title: '招商局' },
      { name: '', phone: ' ', title: '' },
    ]
    const body = profilePayload(f, 0)
    expect(body.positioning).toBe('新能源汽车集聚区')
    expect(body.contacts).toEqual([{ name: '王主任', phone: '0556-1234567', title: '招商局' }])
  })

  it('tells an edited form from the loaded one', () => {
    const a = formFromProfile(profile())
    const b = formFromProfile(profile())
    expect(sameForm(a, b)).toBe(true)
    b.target_codes.push('3841')
    expect(sameForm(a, b)).toBe(false)
  })
})

describe('carrier dialog', () => {
  it('sends only the fields of its kind', () => {
    const land = carrierForm(null, 'land')
    Object.assign(land, { name: ' A-03 地块 ', area_mu_x100: 12_050, price_yuan_per_mu: 250_000, floor_area_m2: 999 })
    expect(carrierPayload(land)).toMatchObject({
      kind: 'land',
      name: 'A-03 地块',
      area_mu_x100: 12_050,
      land_use: 'industrial',
      price_yuan_per_mu: 250_000,
      floor_area_m2: 0,
      lease: '',
      ready_date: null,
    })
    const factory = carrierForm(null, 'factory')
    Object.assign(factory, { name: '5 号厂房', floor_area_m2: 12_000, lease: 'rent', rent_yuan_per_m2_month: 12, sale_yuan_per_m2: 3000 })
    expect(carrierPayload(factory)).toMatchObject({
      kind: 'factory',
      area_mu_x100: 0,
      land_use: '',
      floor_area_m2: 12_000,
      rent_yuan_per_m2_month: 12,
      sale_yuan_per_m2: 0,
    })
  })

  it('asks for the name and the area of its kind', () => {
    expect(carrierProblems(carrierForm(null, 'land'))).toEqual({ name: 'required', area_mu_x100: 'required' })
    expect(carrierProblems(carrierForm(null, 'factory'))).toEqual({ name: 'required', floor_area_m2: 'required' })
  })

  it('adds up the available land and factory space', () => {
    const c = (over: Partial<ParkApi.Carrier>): ParkApi.Carrier => ({
      ...carrierPayload(carrierForm(null, 'land')),
      id: 1,
      version: 1,
      ...over,
    })
    const totals = availableTotals([
      c({ kind: 'land', area_mu_x100: 10_000 }),
      c({ kind: 'land', area_mu_x100: 5_050 }),
      c({ kind: 'land', area_mu_x100: 9_999, status: 'used' }),
      c({ kind: 'factory', floor_area_m2: 8_000 }),
    ])
    expect(totals).toEqual({ land_mu_x100: 15_050, factory_m2: 8_000, count: 3 })
  })
})
