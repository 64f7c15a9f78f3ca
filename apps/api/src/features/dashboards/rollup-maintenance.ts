import { shanghaiToday } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { addCalendarDays } from '@onewindow/domain'
import { type Kysely, sql } from 'kysely'
import { markChanged, rollPendingDays } from './rollup-refresher.ts'

const dayMs = 86_400_000
const shanghaiOffsetMs = 8 * 3_600_000

/** The Shanghai day number of an instant column, the same on SQLite and MySQL (no FLOOR, no DIV). */
const shanghaiDayNumber = (column: string) =>
  sql<number>`(${sql.ref(column)} + ${shanghaiOffsetMs} - ((${sql.ref(column)} + ${shanghaiOffsetMs}) % ${dayMs})) / ${dayMs}`

const dayOfNumber = (dayNumber: number) =>
  new Date(Number(dayNumber) * dayMs).toISOString().slice(0, 10)

const rollupTables = [
  'kpi_day',
  'kpi_center_day',
  'kpi_skill_day',
  'kpi_member_day',
  'kpi_item_day',
  'kpi_item_month',
  'kpi_wait_month',
  'kpi_wait_day',
  'kpi_arrival_hour',
  'kpi_rollup_day',
] as const

/** Every center-day that has tickets or cases (accepted or due) before today. */
async function daysWithActivity(db: Kysely<Database>, today: string) {
  const [ticketDays, acceptedDays, dueDays] = await Promise.all([
    db
      .selectFrom('ticket')
      .select(['center_id as centerId', 'day'])
      .distinct()
      .where('day', '<', today)
      .execute(),
    db
      .selectFrom('service_case')
      .select(['center_id as centerId', shanghaiDayNumber('accepted_at').as('dayNumber')])
      .distinct()
      .execute(),
    db
      .selectFrom('service_case')
      .select(['center_id as centerId', 'deadline_day as day'])
      .distinct()
      .where('deadline_day', 'is not', null)
      .where('deadline_day', '<', today)
      .execute(),
  ])
  return [
    ...ticketDays,
    ...acceptedDays.map(({ centerId, dayNumber }) => ({ centerId, day: dayOfNumber(dayNumber) })),
    ...(dueDays as { centerId: number; day: string }[]),
  ].filter(({ day }) => day < today)
}

/**
 * Drops every rollup and builds them again from the base rows, up to yesterday. The cursor moves
 * to the newest events first, so the refresher afterwards only handles what changed since.
 */
export async function rebuildRollups(
  db: Kysely<Database>,
  onProgress?: (done: number, total: number) => void,
  now = Date.now(),
) {
  const [ticketEvent, caseEvent, evaluation, appeal] = await Promise.all([
    db
      .selectFrom('ticket_event')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst(),
    db
      .selectFrom('case_event')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst(),
    db
      .selectFrom('evaluation')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst(),
    db
      .selectFrom('evaluation_follow_up')
      .select((eb) => eb.fn.max('decided_at').as('at'))
      .executeTakeFirst(),
  ])
  await db.transaction().execute(async (trx) => {
    for (const table of rollupTables) await trx.deleteFrom(table).execute()
    await trx
      .updateTable('kpi_rollup_cursor')
      .set({
        ticket_event_id: Number(ticketEvent?.id ?? 0),
        case_event_id: Number(caseEvent?.id ?? 0),
        evaluation_id: Number(evaluation?.id ?? 0),
        appeal_decided_at: Number(appeal?.at ?? 0),
      })
      .where('id', '=', 1)
      .execute()
  })
  const marked = await markChanged(db, await daysWithActivity(db, shanghaiToday(now)))
  await rollPendingDays(db, onProgress)
  return { centerDays: marked }
}

interface Totals {
  centerId: number
  day: string
  visits: number
  called: number
  noShows: number
  waitMs: number
  casesAccepted: number
  ratings: number
}

const key = (row: { centerId: number; day: string }) => `${row.centerId}/${row.day}`

/**
 * Checks the rollups against the base rows: per center-day, visits, calls, no-shows, waiting time
 * cases accepted and ratings summed from kpi_day equal the same counted from the base rows, and every
 * coarser rollup equals the detail. Returns the center-days that differ (empty: all agree).
 */
export async function verifyRollups(db: Kysely<Database>, now = Date.now()) {
  const lastDay = addCalendarDays(shanghaiToday(now), -1)
  const rolled = db
    .selectFrom('kpi_rollup_day')
    .select(['center_id', 'day'])
    .where('rolled_at', 'is not', null)
    .where('day', '<=', lastDay)
  const [fromTickets, fromCases, fromRatings, detail, coarser, pending] = await Promise.all([
    db
      .selectFrom('ticket')
      .select((eb) => [
        'center_id as centerId',
        'day',
        eb.fn
          .sum<number>(eb.case().when('transferred_from_id', 'is', null).then(1).else(0).end())
          .as('visits'),
        eb.fn.count<number>('called_at').as('called'),
        eb.fn
          .sum<number>(eb.case().when('status', '=', 'no_show').then(1).else(0).end())
          .as('noShows'),
        eb.fn.sum<number>(sql`called_at - issued_at`).as('waitMs'),
      ])
      .where('day', '<=', lastDay)
      .groupBy(['center_id', 'day'])
      .execute(),
    db
      .selectFrom('service_case')
      .select((eb) => [
        'center_id as centerId',
        shanghaiDayNumber('accepted_at').as('dayNumber'),
        eb.fn.countAll<number>().as('casesAccepted'),
      ])
      .groupBy(['center_id', shanghaiDayNumber('accepted_at')])
      .execute(),
    db
      .selectFrom('evaluation')
      .innerJoin('ticket', 'ticket.id', 'evaluation.ticket_id')
      .select((eb) => [
        'ticket.center_id as centerId',
        'ticket.day',
        eb.fn.countAll<number>().as('ratings'),
      ])
      .where('evaluation.excluded', '=', 0)
      .where('ticket.day', '<=', lastDay)
      .groupBy(['ticket.center_id', 'ticket.day'])
      .execute(),
    sumsOf(db, 'kpi_day'),
    Promise.all(coarserTables.map(async (table) => ({ table, sums: await sumsOf(db, table) }))),
    db
      .selectFrom('kpi_rollup_day')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('rolled_at', 'is', null)
      .where('day', '<=', lastDay)
      .executeTakeFirstOrThrow(),
  ])
  const rolledDays = new Set(
    (await rolled.execute()).map((row) => key({ centerId: row.center_id, day: row.day })),
  )
  const base = new Map<string, Totals>()
  const totalsOf = (centerId: number, day: string) => {
    const k = key({ centerId, day })
    let totals = base.get(k)
    if (!totals) {
      totals = {
        ...{ centerId, day, visits: 0, called: 0, noShows: 0, waitMs: 0 },
        ...{ casesAccepted: 0, ratings: 0 },
      }
      base.set(k, totals)
    }
    return totals
  }
  for (const row of fromTickets) {
    Object.assign(totalsOf(row.centerId, row.day), {
      visits: Number(row.visits),
      called: Number(row.called),
      noShows: Number(row.noShows),
      waitMs: Number(row.waitMs ?? 0),
    })
  }
  for (const row of fromCases) {
    const day = dayOfNumber(row.dayNumber)
    if (day <= lastDay) totalsOf(row.centerId, day).casesAccepted = Number(row.casesAccepted)
  }
  for (const row of fromRatings) totalsOf(row.centerId, row.day).ratings = Number(row.ratings)
  const mismatches: {
    centerId: number
    day: string
    table: string
    base: Totals | null
    rollup: Totals | null
  }[] = []
  for (const k of new Set([...base.keys(), ...detail.keys(), ...rolledDays])) {
    const [centerId, day] = k.split('/')
    const differing = (table: string, a: Totals | null, b: Totals | null) =>
      mismatches.push({ centerId: Number(centerId), day: day!, table, base: a, rollup: b })
    const detailRow = detail.get(k) ?? null
    if (!rolledDays.has(k) || !same(base.get(k) ?? null, detailRow)) {
      differing('kpi_day', base.get(k) ?? null, detailRow)
      continue
    }
    for (const { table, sums } of coarser) {
      if (!same(detailRow, sums.get(k) ?? null)) differing(table, detailRow, sums.get(k) ?? null)
    }
  }
  return { centerDays: rolledDays.size, pending: Number(pending.n), mismatches }
}

const measured = ['visits', 'called', 'noShows', 'waitMs', 'casesAccepted', 'ratings'] as const

function same(a: Totals | null, b: Totals | null) {
  return measured.every((name) => (a?.[name] ?? 0) === (b?.[name] ?? 0))
}

const coarserTables = ['kpi_center_day', 'kpi_skill_day', 'kpi_member_day', 'kpi_item_day'] as const

async function sumsOf(db: Kysely<Database>, table: 'kpi_day' | (typeof coarserTables)[number]) {
  const rows = await db
    .selectFrom(table)
    .select((eb) => [
      'center_id as centerId',
      'day',
      eb.fn.sum<number>('visits').as('visits'),
      eb.fn.sum<number>('called').as('called'),
      eb.fn.sum<number>('no_shows').as('noShows'),
      eb.fn.sum<number>('wait_ms').as('waitMs'),
      eb.fn.sum<number>('cases_accepted').as('casesAccepted'),
      eb.fn.sum<number>('ratings').as('ratings'),
    ])
    .groupBy(['center_id', 'day'])
    .execute()
  return new Map(
    rows.map((row) => [
      key(row),
      {
        centerId: row.centerId,
        day: row.day,
        visits: Number(row.visits),
        called: Number(row.called),
        noShows: Number(row.noShows),
        waitMs: Number(row.waitMs),
        casesAccepted: Number(row.casesAccepted),
        ratings: Number(row.ratings),
      },
    ]),
  )
}
