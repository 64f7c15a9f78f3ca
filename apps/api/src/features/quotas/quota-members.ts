import type { QuotaEach, QuotaMetric, QuotaScope } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { type QuotaEvent, addCalendarDays, shanghaiInstant } from '@onewindow/domain'
import type { Kysely } from 'kysely'
import { consumptionByMember } from './quota-consumption.ts'

/** A quota on each staff member or counter, as far as counting goes. */
export interface MemberQuota {
  metric: QuotaMetric
  scope: QuotaScope
  each: QuotaEach
}

/**
 * The member an event counts for: 0 for a quota on the whole scope; null when the event has no
 * such member (then it counts for nobody).
 */
export function memberOf(each: QuotaEach | null, event: QuotaEvent): number | null {
  if (each === null) return 0
  return each === 'staff' ? event.staffId : event.counterId
}

/** The scope narrowed to one member: what that member's count is made of. */
export function memberScope(scope: QuotaScope, each: QuotaEach | null, memberId: number) {
  if (each === null || memberId === 0) return scope
  return each === 'staff' ? { ...scope, staffId: memberId } : { ...scope, counterId: memberId }
}

/** A member's center and name (a person's display name, a counter's name); undefined if none. */
export async function memberOfId(db: Kysely<Database>, each: QuotaEach, memberId: number) {
  return each === 'staff'
    ? db
        .selectFrom('staff')
        .select(['center_id as centerId', 'display_name as name'])
        .where('id', '=', memberId)
        .executeTakeFirst()
    : db
        .selectFrom('counter')
        .select(['center_id as centerId', 'name'])
        .where('id', '=', memberId)
        .executeTakeFirst()
}

/**
 * Who was on duty in the period among the members the quota could apply to: people who opened a
 * counter or accepted a case (so days off do not count as misses), or counters that were open or
 * took a case, within the scope's center, counter and person.
 */
async function onDuty(
  db: Kysely<Database>,
  quota: MemberQuota,
  period: { from: string; to: string },
): Promise<number[]> {
  const start = shanghaiInstant(period.from, '00:00')
  const end = shanghaiInstant(addCalendarDays(period.to, 1), '00:00')
  const { scope } = quota
  const { centerId } = scope
  const member = quota.each === 'staff' ? 'staff_id' : 'counter_id'
  const [stints, cases] = await Promise.all([
    db
      .selectFrom('counter_session_log')
      .select(`${member} as member`)
      .distinct()
      .where('opened_at', '<', end)
      .where((eb) => eb.or([eb('closed_at', 'is', null), eb('closed_at', '>=', start)]))
      .$if(centerId !== null, (qb) => qb.where('center_id', '=', centerId!))
      .$if(scope.counterId !== null, (qb) => qb.where('counter_id', '=', scope.counterId!))
      .$if(scope.staffId !== null, (qb) => qb.where('staff_id', '=', scope.staffId!))
      .execute(),
    db
      .selectFrom('service_case')
      .select(`${member} as member`)
      .distinct()
      .where('accepted_at', '>=', start)
      .where('accepted_at', '<', end)
      .$if(centerId !== null, (qb) => qb.where('center_id', '=', centerId!))
      .$if(scope.counterId !== null, (qb) => qb.where('counter_id', '=', scope.counterId!))
      .$if(scope.staffId !== null, (qb) => qb.where('staff_id', '=', scope.staffId!))
      .execute(),
  ])
  return [...stints, ...cases].flatMap((row) => (row.member === null ? [] : [Number(row.member)]))
}

/** The names of the members among `ids`: counters, or people of the staff role. */
async function namesOf(db: Kysely<Database>, each: QuotaEach, ids: number[]) {
  if (ids.length === 0) return new Map<number, string>()
  const rows =
    each === 'staff'
      ? await db
          .selectFrom('staff')
          .select(['id', 'display_name as name'])
          .where('id', 'in', ids)
          .where('role', '=', 'staff')
          .execute()
      : await db.selectFrom('counter').select(['id', 'name']).where('id', 'in', ids).execute()
  return new Map(rows.map((row) => [row.id, row.name]))
}

/** Members in the order of their names (pinyin for Chinese), then ids. */
export const byName = (a: { id: number; name: string }, b: { id: number; name: string }) =>
  a.name.localeCompare(b.name, 'zh-CN') || a.id - b.id

export interface MemberValue {
  id: number
  name: string
  used: number
}

/**
 * Each member's volume over a period, for the members on duty then or with any volume (limited
 * to the quota's center, else to `viewCenterId`), by name.
 */
export async function memberValues(
  db: Kysely<Database>,
  quota: MemberQuota,
  period: { from: string; to: string },
  viewCenterId: number | null,
): Promise<MemberValue[]> {
  const centerId = quota.scope.centerId ?? viewCenterId
  const seen = { ...quota, scope: { ...quota.scope, centerId } }
  const [used, duty] = await Promise.all([
    consumptionByMember(db, seen, period, quota.each),
    onDuty(db, seen, period),
  ])
  const names = await namesOf(db, quota.each, [...new Set([...duty, ...used.keys()])])
  return [...names].map(([id, name]) => ({ id, name, used: used.get(id) ?? 0 })).sort(byName)
}
