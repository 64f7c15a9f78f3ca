import type { QuotaEach, QuotaMetric, QuotaScope } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { addCalendarDays, shanghaiInstant } from '@onewindow/domain'
import type { Kysely } from 'kysely'

/**
 * How much of a metric a scope used over [from, to] (Shanghai days), counted from the source
 * rows: tickets issued (each resident once: transfers re-issue), bookings not cancelled (by the
 * day booked for), cases accepted or completed, and workload points of cases accepted.
 */
export async function consumption(
  db: Kysely<Database>,
  quota: { metric: QuotaMetric; scope: QuotaScope },
  period: { from: string; to: string },
): Promise<number> {
  const { scope } = quota
  if (quota.metric === 'tickets_issued') {
    const row = await db
      .selectFrom('ticket')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('day', '>=', period.from)
      .where('day', '<=', period.to)
      .where('transferred_from_id', 'is', null)
      .$if(scope.centerId !== null, (qb) => qb.where('center_id', '=', scope.centerId!))
      .$if(scope.counterId !== null, (qb) => qb.where('counter_id', '=', scope.counterId!))
      .$if(scope.staffId !== null, (qb) => qb.where('staff_id', '=', scope.staffId!))
      .$if(scope.serviceItemId !== null, (qb) =>
        qb.where('service_item_id', '=', scope.serviceItemId!),
      )
      .$if(scope.skillId !== null, (qb) => qb.where('skill_id', '=', scope.skillId!))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }
  if (quota.metric === 'appointments_booked') {
    // A booking has no counter or person yet: such scopes count none.
    if (scope.counterId !== null || scope.staffId !== null) return 0
    const row = await db
      .selectFrom('appointment')
      .innerJoin('service_item', 'service_item.id', 'appointment.service_item_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('appointment.day', '>=', period.from)
      .where('appointment.day', '<=', period.to)
      .where('appointment.status', '!=', 'cancelled')
      .$if(scope.centerId !== null, (qb) => qb.where('appointment.center_id', '=', scope.centerId!))
      .$if(scope.serviceItemId !== null, (qb) =>
        qb.where('appointment.service_item_id', '=', scope.serviceItemId!),
      )
      .$if(scope.skillId !== null, (qb) => qb.where('service_item.skill_id', '=', scope.skillId!))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }
  const row = await caseVolume(db, quota, period).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Cases accepted or completed, or their workload points, in a scope over a period. */
function caseVolume(
  db: Kysely<Database>,
  quota: { metric: QuotaMetric; scope: QuotaScope },
  period: { from: string; to: string },
) {
  const { scope } = quota
  const start = shanghaiInstant(period.from, '00:00')
  const end = shanghaiInstant(addCalendarDays(period.to, 1), '00:00')
  const at =
    quota.metric === 'cases_completed' ? 'service_case.completed_at' : 'service_case.accepted_at'
  return db
    .selectFrom('service_case')
    .innerJoin('service_item', 'service_item.id', 'service_case.service_item_id')
    .select((eb) =>
      quota.metric === 'workload_points'
        ? eb.fn.coalesce(eb.fn.sum<number>('service_item.workload_coefficient'), eb.lit(0)).as('n')
        : eb.fn.countAll<number>().as('n'),
    )
    .where(at, '>=', start)
    .where(at, '<', end)
    .$if(scope.centerId !== null, (qb) => qb.where('service_case.center_id', '=', scope.centerId!))
    .$if(scope.counterId !== null, (qb) =>
      qb.where('service_case.counter_id', '=', scope.counterId!),
    )
    .$if(scope.staffId !== null, (qb) => qb.where('service_case.staff_id', '=', scope.staffId!))
    .$if(scope.serviceItemId !== null, (qb) =>
      qb.where('service_case.service_item_id', '=', scope.serviceItemId!),
    )
    .$if(scope.skillId !== null, (qb) => qb.where('service_item.skill_id', '=', scope.skillId!))
}

/**
 * consumption() of a case metric split by the staff member (or counter) who accepted each case:
 * member id → volume, for members with any.
 */
export async function consumptionByMember(
  db: Kysely<Database>,
  quota: { metric: QuotaMetric; scope: QuotaScope },
  period: { from: string; to: string },
  each: QuotaEach,
): Promise<Map<number, number>> {
  const member = each === 'staff' ? 'service_case.staff_id' : 'service_case.counter_id'
  const rows = await caseVolume(db, quota, period)
    .select(`${member} as member`)
    .where(member, 'is not', null)
    .groupBy(member)
    .execute()
  return new Map(rows.map((row) => [Number(row.member), Number(row.n)]))
}
