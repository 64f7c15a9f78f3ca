const pad = (value: number) => String(value).padStart(2, '0')

/** `2025-03-14`: the browser's calendar date, as date pickers show it. */
export function formatDay(value: Date): string {
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`
}

// Every center runs on Shanghai time, so times show on its wall clock wherever the browser is.
const centerParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

function onCenterClock(value: Date) {
  const parts = Object.fromEntries(
    centerParts.formatToParts(value).map((part) => [part.type, part.value]),
  )
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    seconds: parts.second,
  }
}

/** `2025-03-14 09:05:07` on the centers' clock, the same in every language. */
export function formatDateTime(value: Date): string {
  const { date, time, seconds } = onCenterClock(value)
  return `${date} ${time}:${seconds}`
}

/** 09:30 (or 09:30:15) on the centers' wall clock. */
export function centerClock(value: Date, withSeconds = false): string {
  const { time, seconds } = onCenterClock(value)
  return withSeconds ? `${time}:${seconds}` : time
}

/** 09:30–10:00: a slot on the centers' wall clock. */
export function centerSlot(start: Date, end: Date): string {
  return `${centerClock(start)}–${centerClock(end)}`
}

/** A long date for greetings, e.g. 2025年3月14日 星期五 / Friday, March 14, 2025. */
export function formatLongDate(value: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'Asia/Shanghai' }).format(
    value,
  )
}
