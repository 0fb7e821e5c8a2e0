import type { CatalogApi } from '@/api/catalog'

/** What the 投资方来源 field holds for a region: a city under its province ("广东省深圳市"). */
export function regionLabel(r: CatalogApi.Region, byCode: Map<string, CatalogApi.Region>): string {
  const parent = r.parent ? byCode.get(r.parent) : undefined
  return parent ? parent.name + r.name : r.name
}

export interface RegionSuggestion {
  value: string
  foreign: boolean
}

/**
 * Suggestions for what was typed: regions whose label contains it (cities first when the text
 * names a city, then provinces); everything for an empty field, at most `limit`.
 */
export function suggestRegions(typed: string, regions: CatalogApi.Region[], limit = 20): RegionSuggestion[] {
  const byCode = new Map(regions.map((r) => [r.code, r]))
  const q = typed.trim()
  const out: RegionSuggestion[] = []
  for (const r of regions) {
    const value = regionLabel(r, byCode)
    if (q && !value.includes(q)) continue
    out.push({ value, foreign: r.foreign })
  }
  // A shorter label is the closer match ("深圳" → 广东省深圳市 before 广东省).
  if (q) out.sort((a, b) => Number(b.value.endsWith(q)) - Number(a.value.endsWith(q)))
  return out.slice(0, limit)
}
