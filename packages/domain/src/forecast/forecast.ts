import { addCalendarDays } from '../calendar/working-days.ts'

/** Half-hour slots of a day: slot 18 starts at 09:00. */
export const slotsPerDay = 48

/** Arrivals of one center × skill on one day, per half-hour slot (length `slotsPerDay`). */
export type DayArrivals = readonly number[]

export interface ForecastOptions {
  /** How many past same weekdays to average (open ones only). */
  weeks: number
  /** Bounds of the trend factor, so one odd week cannot swing the forecast wildly. */
  trendBounds: readonly [number, number]
}

export const defaultForecastOptions: Readonly<ForecastOptions> = {
  weeks: 4,
  trendBounds: [0.8, 1.25],
}

const total = (day: DayArrivals) => day.reduce((sum, n) => sum + n, 0)

/** The open days (any arrival) among the same weekday before `day`, newest first. */
function sameWeekdays(history: ReadonlyMap<string, DayArrivals>, day: string, weeks: number) {
  const found: DayArrivals[] = []
  for (let back = 1; found.length < weeks && back <= weeks * 3; back++) {
    const past = history.get(addCalendarDays(day, -7 * back))
    if (past && total(past) > 0) found.push(past)
  }
  return found
}

/**
 * The trend: arrivals of the last two weeks before `day` against the two weeks before those,
 * bounded; 1 without enough history.
 */
function trendFactor(
  history: ReadonlyMap<string, DayArrivals>,
  day: string,
  bounds: readonly [number, number],
) {
  const sumOver = (fromBack: number, toBack: number) => {
    let sum = 0
    for (let back = fromBack; back <= toBack; back++) {
      const past = history.get(addCalendarDays(day, -back))
      if (past) sum += total(past)
    }
    return sum
  }
  const recent = sumOver(1, 14)
  const before = sumOver(15, 28)
  if (recent === 0 || before === 0) return 1
  return Math.min(bounds[1], Math.max(bounds[0], recent / before))
}

/**
 * Expected arrivals per half-hour slot on `day`: the mean of the same weekday over recent open
 * weeks, scaled by the recent trend. A day the center is closed (`open` false) expects none.
 */
export function forecastDay(
  history: ReadonlyMap<string, DayArrivals>,
  day: string,
  open: boolean,
  options: ForecastOptions = defaultForecastOptions,
): number[] {
  const forecast = new Array<number>(slotsPerDay).fill(0)
  if (!open) return forecast
  const samples = sameWeekdays(history, day, options.weeks)
  if (samples.length === 0) return forecast
  const trend = trendFactor(history, day, options.trendBounds)
  for (let slot = 0; slot < slotsPerDay; slot++) {
    const mean = samples.reduce((sum, past) => sum + (past[slot] ?? 0), 0) / samples.length
    forecast[slot] = mean * trend
  }
  return forecast
}

export interface BacktestResult {
  /** Days forecast and compared. */
  days: number
  /** Weighted absolute percentage error over half-hour slots: Σ|forecast − actual| / Σ actual. */
  slotWape: number
  /** The same over whole days: how well the day's volume is foreseen. */
  dayWape: number
  /** Arrivals on the scored days, to weigh results of several series together. */
  actualArrivals: number
}

/**
 * Forecasts each of `days` from the history before it and compares with what happened.
 * Only open days (with arrivals) are scored.
 */
export function backtest(
  history: ReadonlyMap<string, DayArrivals>,
  days: readonly string[],
  options: ForecastOptions = defaultForecastOptions,
): BacktestResult {
  let scored = 0
  let slotError = 0
  let dayError = 0
  let actualTotal = 0
  for (const day of days) {
    const actual = history.get(day)
    if (!actual || total(actual) === 0) continue
    const forecast = forecastDay(history, day, true, options)
    scored++
    actualTotal += total(actual)
    dayError += Math.abs(total(forecast) - total(actual))
    for (let slot = 0; slot < slotsPerDay; slot++) {
      slotError += Math.abs((forecast[slot] ?? 0) - (actual[slot] ?? 0))
    }
  }
  return {
    days: scored,
    actualArrivals: actualTotal,
    slotWape: actualTotal === 0 ? 0 : slotError / actualTotal,
    dayWape: actualTotal === 0 ? 0 : dayError / actualTotal,
  }
}
