import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'

export type AppLocale = 'zh-CN' | 'en'
export const LOCALES: AppLocale[] = ['zh-CN', 'en']
export const DEFAULT_LOCALE: AppLocale = 'zh-CN'
export const LOCALE_STORAGE_KEY = 'zs.locale'

function isLocale(v: unknown): v is AppLocale {
  return typeof v === 'string' && (LOCALES as string[]).includes(v)
}

/** The remembered choice, or Simplified Chinese. */
export function storedLocale(): AppLocale {
  try {
    const v = localStorage.getItem(LOCALE_STORAGE_KEY)
    return isLocale(v) ? v : DEFAULT_LOCALE
  } catch {
    return DEFAULT_LOCALE
  }
}

/**
 * Missing keys and fallbacks to Chinese are reported on the console in development (`vite`),
 * where a typo in a key shows up at once; production builds and Vitest stay quiet.
 */
export function i18nWarnings(env: { DEV: boolean; MODE: string }): { missingWarn: boolean; fallbackWarn: boolean } {
  const on = env.DEV && env.MODE !== 'test'
  return { missingWarn: on, fallbackWarn: on }
}

export const i18n = createI18n({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages: { 'zh-CN': zhCN, en },
  ...i18nWarnings(import.meta.env),
})

/** Switch the UI language and remember it across reloads. */
export function setLocale(locale: AppLocale): void {
  if (!isLocale(locale)) return
  i18n.global.locale.value = locale
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale)
  } catch {
    // storage disabled: the choice lasts for this page only
  }
  if (typeof document !== 'undefined') {
    document.documentElement.lang = locale
    document.title = i18n.global.t('common.app.title')
  }
}

export function currentLocale(): AppLocale {
  return i18n.global.locale.value as AppLocale
}
