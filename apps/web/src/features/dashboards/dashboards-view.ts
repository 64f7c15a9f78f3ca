import type { RouterOutputs } from '@onewindow/api'
import type { ExportColumn } from '../../shared/export/table-export'

export type Overview = RouterOutputs['dashboards']['overview']
export type CenterDashboard = RouterOutputs['dashboards']['center']
export type LiveToday = RouterOutputs['dashboards']['live']
export type Performance = RouterOutputs['dashboards']['performance']
export type PerformanceRow = Performance['rows'][number]
export type MemberDay = RouterOutputs['dashboards']['memberDay']
export type Stretch = MemberDay['timeline'][number]
export type Potential = RouterOutputs['dashboards']['immediatePotential']
export type Kpis = Overview['totals']

export type KpiFormat = 'count' | 'minutes' | 'percent' | 'points' | 'hours'
/** Which way a KPI should move; null where more is neither better nor worse (volume). */
export type Better = 'up' | 'down' | null

export const kpiSpecs = {
  volume: { format: 'count', better: null },
  casesAccepted: { format: 'count', better: null },
  meanWaitMinutes: { format: 'minutes', better: 'down' },
  p90WaitMinutes: { format: 'minutes', better: 'down' },
  meanServiceMinutes: { format: 'minutes', better: null },
  serviceLevel: { format: 'percent', better: 'up' },
  immediateRate: { format: 'percent', better: 'up' },
  onTimeRate: { format: 'percent', better: 'up' },
  overdue: { format: 'count', better: 'down' },
  noShowRate: { format: 'percent', better: 'down' },
  satisfaction: { format: 'percent', better: 'up' },
  utilization: { format: 'percent', better: 'up' },
  workloadPoints: { format: 'points', better: null },
  staffedMinutes: { format: 'hours', better: null },
} as const satisfies Record<string, { format: KpiFormat; better: Better }>

export type KpiKey = keyof typeof kpiSpecs

/** The KPI cards of the district and center dashboards, in reading order. */
export const cardKpis: KpiKey[] = [
  'volume',
  'meanWaitMinutes',
  'p90WaitMinutes',
  'serviceLevel',
  'immediateRate',
  'onTimeRate',
  'overdue',
  'noShowRate',
  'satisfaction',
  'utilization',
  'workloadPoints',
]

/**
 * The KPIs of a counter's or person's row: what the member controls. Waits follow the queue and
 * on-time completion the back office, so those stay on the center's cards.
 */
export const performanceKpis: KpiKey[] = [
  'volume',
  'casesAccepted',
  'immediateRate',
  'meanServiceMinutes',
  'noShowRate',
  'satisfaction',
  'utilization',
  'staffedMinutes',
  'workloadPoints',
]

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })
const groupedTenths = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
})

/** A KPI value as shown, without its unit: 5,070 · 10.0 · 61.0% · 4,538.4 · 1.6; null → '—'. */
export function formatKpi(key: KpiKey, value: number | null): string {
  if (value === null) return '—'
  const format: KpiFormat = kpiSpecs[key].format
  if (format === 'percent') return `${(value * 100).toFixed(1)}%`
  if (format === 'minutes') return value.toFixed(1)
  if (format === 'hours') return (value / 60).toFixed(1)
  if (format === 'points') return groupedTenths.format(value)
  return grouped.format(value)
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10

/** A rate as a chart or spreadsheet number: 0.6123 → 61.2 (percent). */
export const percentCell = (value: number | null) =>
  value === null ? null : oneDecimal(value * 100)

/** A KPI value for a CSV or XLSX cell: rates in percent, one decimal where the screen has one. */
export function kpiCell(key: KpiKey, value: number | null): number | null {
  if (value === null) return null
  const format: KpiFormat = kpiSpecs[key].format
  if (format === 'percent') return percentCell(value)
  if (format === 'hours') return oneDecimal(value / 60)
  return format === 'count' ? value : oneDecimal(value)
}

export interface Delta {
  direction: 'up' | 'down' | 'flat'
  tone: 'good' | 'bad' | 'neutral'
  /** Percent change, or percentage points for a rate. */
  amount: number
  unit: 'percent' | 'points'
}

/**
 * Change against the previous period. Rates compare in percentage points (52.8% → 61.0% is
 * +8.2 points, not +15.5%); other KPIs in percent of the previous value, none from zero.
 */
export function deltaOf(
  key: KpiKey,
  current: number | null,
  previous: number | null,
): Delta | null {
  if (current === null || previous === null) return null
  const rate = kpiSpecs[key].format === 'percent'
  if (!rate && previous === 0 && current !== 0) return null
  const amount = rate
    ? (current - previous) * 100
    : previous === 0
      ? 0
      : ((current - previous) / previous) * 100
  const rounded = Math.round(amount * 10) / 10
  const direction = rounded > 0 ? 'up' : rounded < 0 ? 'down' : 'flat'
  const better: Better = kpiSpecs[key].better
  const tone =
    better === null || direction === 'flat' ? 'neutral' : direction === better ? 'good' : 'bad'
  return { direction, tone, amount: rounded, unit: rate ? 'points' : 'percent' }
}

/** +15.4 / −3.0 / 0.0, the sign always shown. */
export const signed = (amount: number) =>
  `${amount > 0 ? '+' : amount < 0 ? '−' : ''}${Math.abs(amount).toFixed(1)}`

/** Compares rows by one KPI, a missing value ("—") below every number. */
export function byKpi(key: KpiKey) {
  return (a: { kpis: Kpis }, b: { kpis: Kpis }) =>
    (a.kpis[key] ?? -Infinity) - (b.kpis[key] ?? -Infinity)
}

/** Export columns of KPIs, each header with its unit: 即办率（%）, 平均等候（分钟）. */
export function kpiColumns(
  keys: readonly KpiKey[],
  label: (key: KpiKey) => string,
  unit: (format: 'minutes' | 'hours' | 'points') => string,
): ExportColumn<{ kpis: Kpis }>[] {
  return keys.map((key) => {
    const format: KpiFormat = kpiSpecs[key].format
    const suffix = format === 'percent' ? '%' : format === 'count' ? null : unit(format)
    return {
      label: suffix ? `${label(key)}（${suffix}）` : label(key),
      value: (row) => kpiCell(key, row.kpis[key]),
    }
  })
}

/** The district's goal for the immediate-case rate (30% → 60%). */
export const immediateGoal = 0.6

/** 即办 candidates with their rank (the API's order) and processing days to one decimal. */
export function rankedPotential(items: Potential['items']) {
  return items.map((item, index) => ({
    ...item,
    rank: index + 1,
    meanProcessingDays:
      item.meanProcessingDays === null ? null : oneDecimal(item.meanProcessingDays),
  }))
}
export type RankedItem = ReturnType<typeof rankedPotential>[number]

/**
 * A column's minimum width for its header in a small table (12px text, 8px padding each side, a
 * 24px sort caret): CJK characters are about twice as wide as Latin ones.
 */
export const columnWidth = (label: string) =>
  Math.min(150, 42 + [...label].reduce((width, char) => width + (char > '\u2e80' ? 12 : 7.5), 0))

/** 申江区滨江街道社区事务受理服务中心 → 滨江街道, short enough for a chart's axis. */
export const shortCenterName = (name: string) =>
  name.replace(/社区事务受理服务中心$/, '').replace(/^.+?区(?=.)/, '')

/**
 * The weekday × hour grid of mean arrivals: every weekday (Monday first, so a closed day shows
 * as an empty row) and the hours from the first to the last that had any.
 */
export function heatmapMatrix(cells: CenterDashboard['heatmap']) {
  if (cells.length === 0)
    return { hours: [] as number[], data: [] as [number, number, number][], max: 0 }
  const first = Math.min(...cells.map((cell) => cell.hour))
  const last = Math.max(...cells.map((cell) => cell.hour))
  const hours = Array.from({ length: last - first + 1 }, (_, i) => first + i)
  const data = cells.map(
    (cell) =>
      [cell.hour - first, cell.weekday - 1, Math.round(cell.visits * 10) / 10] as [
        number,
        number,
        number,
      ],
  )
  return { hours, data, max: Math.max(...data.map(([, , visits]) => visits)) }
}

/** An SVG polyline's points for a sparkline of `values` in a width × height box. */
export function sparkPoints(values: readonly number[], width: number, height: number): string {
  if (values.length === 0) return ''
  const series = values.length === 1 ? [values[0]!, values[0]!] : values
  const max = Math.max(...series)
  const step = width / (series.length - 1)
  const y = (value: number) => (max > 0 ? height - 1 - (value / max) * (height - 2) : height - 1)
  return series.map((value, i) => `${+(i * step).toFixed(1)},${+y(value).toFixed(1)}`).join(' ')
}

/** The day a drill-down opens on: the last day of the range on which the member did anything. */
export function lastActiveDay(
  days: readonly string[],
  spark: readonly number[],
): string | undefined {
  for (let i = days.length - 1; i >= 0; i--) if ((spark[i] ?? 0) > 0) return days[i]
  return days.at(-1)
}
