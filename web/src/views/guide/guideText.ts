// Words of the guide's codes: a category the locales do not know reads 其他 / Other, never its code.
import { GUIDE_CATEGORIES, type GuideApi } from '@/api/guide'
import { SEARCH_KINDS, type SearchApi } from '@/api/search'

/** The i18n key of a category's name. */
export function categoryKey(c: string | null | undefined): string {
  return GUIDE_CATEGORIES.includes(c as GuideApi.Category) ? `guide.categories.${c}` : 'guide.categories.other'
}

/** The i18n key of a search hit's kind. */
export function kindKey(k: string | null | undefined): string {
  return SEARCH_KINDS.includes(k as SearchApi.Kind) ? `guide.search.kinds.${k}` : 'guide.search.kinds.other'
}

/** Element Plus tag type of a category (each its own colour, in lists, tags and the booklet). */
export function categoryTagType(c: string | null | undefined): 'primary' | 'success' | 'warning' | 'danger' | 'info' {
  switch (c) {
    case 'industry':
      return 'primary'
    case 'policy':
      return 'danger'
    case 'technique':
      return 'success'
    case 'checklist':
      return 'warning'
    default:
      return 'info'
  }
}

/** The categories in the server's order, then any of ours it did not send (a list answer names them). */
export function orderedCategories(fromServer: readonly string[] | null | undefined): string[] {
  const out = [...(fromServer ?? [])]
  for (const c of GUIDE_CATEGORIES) if (!out.includes(c)) out.push(c)
  return out
}

/** A category from the address: one of the known ones, else '' (all). */
export function categoryOf(v: unknown): GuideApi.Category | '' {
  return GUIDE_CATEGORIES.includes(v as GuideApi.Category) ? (v as GuideApi.Category) : ''
}
