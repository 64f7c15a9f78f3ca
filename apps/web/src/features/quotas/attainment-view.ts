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
  if (!row.each) return { met: row.met, total: row.periods.length }
  return row.members.reduce(
    (sum, member) => ({ met: sum.met + member.met, total: sum.total + member.onDuty }),
    { met: 0, total: 0 },
  )
}

/** A period's cell: met; for a target on each, partly met (some on duty did); missed; or nobody on duty. */
export function periodState(period: AttainmentPeriod): 'met' | 'partial' | 'missed' | 'none' {
  if (period.met) return 'met'
  if (period.members === 0) return 'none'
  return (period.membersMet ?? 0) > 0 ? 'partial' : 'missed'
}

const span = (period: { from: string; to: string }) =>
  period.to === period.from ? period.from : `${period.from} – ${period.to}`

/** A period's tooltip: "2025-03-14: 12 / 40", or for a target on each "…: 3/5 达标". */
export function periodTip(row: Attainment, period: AttainmentPeriod, t: Translate): string {
  if (period.members === null) {
    return `${span(period)}: ${formatAmount(period.used)} / ${formatAmount(row.amount)}`
  }
  const reached = { met: period.membersMet, total: period.members }
  return `${span(period)}: ${t('quotas.attainment.reached', reached)}`
}

/** A member's cell in a period: their volume against the amount, or off duty. */
export function memberCellTip(
  row: Attainment,
  index: number,
  cell: MemberAttainment['periods'][number],
  t: Translate,
): string {
  const period = row.periods[index]!
  if (cell === null) return `${span(period)}: ${t('quotas.attainment.off')}`
  return `${span(period)}: ${formatAmount(cell.used)} / ${formatAmount(row.amount)}`
}
