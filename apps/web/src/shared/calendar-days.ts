// Calendar arithmetic on 'YYYY-MM-DD' days: plain dates, no time zone involved.
const dayMs = 86_400_000
const epochDay = (day: string) => Date.parse(`${day}T00:00:00Z`) / dayMs
const dayOf = (epoch: number) => new Date(epoch * dayMs).toISOString().slice(0, 10)

/** The date `n` days after `day`. */
export const addDays = (day: string, n: number) => dayOf(epochDay(day) + n)

/** ISO weekday: Monday = 1 … Sunday = 7. */
export const weekdayOf = (day: string) => ((((epochDay(day) + 3) % 7) + 7) % 7) + 1

/** The Monday of the ISO week holding `day`. */
export const mondayOf = (day: string) => addDays(day, 1 - weekdayOf(day))

/** Days from `from` to `to`, both included. */
export const periodDays = (from: string, to: string) => epochDay(to) - epochDay(from) + 1
