const pad = (value: number) => String(value).padStart(2, '0')

/** `2025-03-14 09:05:07` in the browser's time zone, the same in every language. */
export function formatDateTime(value: Date): string {
  const date = `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`
  return `${date} ${pad(value.getHours())}:${pad(value.getMinutes())}:${pad(value.getSeconds())}`
}

/** A long date for greetings, e.g. 2025年3月14日 星期五 / Friday, March 14, 2025. */
export function formatLongDate(value: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full' }).format(value)
}
