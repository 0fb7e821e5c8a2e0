// 打印手册: the booklet's articles grouped by category, in the server's booklet order, and the rendered
// text of each made unique on the one page (every article numbers its headings h-1, h-2 …).
import type { GuideApi } from '@/api/guide'

export interface BookletSection {
  category: string
  items: GuideApi.BookletArticle[]
}

/**
 * The sections in the order of `categories` (the server's), each with its articles in the order
 * given; a category without articles is left out, an article of a category not listed comes last
 * under its own.
 */
export function bookletSections(items: readonly GuideApi.BookletArticle[], categories: readonly string[]): BookletSection[] {
  const order = [...categories]
  for (const a of items) if (!order.includes(a.category)) order.push(a.category)
  return order.map((category) => ({ category, items: items.filter((a) => a.category === category) })).filter((s) => s.items.length)
}

/** The anchor of an article on the booklet page. */
export const articleAnchor = (id: number): string => `a-${id}`

/** The server's html with its heading ids (and the links to them) prefixed by the article's anchor. */
export function uniqueIds(html: string, id: number): string {
  const p = `${articleAnchor(id)}-`
  return html.replace(/ id="h-/g, ` id="${p}h-`).replace(/ href="#h-/g, ` href="#${p}h-`)
}
