import { describe, expect, it } from 'vitest'
import { linkAction } from './contentLinks'

describe('links in an article', () => {
  it('opens the app’s own pages in the app and scrolls to a heading', () => {
    expect(linkAction('/guide/articles/12')).toEqual({ kind: 'route', path: '/guide/articles/12' })
    expect(linkAction('/parks/11/card')).toEqual({ kind: 'route', path: '/parks/11/card' })
    expect(linkAction('#h-2')).toEqual({ kind: 'anchor', id: 'h-2' })
  })

  it('leaves the rest to the browser: other sites, mail, downloads, new windows', () => {
    expect(linkAction('https://example.com', '_blank')).toEqual({ kind: 'browser' })
    expect(linkAction('https://example.com')).toEqual({ kind: 'browser' })
    expect(linkAction('mailto:a@b.cn')).toEqual({ kind: 'browser' })
    expect(linkAction('/api/v1/attachments/3/content')).toEqual({ kind: 'browser' })
    expect(linkAction('//evil.example/x')).toEqual({ kind: 'browser' })
    expect(linkAction('/guide/articles/12', '_blank')).toEqual({ kind: 'browser' })
    expect(linkAction(null)).toEqual({ kind: 'browser' })
  })
})
