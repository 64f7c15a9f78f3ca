import { type Locale, defaultLocale, locales } from '@onewindow/contracts'
import { createI18n } from 'vue-i18n'
import enUS from './en-US'
import zhCN from './zh-CN'

export type MessageSchema = typeof zhCN

const storageKey = 'onewindow.locale'

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value)
}

function storedLocale(): Locale {
  try {
    const saved = localStorage.getItem(storageKey)
    return isLocale(saved) ? saved : defaultLocale
  } catch {
    return defaultLocale
  }
}

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: defaultLocale,
  messages: { 'zh-CN': zhCN, 'en-US': enUS },
})

export function currentLocale(): Locale {
  return i18n.global.locale.value
}

/** Switches the UI language, remembers it, and tells the server through `x-locale`. */
export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  try {
    localStorage.setItem(storageKey, locale)
  } catch {
    // Private mode may refuse storage; the choice then lasts for this page only.
  }
}

export { locales }
export type { Locale }
