import type { QuotaPeriod, QuotaScope } from '@onewindow/contracts'
import { addCalendarDays, weekdayOf } from '../calendar/working-days.ts'

/** What happened, as far as quota scopes go: a ticket issued, a booking, a case. */
export interface QuotaEvent {
  centerId: number
  counterId: number | null
  staffId: number | null
  serviceItemId: number
  skillId: number
}

/** A quota's period, effective dates and amount: what the pure rules need. */
export interface QuotaTerms {
  period: QuotaPeriod
  rangeFrom: string | null
  rangeTo: string | null
  amount: number
  warnAt: number
  effectiveFrom: string
  effectiveTo: string | null
}

/** The days a quota counts over that hold `day` (Shanghai calendar days); null outside a range. */
export function quotaPeriodOf(
  terms: Pick<QuotaTerms, 'period' | 'rangeFrom' | 'rangeTo'>,
  day: string,
): { from: string; to: string } | null {
  switch (terms.period) {
    case 'day':
      return { from: day, to: day }
    case 'week': {
      const monday = addCalendarDays(day, 1 - weekdayOf(day))
      return { from: monday, to: addCalendarDays(monday, 6) }
    }
    case 'month': {
      const from = `${day.slice(0, 7)}-01`
      const nextMonth = addCalendarDays(from, 31).slice(0, 7)
      return { from, to: addCalendarDays(`${nextMonth}-01`, -1) }
    }
    case 'range':
      return terms.rangeFrom !== null &&
        terms.rangeTo !== null &&
        terms.rangeFrom <= day &&
        day <= terms.rangeTo
        ? { from: terms.rangeFrom, to: terms.rangeTo }
        : null
  }
}

/** Whether a quota is in force on `day`. */
export function isEffective(
  terms: Pick<QuotaTerms, 'effectiveFrom' | 'effectiveTo'>,
  day: string,
): boolean {
  return terms.effectiveFrom <= day && (terms.effectiveTo === null || day <= terms.effectiveTo)
}

/** Whether an event falls in a scope: every part the scope names must match. */
export function scopeCovers(scope: QuotaScope, event: QuotaEvent): boolean {
  return (
    (scope.centerId === null || scope.centerId === event.centerId) &&
    (scope.counterId === null || scope.counterId === event.counterId) &&
    (scope.staffId === null || scope.staffId === event.staffId) &&
    (scope.serviceItemId === null || scope.serviceItemId === event.serviceItemId) &&
    (scope.skillId === null || scope.skillId === event.skillId)
  )
}

export function sameScope(a: QuotaScope, b: QuotaScope): boolean {
  return (
    a.centerId === b.centerId &&
    a.counterId === b.counterId &&
    a.staffId === b.staffId &&
    a.serviceItemId === b.serviceItemId &&
    a.skillId === b.skillId
  )
}

/** Whether two quotas' effective dates share a day. */
export function effectiveOverlap(
  a: Pick<QuotaTerms, 'effectiveFrom' | 'effectiveTo'>,
  b: Pick<QuotaTerms, 'effectiveFrom' | 'effectiveTo'>,
): boolean {
  const endsAfter = (end: string | null, start: string) => end === null || end >= start
  return endsAfter(a.effectiveTo, b.effectiveFrom) && endsAfter(b.effectiveTo, a.effectiveFrom)
}

export type QuotaLevel = 'ok' | 'warn' | 'full'

/** How full a quota is: past the warning share, or at (or over) its amount. */
export function quotaLevel(used: number, terms: Pick<QuotaTerms, 'amount' | 'warnAt'>): QuotaLevel {
  if (used >= terms.amount) return 'full'
  return used >= terms.amount * terms.warnAt ? 'warn' : 'ok'
}

/** The level a step from `before` to `after` newly reaches, for one alert per crossing. */
export function crossedLevel(
  before: number,
  after: number,
  terms: Pick<QuotaTerms, 'amount' | 'warnAt'>,
): Exclude<QuotaLevel, 'ok'> | null {
  const from = quotaLevel(before, terms)
  const to = quotaLevel(after, terms)
  return to !== from && to !== 'ok' ? to : null
}

export interface QuotaReplay {
  /** For a cap: what it would have turned away, and on how many days; for a target: days met. */
  blocked: number
  blockedDays: number
  warnedDays: number
  metPeriods: number
  periods: number
}

/**
 * What a quota would have done over past days, from each day's volume in order: a cap turns away
 * whatever passes its amount within a period, a target is met in a period that reaches it.
 */
export function replayQuota(
  days: readonly { day: string; used: number }[],
  terms: Pick<QuotaTerms, 'period' | 'rangeFrom' | 'rangeTo' | 'amount' | 'warnAt'>,
): QuotaReplay {
  const replay: QuotaReplay = {
    blocked: 0,
    blockedDays: 0,
    warnedDays: 0,
    metPeriods: 0,
    periods: 0,
  }
  const totals = new Map<string, number>()
  for (const { day, used } of days) {
    const period = quotaPeriodOf(terms, day)
    if (!period) continue
    const before = totals.get(period.from) ?? 0
    const after = before + used
    totals.set(period.from, after)
    const over = (total: number) => Math.max(0, total - terms.amount)
    const blockedToday = over(after) - over(before)
    replay.blocked += blockedToday
    if (blockedToday > 0) replay.blockedDays++
    else if (quotaLevel(after, terms) !== 'ok' && used > 0) replay.warnedDays++
  }
  replay.periods = totals.size
  replay.metPeriods = [...totals.values()].filter((total) => total >= terms.amount).length
  return replay
}

/** The periods of a quota that overlap [from, to], in order (a custom range is one period). */
export function periodsBetween(
  terms: Pick<QuotaTerms, 'period' | 'rangeFrom' | 'rangeTo'>,
  from: string,
  to: string,
): { from: string; to: string }[] {
  const periods: { from: string; to: string }[] = []
  for (let day = from; day <= to;) {
    const period = quotaPeriodOf(terms, day)
    if (period) {
      periods.push(period)
      day = addCalendarDays(period.to, 1)
    } else {
      day = addCalendarDays(day, 1)
    }
  }
  return periods
}
