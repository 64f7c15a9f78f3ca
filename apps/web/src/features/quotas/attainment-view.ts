import type { RouterOutputs } from '@onewindow/api'
import { formatAmount } from './quota-view'

export type Attainment = RouterOutputs['quotas']['attainment'][number]
export type AttainmentPeriod = Attainment['periods'][number]
export type MemberAttainment = Attainment['members'][number]

type Translate = (key: string, params?: Record<string, unknown>) => string

/** Whole percent of `met` out of `total` (0 when there is nothing to count). */
export const percentOf = (met: number, total: number) =>
  total === 0 ? 0 : Math.round((met / total) * 100)

/**
 * How a target did over the stretch: periods met, or for a target on each person or counter the
 * person-periods met out of those on duty (a period off is neither).
 */
export function attainmentShare(row: Attainment): { met: number; total: number } {
  if (!row.each) return { met: row.met, total: row.periods.filter(counts).length }
  return row.members.reduce(
    (sum, member) => ({ met: sum.met + member.met, total: sum.total + member.onDuty }),
    { met: 0, total: 0 },
  )
}

/** A period still running counts once met; until it ends it is not missed. */
const counts = (period: AttainmentPeriod) => period.met || !period.running

/**
 * A period's cell: met; still running; for a target on each, partly met (some on duty did);
 * missed; or nobody on duty.
 */
export function periodState(
  period: AttainmentPeriod,
): 'met' | 'running' | 'partial' | 'missed' | 'none' {
  if (period.met) return 'met'
  if (period.members === 0) return 'none'
  if (period.running) return 'running'
  return (period.membersMet ?? 0) > 0 ? 'partial' : 'missed'
}

/** A member's cell in a period: met, still running, missed, or off duty. */
export function memberCellState(
  period: AttainmentPeriod,
  cell: MemberAttainment['periods'][number],
): 'met' | 'running' | 'missed' | 'off' {
  if (cell === null) return 'off'
  if (cell.met) return 'met'
  return period.running ? 'running' : 'missed'
}

const span = (period: AttainmentPeriod, t: Translate) => {
  const dates = period.to === period.from ? period.from : `${period.from} – ${period.to}`
  return period.running ? `${dates} ${t('quotas.attainment.running')}` : dates
}

/** A period's tooltip: "2025-03-14: 12 / 40", or for a target on each "…: 3/5 达标". */
export function periodTip(row: Attainment, period: AttainmentPeriod, t: Translate): string {
  if (period.members === null) {
    return `${span(period, t)}: ${formatAmount(period.used)} / ${formatAmount(row.amount)}`
  }
  const reached = { met: period.membersMet, total: period.members }
  return `${span(period, t)}: ${t('quotas.attainment.reached', reached)}`
}

/** A member's cell in a period: their volume against the amount, or off duty. */
export function memberCellTip(
  row: Attainment,
  index: number,
  cell: MemberAttainment['periods'][number],
  t: Translate,
): string {
  const period = row.periods[index]!
  if (cell === null) return `${span(period, t)}: ${t('quotas.attainment.off')}`
  return `${span(period, t)}: ${formatAmount(cell.used)} / ${formatAmount(row.amount)}`
}
