import type { Database } from '@onewindow/db'
import { type QuotaTerms, quotaLevel, replayQuota } from '@onewindow/domain'
import type { Kysely } from 'kysely'
import { type MemberQuota, byName, memberValues } from './quota-members.ts'
import { type QuotaRow, scopeOf } from './quota-rows.ts'

type Period = { from: string; to: string }

const memberQuotaOf = (row: QuotaRow & { each: MemberQuota['each'] }): MemberQuota => ({
  metric: row.metric,
  scope: scopeOf(row),
  each: row.each,
})

/**
 * This period's use of a quota on each member: every member's count (a cap's running count where
 * one exists, with the extra places a manager allowed that member), fullest first, and the gauge
 * of the fullest.
 */
export async function memberUsage(
  db: Kysely<Database>,
  row: QuotaRow & { each: MemberQuota['each'] },
  period: Period,
  viewCenterId: number | null,
) {
  const [values, running] = await Promise.all([
    memberValues(db, memberQuotaOf(row), period, viewCenterId),
    db
      .selectFrom('quota_usage')
      .select(['member_id', 'used', 'extra'])
      .where('quota_id', '=', row.id)
      .where('period_from', '=', period.from)
      .where('member_id', '>', 0)
      .execute(),
  ])
  const runningOf = new Map(running.map((usage) => [usage.member_id, usage]))
  const amount = Number(row.amount)
  const members = values
    .map((member) => {
      const counted = runningOf.get(member.id)
      const used = counted ? Number(counted.used) : member.used
      return { ...member, used, amount: amount + Number(counted?.extra ?? 0) }
    })
    .sort((a, b) => b.used / b.amount - a.used / a.amount)
  const top = members[0] ?? { used: 0, amount }
  const terms = { amount: top.amount, warnAt: Number(row.warn_at) }
  return {
    used: top.used,
    amount: top.amount,
    share: top.used / top.amount,
    level: quotaLevel(top.used, terms),
    members,
    reached: members.filter((member) => member.used >= member.amount).length,
  }
}

/**
 * A target on each member, period by period: each member's volume in the periods they were on
 * duty (null in the others, so leave is not a miss) and whether they reached the amount; a period
 * is met when everyone on duty met it.
 */
export async function memberAttainment(
  db: Kysely<Database>,
  row: QuotaRow & { each: MemberQuota['each'] },
  periods: (Period & { running: boolean })[],
  viewCenterId: number | null,
) {
  const amount = Number(row.amount)
  const perPeriod = await Promise.all(
    periods.map((period) => memberValues(db, memberQuotaOf(row), period, viewCenterId)),
  )
  type Cell = { used: number; met: boolean } | null
  const members = new Map<number, { id: number; name: string; cells: Cell[]; met: number }>()
  perPeriod.forEach((values, index) => {
    for (const value of values) {
      const member = members.get(value.id) ?? {
        id: value.id,
        name: value.name,
        cells: Array<Cell>(periods.length).fill(null),
        met: 0,
      }
      const met = value.used >= amount
      member.cells[index] = { used: value.used, met }
      if (met) member.met += 1
      members.set(value.id, member)
    }
  })
  return {
    periods: periods.map((period, index) => {
      const values = perPeriod[index]!
      const membersMet = values.filter((value) => value.used >= amount).length
      return {
        ...period,
        used: Math.max(0, ...values.map((value) => value.used)),
        met: values.length > 0 && membersMet === values.length,
        membersMet,
        members: values.length,
      }
    }),
    members: [...members.values()].sort(byName).map(({ cells, ...member }) => ({
      ...member,
      periods: cells,
      // A running period counts once met; until then it is not yet missed.
      onDuty: cells.filter((cell, index) => cell !== null && (cell.met || !periods[index]!.running))
        .length,
    })),
  }
}

/**
 * What a quota on each member would have done over past days, replayed member by member: the
 * summed replay (days counted per person), how many people it touched (a cap: turned some away;
 * a target: met it in every period), and each day's highest member for the chart.
 */
export async function memberPreview(
  db: Kysely<Database>,
  quota: MemberQuota & Pick<QuotaTerms, 'period' | 'rangeFrom' | 'rangeTo' | 'amount' | 'warnAt'>,
  kind: 'cap' | 'target',
  days: string[],
  viewCenterId: number | null,
) {
  const perDay = await Promise.all(
    days.map((day) => memberValues(db, quota, { from: day, to: day }, viewCenterId)),
  )
  const series = new Map<number, { day: string; used: number }[]>()
  perDay.forEach((values, index) => {
    for (const value of values) {
      const memberDays = series.get(value.id) ?? []
      memberDays.push({ day: days[index]!, used: value.used })
      series.set(value.id, memberDays)
    }
  })
  const replays = [...series.values()].map((memberDays) => replayQuota(memberDays, quota))
  const sum = (key: keyof (typeof replays)[number]) =>
    replays.reduce((total, replay) => total + replay[key], 0)
  const touched = replays.filter((replay) =>
    kind === 'cap'
      ? replay.blocked > 0
      : replay.periods > 0 && replay.metPeriods === replay.periods,
  )
  return {
    days: days.map((day, index) => ({
      day,
      used: Math.max(0, ...perDay[index]!.map((value) => value.used)),
    })),
    replay: {
      blocked: sum('blocked'),
      blockedDays: sum('blockedDays'),
      warnedDays: sum('warnedDays'),
      metPeriods: sum('metPeriods'),
      periods: sum('periods'),
    },
    people: { total: replays.length, touched: touched.length },
  }
}
