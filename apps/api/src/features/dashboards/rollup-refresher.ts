import { shanghaiToday } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'
import { rollCenterMonth } from './rollup-months.ts'
import { rollCenterDay } from './rollup-write.ts'

/*
 * The rollups follow the base rows incrementally: every change of a ticket or case writes an
 * event, and ratings and appeal decisions are dated, so the refresher reads them since its cursor, marks the center-days they touch as
 * changed, and rolls up the changed days that are over. Today is never rolled up: dashboards
 * read today from its rows. Nothing on the queue's write path waits for any of this.
 */

/** Events younger than this are left for the next round: a slower transaction may still commit
 *  an event with a lower id, which reading past it would skip. */
const settleMs = 5_000
const eventBatch = 5_000
const leaseMs = 60_000

type CenterDay = { centerId: number; day: string }

export async function markChanged(db: Kysely<Database>, days: Iterable<CenterDay>) {
  const unique = new Map<string, CenterDay>()
  for (const entry of days) unique.set(`${entry.centerId}/${entry.day}`, entry)
  for (const { centerId, day } of unique.values()) {
    const updated = await db
      .updateTable('kpi_rollup_day')
      .set({ rolled_at: null })
      .where('center_id', '=', centerId)
      .where('day', '=', day)
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) === 0) {
      await db
        .insertInto('kpi_rollup_day')
        .values({ center_id: centerId, day, rolled_at: null })
        .execute()
    }
  }
  return unique.size
}

/** Reads the events since the cursor and marks the center-days they changed; returns how many. */
export async function markChangedDays(db: Kysely<Database>, now = Date.now()) {
  const cursor = await db
    .selectFrom('kpi_rollup_cursor')
    .selectAll()
    .where('id', '=', 1)
    .executeTakeFirstOrThrow()
  const settled = now - settleMs
  const tickets = await db
    .selectFrom('ticket_event')
    .innerJoin('ticket', 'ticket.id', 'ticket_event.ticket_id')
    .select(['ticket_event.id', 'ticket.center_id as centerId', 'ticket.day'])
    .where('ticket_event.id', '>', Number(cursor.ticket_event_id))
    .where('ticket_event.at', '<', settled)
    .orderBy('ticket_event.id')
    .limit(eventBatch)
    .execute()
  const cases = await db
    .selectFrom('case_event')
    .innerJoin('service_case', 'service_case.id', 'case_event.case_id')
    .select([
      'case_event.id',
      'service_case.center_id as centerId',
      'service_case.accepted_at as acceptedAt',
      'service_case.deadline_day as deadlineDay',
      'case_event.deadline_before as deadlineBefore',
    ])
    .where('case_event.id', '>', Number(cursor.case_event_id))
    .where('case_event.at', '<', settled)
    .orderBy('case_event.id')
    .limit(eventBatch)
    .execute()
  const ratings = await db
    .selectFrom('evaluation')
    .innerJoin('ticket', 'ticket.id', 'evaluation.ticket_id')
    .select(['evaluation.id', 'ticket.center_id as centerId', 'ticket.day'])
    .where('evaluation.id', '>', Number(cursor.evaluation_id))
    .where('evaluation.rated_at', '<', settled)
    .orderBy('evaluation.id')
    .limit(eventBatch)
    .execute()
  // An upheld appeal leaves its rating out of satisfaction; decisions are few, read all at once.
  const appeals = await db
    .selectFrom('evaluation_follow_up')
    .innerJoin('evaluation', 'evaluation.id', 'evaluation_follow_up.evaluation_id')
    .innerJoin('ticket', 'ticket.id', 'evaluation.ticket_id')
    .select(['evaluation_follow_up.decided_at as at', 'ticket.center_id as centerId', 'ticket.day'])
    .where('evaluation_follow_up.decided_at', '>', Number(cursor.appeal_decided_at))
    .where('evaluation_follow_up.decided_at', '<', settled)
    .orderBy('evaluation_follow_up.decided_at')
    .execute()
  const changed: CenterDay[] = [...tickets, ...ratings, ...appeals].map(({ centerId, day }) => ({
    centerId,
    day,
  }))
  for (const event of cases) {
    // A case counts on the day it was accepted and on its deadline day (and the one it moved from).
    changed.push({ centerId: event.centerId, day: shanghaiToday(event.acceptedAt) })
    for (const day of [event.deadlineDay, event.deadlineBefore]) {
      if (day) changed.push({ centerId: event.centerId, day })
    }
  }
  const marked = await markChanged(db, changed)
  await db
    .updateTable('kpi_rollup_cursor')
    .set({
      ticket_event_id: tickets.at(-1)?.id ?? Number(cursor.ticket_event_id),
      case_event_id: cases.at(-1)?.id ?? Number(cursor.case_event_id),
      evaluation_id: ratings.at(-1)?.id ?? Number(cursor.evaluation_id),
      appeal_decided_at: appeals.at(-1)?.at ?? Number(cursor.appeal_decided_at),
    })
    .where('id', '=', 1)
    .execute()
  const more = [tickets, cases, ratings].some((rows) => rows.length === eventBatch)
  return { marked, more }
}

/** The changed center-days that are over (before today), oldest first. */
export async function pendingDays(db: Kysely<Database>, now = Date.now()) {
  return db
    .selectFrom('kpi_rollup_day')
    .select(['center_id as centerId', 'day'])
    .where('rolled_at', 'is', null)
    .where('day', '<', shanghaiToday(now))
    .orderBy('day')
    .orderBy('center_id')
    .execute()
}

/** Rolls up every changed day that is over; returns how many center-days it rolled. */
export async function rollPendingDays(
  db: Kysely<Database>,
  onProgress?: (done: number, total: number) => void,
) {
  const pending = await pendingDays(db)
  const months = new Map<string, { centerId: number; month: string }>()
  for (const [index, { centerId, day }] of pending.entries()) {
    await rollCenterDay(db, centerId, day)
    months.set(`${centerId}/${day.slice(0, 7)}`, { centerId, month: day.slice(0, 7) })
    onProgress?.(index + 1, pending.length)
  }
  // Each month once, after its days: a rebuild sums every month once, not once a day.
  for (const { centerId, month } of months.values()) await rollCenterMonth(db, centerId, month)
  return pending.length
}

/** Takes the refresher's lease unless another API instance holds it. */
async function takeLease(db: Kysely<Database>, now: number) {
  const taken = await db
    .updateTable('kpi_rollup_cursor')
    .set({ lease_until: now + leaseMs })
    .where('id', '=', 1)
    .where('lease_until', '<', now)
    .executeTakeFirst()
  return Number(taken.numUpdatedRows) === 1
}

async function releaseLease(db: Kysely<Database>) {
  await db.updateTable('kpi_rollup_cursor').set({ lease_until: 0 }).where('id', '=', 1).execute()
}

/** One round: mark what the new events changed, then roll up the changed days that are over. */
export async function refreshRollups(db: Kysely<Database>, now = Date.now()) {
  if (!(await takeLease(db, now))) return { rolled: 0, leased: false }
  try {
    for (let round = await markChangedDays(db, now); round.more;)
      round = await markChangedDays(db, now)
    return { rolled: await rollPendingDays(db), leased: true }
  } finally {
    await releaseLease(db)
  }
}
