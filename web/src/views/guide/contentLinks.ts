// Links in an article's rendered text: a link to a page of this app (/guide/articles/12,
// /policies/3) opens in the app without reloading it; a link within the text (#h-2) scrolls to its
// heading; anything else (http(s), mailto, an attachment's download under /api/) is left to the browser.

export type LinkAction = { kind: 'route'; path: string } | { kind: 'anchor'; id: string } | { kind: 'browser' }

export function linkAction(href: string | null | undefined, target?: string | null): LinkAction {
  const h = (href ?? '').trim()
  if (!h || (target && target !== '_self')) return { kind: 'browser' }
  if (h.startsWith('#') && h.length > 1) return { kind: 'anchor', id: decodeURIComponent(h.slice(1)) }
  if (h.startsWith('/') && !h.startsWith('//') && !h.startsWith('/api/') && !h.startsWith('/healthz')) return { kind: 'route', path: h }
  return { kind: 'browser' }
}
