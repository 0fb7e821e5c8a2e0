import type { CatalogApi } from '@/api/catalog'

/** A cascader option over GB/T 4754: value = code, label = "3612 新能源车整车制造". */
export interface IndustryOption {
  value: string
  label: string
  code: string
  name: string
  level: number
  children?: IndustryOption[]
  [key: string]: unknown // the cascader's option type is an open record
}

export const industryLabel = (i: Pick<CatalogApi.Industry, 'code' | 'name'>): string => `${i.code} ${i.name}`

/**
 * Flat rows with `parent` → cascader tree, keeping the input order among siblings.
 * Leaves carry no `children` key, so the cascader treats them as leaves; a row whose
 * parent is unknown becomes a root instead of disappearing.
 */
export function industryOptions(items: readonly CatalogApi.Industry[]): IndustryOption[] {
  const byCode = new Map<string, IndustryOption>()
  for (const i of items) byCode.set(i.code, { value: i.code, label: industryLabel(i), code: i.code, name: i.name, level: i.level })
  const roots: IndustryOption[] = []
  for (const i of items) {
    const node = byCode.get(i.code)!
    const parent = i.parent ? byCode.get(i.parent) : undefined
    if (!parent || parent === node) roots.push(node)
    else (parent.children ??= []).push(node)
  }
  return roots
}

/** Whether `code` lies in the subtree of `ancestor` (codes nest by prefix below the 门类 letter). */
export function industryUnder(code: string, ancestor: string, parentOf: (c: string) => string | null | undefined): boolean {
  let cur: string | null | undefined = code
  for (let guard = 0; cur && guard < 8; guard++) {
    if (cur === ancestor) return true
    cur = parentOf(cur)
  }
  return false
}

/** The industry filter of the picker: a code prefix or part of the name. */
export function industryMatches(opt: Pick<IndustryOption, 'code' | 'name'>, keyword: string): boolean {
  const k = keyword.trim()
  if (!k) return true
  return opt.code.toUpperCase().startsWith(k.toUpperCase()) || opt.name.includes(k)
}
