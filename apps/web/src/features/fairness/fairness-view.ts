import type { RouterOutputs } from '@onewindow/api'
import { addDays, mondayOf } from '../../shared/calendar-days'

export type FairnessReport = RouterOutputs['fairness']['report']
export type FairnessRow = FairnessReport['staff'][number]
export type BalanceLevel = 'even' | 'uneven' | 'skewed' | 'none'

/** The last `weeks` ISO weeks up to today, the current one included, so every week is whole but this one. */
export function lastWeeks(today: string, weeks: number): [string, string] {
  return [addDays(mondayOf(today), -7 * (weeks - 1)), today]
}

/**
 * Plain-language reading of a balance measure. The Gini of a team is about half its CV for
 * workloads that spread around a mean, hence thresholds of about half.
 */
const thresholds = { cv: [0.15, 0.3], gini: [0.08, 0.17] } as const

export function balanceLevel(kind: 'cv' | 'gini', value: number | null): BalanceLevel {
  if (value === null) return 'none'
  const [even, uneven] = thresholds[kind]
  return value < even ? 'even' : value < uneven ? 'uneven' : 'skewed'
}

/** Serving minutes over staffed minutes of the whole team; null when nobody was at a counter. */
export function teamUtilization(rows: readonly FairnessRow[]): number | null {
  const staffed = rows.reduce((sum, row) => sum + row.staffedMinutes, 0)
  if (staffed <= 0) return null
  return rows.reduce((sum, row) => sum + row.servedMinutes, 0) / staffed
}

/** 95 minutes → '1.6' hours. */
export const hours = (minutes: number) => (minutes / 60).toFixed(1)

/** 0.1234 → '12.3%'; null → '—'. */
export const percent = (value: number | null) =>
  value === null ? '—' : `${(value * 100).toFixed(1)}%`

/** A balance measure to two decimals; null → '—'. */
export const measure = (value: number | null) => (value === null ? '—' : value.toFixed(2))
