import type { RouterOutputs } from '@onewindow/api'
import { type AnomalyKind, type AnomalyStatus, anomalyUnits } from '@onewindow/contracts'
import { addDays } from '../../shared/calendar-days'

export type AnomalyRow = RouterOutputs['anomalies']['list']['rows'][number]
export type AnomalyDetail = RouterOutputs['anomalies']['detail']

/** A figure of a flag as its kind reads it: a share as '37.5%', minutes whole, a count. */
export function measure(kind: AnomalyKind, value: number | null) {
  const unit = anomalyUnits[kind]
  if (value === null) return { unit: 'none' as const, text: '—' }
  if (unit === 'share') return { unit, text: `${(value * 100).toFixed(1)}%` }
  return { unit, text: String(Math.round(value)) }
}

export const statusTags: Record<AnomalyStatus, 'warning' | 'info' | 'success'> = {
  open: 'warning',
  dismissed: 'info',
  audited: 'success',
}

export const rangeShortcuts = { last7: 7, last30: 30, last90: 90 } as const

/** The last `days` days up to today, both included. */
export const lastDays = (today: string, days: number): [string, string] => [
  addDays(today, 1 - days),
  today,
]

/** Minutes between two instants, one decimal; null when either is missing. */
export function minutesBetween(from: Date | null, to: Date | null) {
  if (!from || !to) return null
  return Math.round((to.getTime() - from.getTime()) / 6_000) / 10
}

type Translate = (key: string, named: Record<string, unknown>) => string

/** measure() with its unit, translated: '37.5%', '54 分钟', '5 条'. */
export function formatMeasure(t: Translate, kind: AnomalyKind, value: number | null) {
  const { unit, text } = measure(kind, value)
  return unit === 'minutes' || unit === 'count' ? t(`anomalies.unit.${unit}`, { n: text }) : text
}
