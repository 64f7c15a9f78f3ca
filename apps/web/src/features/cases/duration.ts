const minute = 60_000

type DurationParts =
  | { unit: 'moment' }
  | { unit: 'minutes'; n: number }
  | { unit: 'hours'; h: number; m: number }
  | { unit: 'days'; d: number; h: number }

/**
 * A gap between two steps, for people: under a minute, minutes, then hours and minutes, then days
 * and hours.
 */
export function durationParts(ms: number): DurationParts {
  if (ms < minute) return { unit: 'moment' }
  const minutes = Math.round(ms / minute)
  if (minutes < 60) return { unit: 'minutes', n: minutes }
  if (minutes < 24 * 60) return { unit: 'hours', h: Math.floor(minutes / 60), m: minutes % 60 }
  const hours = Math.floor(minutes / 60)
  return { unit: 'days', d: Math.floor(hours / 24), h: hours % 24 }
}
