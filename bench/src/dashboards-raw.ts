/**
 * What the dashboards would run without rollups: GROUP BY over the base tables for the same
 * figures (tickets by issue day, cases by acceptance instant, commitments by deadline day).
 * Only the benchmark uses these, as the yardstick the rollups are measured against.
 */
import type { Database } from '@onewindow/db'
import { addCalendarDays, shanghaiInstant } from '@onewindow/domain'
import { type Kysely, sql } from 'kysely'

interface Range {
  from: string
  to: string
}

type Grouping = 'center_id' | 'staff_id' | 'service_item_id'

async function rawTotals(
  db: Kysely<Database>,
  centerId: number | null,
  range: Range,
  by: Grouping,
) {
  const start = shanghaiInstant(range.from, '00:00')
  const end = shanghaiInstant(addCalendarDays(range.to, 1), '00:00')
  return Promise.all([
    db
      .selectFrom('ticket')
      .select((eb) => [
        `ticket.${by}`,
        eb.fn
          .sum<number>(eb.case().when('transferred_from_id', 'is', null).then(1).else(0).end())
          .as('visits'),
        eb.fn.count<number>('called_at').as('called'),
        eb.fn.sum<number>(sql`called_at - issued_at`).as('wait_ms'),
        eb.fn
          .sum<number>(sql`case when called_at - issued_at <= 900000 then 1 else 0 end`)
          .as('in_target'),
        eb.fn
          .sum<number>(eb.case().when('status', '=', 'no_show').then(1).else(0).end())
          .as('no_shows'),
        eb.fn.sum<number>(sql`finished_at - serving_started_at`).as('service_ms'),
      ])
      .where('day', '>=', range.from)
      .where('day', '<=', range.to)
      .$if(centerId !== null, (qb) => qb.where('center_id', '=', centerId!))
      .groupBy(`ticket.${by}`)
      .execute(),
    db
      .selectFrom('service_case')
      .innerJoin('service_item', 'service_item.id', 'service_case.service_item_id')
      .select((eb) => [
        `service_case.${by}`,
        eb.fn.countAll<number>().as('accepted'),
        eb.fn
          .sum<number>(
            sql`case when service_case.kind = 'immediate' and completed_at is not null then 1 else 0 end`,
          )
          .as('immediate'),
        eb.fn.sum<number>('service_item.workload_coefficient').as('points'),
        eb.fn
          .sum<number>(sql`case when service_case.status = 'rejected' then 1 else 0 end`)
          .as('rejected'),
        eb.fn
          .sum<number>(
            sql`case when service_case.kind = 'commitment' then completed_at - accepted_at else 0 end`,
          )
          .as('processing_ms'),
      ])
      .where('service_case.accepted_at', '>=', start)
      .where('service_case.accepted_at', '<', end)
      .$if(centerId !== null, (qb) => qb.where('service_case.center_id', '=', centerId!))
      .groupBy(`service_case.${by}`)
      .execute(),
    db
      .selectFrom('service_case')
      .select((eb) => [
        `service_case.${by}`,
        eb.fn.countAll<number>().as('due'),
        eb.fn.count<number>('completed_at').as('completed'),
      ])
      .where('kind', '=', 'commitment')
      .where('deadline_day', '>=', range.from)
      .where('deadline_day', '<=', range.to)
      .$if(centerId !== null, (qb) => qb.where('service_case.center_id', '=', centerId!))
      .groupBy(`service_case.${by}`)
      .execute(),
  ])
}

export const rawCenterTotals = (db: Kysely<Database>, centerId: number | null, range: Range) =>
  rawTotals(db, centerId, range, 'center_id')
/** Per person, and per person and day for the sparklines, as the performance table shows. */
export const rawStaffTotals = (db: Kysely<Database>, centerId: number, range: Range) =>
  Promise.all([
    rawTotals(db, centerId, range, 'staff_id'),
    db
      .selectFrom('ticket')
      .select((eb) => ['staff_id', 'day', eb.fn.countAll<number>().as('visits')])
      .where('center_id', '=', centerId)
      .where('day', '>=', range.from)
      .where('day', '<=', range.to)
      .groupBy(['staff_id', 'day'])
      .execute(),
  ])
export const rawItemTotals = (db: Kysely<Database>, centerId: number | null, range: Range) =>
  rawTotals(db, centerId, range, 'service_item_id')
