const pad = (value: number) => String(value).padStart(2, '0')

/** `2025-03-14`: the browser's calendar date, as date pickers show it. */
export function formatDay(value: Date): string {
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`
}

/** `2025-03-14 09:05:07` in the browser's time zone, the same in every language. */
export function formatDateTime(value: Date): string {
  const date = formatDay(value)
  return `${date} ${pad(value.getHours())}:${pad(value.getMinutes())}:${pad(value.getSeconds())}`
}

/** A long date for greetings, e.g. 2025年3月14日 星期五 / Friday, March 14, 2025. */
export function formatLongDate(value: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full' }).format(value)
}

const centerClockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** 09:30 on the centers' wall clock (Asia/Shanghai), wherever the browser is. */
export function centerClock(value: Date): string {
  return centerClockFormat.format(value)
}

/** 09:30–10:00: a slot on the centers' wall clock. */
export function centerSlot(start: Date, end: Date): string {
  return `${centerClock(start)}–${centerClock(end)}`
}
