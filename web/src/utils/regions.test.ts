import { describe, expect, it } from 'vitest'
import type { CatalogApi } from '@/api/catalog'
import { regionLabel, suggestRegions } from './regions'

const regions: CatalogApi.Region[] = [
  { code: '440000', level: 1, parent: null, name: '广东省', foreign: false },
  { code: '440300', level: 2, parent: '440000', name: '深圳市', foreign: false },
  { code: '310000', level: 1, parent: null, name: '上海市', foreign: false },
  { code: 'DE', level: 1, parent: null, name: '境外·德国', foreign: true },
]

describe('regions', () => {
  it('labels a city under its province', () => {
    const by = new Map(regions.map((r) => [r.code, r]))
    expect(regionLabel(regions[1], by)).toBe('广东省深圳市')
    expect(regionLabel(regions[2], by)).toBe('上海市')
  })
  it('suggests what contains the typed text, and flags foreign origins', () => {
    expect(suggestRegions('深圳', regions)).toEqual([{ value: '广东省深圳市', foreign: false }])
    expect(suggestRegions('广东', regions).map((s) => s.value)).toEqual(['广东省', '广东省深圳市'])
    expect(suggestRegions('德国', regions)).toEqual([{ value: '境外·德国', foreign: true }])
    expect(suggestRegions('', regions, 2)).toHaveLength(2)
    expect(suggestRegions('火星', regions)).toEqual([])
  })
})
