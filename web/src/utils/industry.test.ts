import { describe, expect, it } from 'vitest'
import type { CatalogApi } from '@/api/catalog'
import { industryMatches, industryOptions, industryUnder } from './industry'

const rows: CatalogApi.Industry[] = [
  { code: 'C', level: 1, parent: null, name: '制造业' },
  { code: '36', level: 2, parent: 'C', name: '汽车制造业' },
  { code: '361', level: 3, parent: '36', name: '汽车整车制造' },
  { code: '3611', level: 4, parent: '361', name: '汽柴油车整车制造' },
  { code: '3612', level: 4, parent: '361', name: '新能源车整车制造' },
  { code: '38', level: 2, parent: 'C', name: '电气机械和器材制造业' },
]

describe('GB/T 4754 picker tree', () => {
  it('nests the flat rows and labels them "code name"', () => {
    const tree = industryOptions(rows)
    expect(tree).toHaveLength(1)
    expect(tree[0].label).toBe('C 制造业')
    const car = tree[0].children![0]
    expect(car.children![0].children!.map((o) => o.label)).toEqual(['3611 汽柴油车整车制造', '3612 新能源车整车制造'])
    expect('children' in car.children![0].children![1]).toBe(false) // a leaf for the cascader
  })

  it('keeps a row with an unknown parent as a root', () => {
    expect(industryOptions([{ code: '9999', level: 4, parent: '999', name: 'x' }]).map((o) => o.value)).toEqual(['9999'])
  })

  it('filters by code prefix or by part of the name', () => {
    expect(industryMatches({ code: '3612', name: '新能源车整车制造' }, '3612')).toBe(true)
    expect(industryMatches({ code: '3612', name: '新能源车整车制造' }, '361')).toBe(true)
    expect(industryMatches({ code: '3612', name: '新能源车整车制造' }, '新能源')).toBe(true)
    expect(industryMatches({ code: '3612', name: '新能源车整车制造' }, '612')).toBe(false)
    expect(industryMatches({ code: 'C', name: '制造业' }, 'c')).toBe(true)
  })

  it('tells whether a code lies under another', () => {
    const parent = new Map(rows.map((r) => [r.code, r.parent]))
    const up = (c: string) => parent.get(c)
    expect(industryUnder('3612', 'C', up)).toBe(true)
    expect(industryUnder('3612', '36', up)).toBe(true)
    expect(industryUnder('3612', '38', up)).toBe(false)
  })
})
