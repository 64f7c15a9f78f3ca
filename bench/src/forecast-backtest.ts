/**
 * The forecast's error on the demo history: for every center × skill, each open day of the last
 * four weeks is forecast from the days before it (same weekday over 4 weeks, trend-adjusted) and
 * compared with its arrivals, per half-hour slot and per day (WAPE, weighted by arrivals).
 */
import { shanghaiToday } from '@onewindow/contracts'
import { generateDemoData, generateHistory } from '@onewindow/db/seed'
import { type DayArrivals, addCalendarDays, backtest, slotsPerDay } from '@onewindow/domain'

const now = Date.parse('2026-11-26T04:00:00Z')
const data = generateDemoData(1, { passwordHash: 'x', now })
const history = generateHistory(data, 1, now)

const series = new Map<string, Map<string, number[]>>()
for (const ticket of history.ticket) {
  // A transfer re-issues the visit: count each resident once, on the original ticket.
  if (ticket.transferred_from_id !== null) continue
  const key = `${ticket.center_id}/${ticket.skill_id}`
  const days = series.get(key) ?? new Map<string, number[]>()
  series.set(key, days)
  const issued = Number(ticket.issued_at)
  const minutesIntoDay = ((issued + 8 * 3_600_000) % 86_400_000) / 60_000
  const slots = days.get(ticket.day) ?? new Array<number>(slotsPerDay).fill(0)
  days.set(ticket.day, slots)
  slots[Math.floor(minutesIntoDay / 30)]! += 1
}

const today = shanghaiToday(now)
const scoredDays = Array.from({ length: 28 }, (_, i) => addCalendarDays(today, i - 28))
let days = 0
let arrivals = 0
let slotError = 0
let dayError = 0
for (const arrivalsByDay of series.values()) {
  const result = backtest(arrivalsByDay as Map<string, DayArrivals>, scoredDays)
  days += result.days
  arrivals += result.actualArrivals
  slotError += result.slotWape * result.actualArrivals
  dayError += result.dayWape * result.actualArrivals
}
const percent = (x: number) => `${(100 * x).toFixed(1)}%`
console.log(
  `forecast backtest, demo seed 1, last 4 weeks: ${series.size} center×skill series, ` +
    `${days} series-days, ${arrivals} arrivals`,
)
console.log(`  per half-hour slot  WAPE ${percent(slotError / arrivals)}`)
console.log(`  per day             WAPE ${percent(dayError / arrivals)}`)
