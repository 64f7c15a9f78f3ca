import type { Locale } from '@onewindow/contracts'
import { errorMessage, isAppErrorCode } from '@onewindow/contracts'
import { locales as zodLocales, type core } from 'zod'

const zodLocaleOf: Record<Locale, core.$ZodErrorMap> = {
  'zh-CN': zodLocales.zhCN().localeError,
  'en-US': zodLocales.en().localeError,
}

type Bound = { origin: string; minimum?: unknown; maximum?: unknown }

/** Plain words for the issues people meet most (empty, too long, out of range, malformed). */
const plain: Record<Locale, Partial<Record<string, (issue: core.$ZodIssue) => string | null>>> = {
  'zh-CN': {
    too_small: (issue) => {
      const { origin, minimum } = issue as unknown as Bound
      if (origin === 'string') return Number(minimum) <= 1 ? '不能为空' : `至少 ${minimum} 个字符`
      if (origin === 'number') return `不能小于 ${minimum}`
      if (origin === 'array') return `至少选择 ${minimum} 项`
      return null
    },
    too_big: (issue) => {
      const { origin, maximum } = issue as unknown as Bound
      if (origin === 'string') return `不能超过 ${maximum} 个字符`
      if (origin === 'number') return `不能大于 ${maximum}`
      if (origin === 'array') return `最多 ${maximum} 项`
      return null
    },
    invalid_format: () => '格式不正确',
    invalid_value: () => '取值无效',
  },
  'en-US': {
    too_small: (issue) => {
      const { origin, minimum } = issue as unknown as Bound
      if (origin === 'string')
        return Number(minimum) <= 1 ? 'Required' : `At least ${minimum} characters`
      if (origin === 'number') return `Must be at least ${minimum}`
      if (origin === 'array') return `Choose at least ${minimum}`
      return null
    },
    too_big: (issue) => {
      const { origin, maximum } = issue as unknown as Bound
      if (origin === 'string') return `At most ${maximum} characters`
      if (origin === 'number') return `Must be at most ${maximum}`
      if (origin === 'array') return `At most ${maximum} entries`
      return null
    },
    invalid_format: () => 'Invalid format',
    invalid_value: () => 'Invalid value',
  },
}

/** A zod issue's message in the caller's locale; custom messages are app error codes. */
export function translateZodIssue(issue: core.$ZodIssue, locale: Locale): string {
  if (isAppErrorCode(issue.message)) return errorMessage(issue.message, locale)
  const simple = plain[locale][issue.code]?.(issue)
  if (simple) return simple
  const translated = zodLocaleOf[locale](issue as core.$ZodRawIssue)
  if (typeof translated === 'string') return translated
  return translated?.message ?? issue.message
}
