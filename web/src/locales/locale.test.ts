import { beforeEach, describe, expect, it, vi } from 'vitest'
import { LOCALE_STORAGE_KEY, i18nWarnings } from './index'

describe('locale persistence', () => {
  beforeEach(() => {
    localStorage.clear()
    vi.resetModules()
  })

  it('defaults to Simplified Chinese', async () => {
    const { i18n, storedLocale } = await import('./index')
    expect(storedLocale()).toBe('zh-CN')
    expect(i18n.global.locale.value).toBe('zh-CN')
    expect(i18n.global.t('layout.menu.workbench')).toBe('工作台')
  })

  it('remembers the switch across a reload', async () => {
    const first = await import('./index')
    first.setLocale('en')
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en')
    expect(document.documentElement.lang).toBe('en')
    expect(first.i18n.global.t('layout.menu.workbench')).toBe('Workbench')

    vi.resetModules() // a fresh page load
    const second = await import('./index')
    expect(second.i18n.global.locale.value).toBe('en')
    expect(second.i18n.global.t('auth.login.submit')).toBe('Log in')
  })

  it('ignores a garbage stored value', async () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'klingon')
    const { i18n } = await import('./index')
    expect(i18n.global.locale.value).toBe('zh-CN')
  })

  it('has the same keys in both languages', async () => {
    const zh = (await import('./zh-CN')).default
    const en = (await import('./en')).default
    const keys = (o: object, p = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v, `${p}${k}.`) : [`${p}${k}`]))
    expect(keys(en).sort()).toEqual(keys(zh).sort())
  })

  it('warns about missing keys in development only', () => {
    expect(i18nWarnings({ DEV: true, MODE: 'development' })).toEqual({ missingWarn: true, fallbackWarn: true })
    expect(i18nWarnings({ DEV: false, MODE: 'production' })).toEqual({ missingWarn: false, fallbackWarn: false })
    expect(i18nWarnings({ DEV: true, MODE: 'test' })).toEqual({ missingWarn: false, fallbackWarn: false })
  })
})
