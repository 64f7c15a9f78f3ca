/**
 * Application error codes. The server puts the code in `error.data.appCode` and a message
 * translated for the caller's locale; the SPA can translate the code itself as well.
 */
export const errorMessages = {
  'auth.invalidCredentials': {
    'zh-CN': '用户名或密码错误',
    'en-US': 'Wrong user name or password',
  },
  'auth.locked': {
    'zh-CN': '登录失败次数过多，账户已临时锁定，请稍后再试',
    'en-US': 'Too many failed sign-ins; the account is locked for a while. Try again later',
  },
  'auth.rateLimited': {
    'zh-CN': '登录尝试过于频繁，请稍后再试',
    'en-US': 'Too many sign-in attempts; try again later',
  },
  'auth.unauthenticated': {
    'zh-CN': '请先登录',
    'en-US': 'Please sign in',
  },
  'auth.wrongCurrentPassword': {
    'zh-CN': '当前密码不正确',
    'en-US': 'The current password is wrong',
  },
  'auth.mustChangePassword': {
    'zh-CN': '密码已被重置，请先设置新密码',
    'en-US': 'Your password was reset; choose a new one first',
  },
  'auth.samePassword': {
    'zh-CN': '新密码不能与当前密码相同',
    'en-US': 'The new password must differ from the current one',
  },
  'auth.forbidden': {
    'zh-CN': '没有权限执行此操作',
    'en-US': 'You are not allowed to do this',
  },
  'auth.outOfScope': {
    'zh-CN': '无权访问其他中心的数据',
    'en-US': 'You may not access the data of another center',
  },
  'common.notFound': {
    'zh-CN': '记录不存在',
    'en-US': 'The record does not exist',
  },
  'common.routeNotFound': {
    'zh-CN': '请求的接口不存在',
    'en-US': 'No such API route',
  },
  'common.badRequest': {
    'zh-CN': '输入有误，请检查后重试',
    'en-US': 'Invalid input; please check and try again',
  },
  'common.internal': {
    'zh-CN': '服务器出错了，请稍后重试',
    'en-US': 'Something went wrong on the server; please try again later',
  },
  'staff.cannotDisableSelf': {
    'zh-CN': '不能停用自己的账户',
    'en-US': 'You cannot disable your own account',
  },
} as const satisfies Record<string, Record<Locale, string>>

export type AppErrorCode = keyof typeof errorMessages

export const locales = ['zh-CN', 'en-US'] as const
export type Locale = (typeof locales)[number]
export const defaultLocale: Locale = 'zh-CN'

export function isAppErrorCode(value: string): value is AppErrorCode {
  return Object.hasOwn(errorMessages, value)
}

export function errorMessage(code: AppErrorCode, locale: Locale): string {
  return errorMessages[code][locale]
}

/** Picks the best supported locale from an Accept-Language header value. */
export function negotiateLocale(header: string | undefined): Locale {
  if (!header) return defaultLocale
  const wanted = header
    .split(',')
    .map((part) => part.split(';')[0]!.trim().toLowerCase())
    .filter(Boolean)
  for (const tag of wanted) {
    const exact = locales.find((l) => l.toLowerCase() === tag)
    if (exact) return exact
    const sameLanguage = locales.find((l) => l.slice(0, 2).toLowerCase() === tag.slice(0, 2))
    if (sameLanguage) return sameLanguage
  }
  return defaultLocale
}
