import type { Locale } from '@onewindow/contracts'
import { errorMessage, isAppErrorCode } from '@onewindow/contracts'
import { locales as zodLocales, type core } from 'zod'

const zodLocaleOf: Record<Locale, core.$ZodErrorMap> = {
  'zh-CN': zodLocales.zhCN().localeError,
  'en-US': zodLocales.en().localeError,
}

/** A zod issue's message in the caller's locale; custom messages are app error codes. */
export function translateZodIssue(issue: core.$ZodIssue, locale: Locale): string {
  if (isAppErrorCode(issue.message)) return errorMessage(issue.message, locale)
  const translated = zodLocaleOf[locale](issue as core.$ZodRawIssue)
  if (typeof translated === 'string') return translated
  return translated?.message ?? issue.message
}
