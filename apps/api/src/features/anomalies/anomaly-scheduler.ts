import { shanghaiToday } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { addCalendarDays } from '@onewindow/domain'
import type { Kysely } from 'kysely'
import { runPeriodically } from '../../periodic.ts'
import { computeCenterDay } from './anomaly-write.ts'

/*
 * Flags are computed once a day for the day before, for every center. The schedule row says how
 * far the run got, so a server that was down catches up, and its lease keeps a second API
 * instance from computing the same days at the same time.
 */

const leaseMs = 10 * 60_000
/** The first run (a fresh install or seed) goes back this far into the history. */
export const anomalyBackfillDays = 90

async function takeLease(db: Kysely<Database>, now: number) {
  const taken = await db
    .updateTable('anomaly_schedule')
    .set({ lease_until: now + leaseMs })
    .where('id', '=', 1)
    .where('lease_until', '<', now)
    .executeTakeFirst()
  return Number(taken.numUpdatedRows) === 1
}

/** The oldest day of queue history within the backfill, or null without any. */
async function firstHistoryDay(db: Kysely<Database>, yesterday: string) {
  const oldest = await db
    .selectFrom('ticket')
    .select((eb) => eb.fn.min('day').as('day'))
    .where('day', '>=', addCalendarDays(yesterday, 1 - anomalyBackfillDays))
    .executeTakeFirst()
  return (oldest?.day as string | null | undefined) ?? null
}

/**
 * Computes every center's days after the last one computed, up to yesterday; the first run
 * starts at the oldest history of the backfill. Returns how many center-days it computed.
 */
export async function computePendingDays(db: Kysely<Database>, now = Date.now()) {
  if (!(await takeLease(db, now))) return { leased: false, centerDays: 0 }
  try {
    const yesterday = addCalendarDays(shanghaiToday(now), -1)
    const { computed_through: through } = await db
      .selectFrom('anomaly_schedule')
      .select('computed_through')
      .where('id', '=', 1)
      .executeTakeFirstOrThrow()
    const from = through ? addCalendarDays(through, 1) : await firstHistoryDay(db, yesterday)
    const centers = await db.selectFrom('center').select('id').orderBy('id').execute()
    let centerDays = 0
    for (let day = from ?? yesterday; day <= yesterday; day = addCalendarDays(day, 1)) {
      for (const center of centers) await computeCenterDay(db, center.id, day, now)
      centerDays += centers.length
      await db
        .updateTable('anomaly_schedule')
        .set({ computed_through: day, lease_until: Date.now() + leaseMs })
        .where('id', '=', 1)
        .execute()
    }
    return { leased: true, centerDays }
  } finally {
    await db.updateTable('anomaly_schedule').set({ lease_until: 0 }).where('id', '=', 1).execute()
  }
}

/**
 * Checks every `intervalMs` whether yesterday's flags are due and computes them (on first start,
 * the history's). A slow round makes the next one skip.
 */
export function startAnomalyScheduler(db: Kysely<Database>, intervalMs = 15 * 60_000) {
  const round = async () => {
    const { centerDays } = await computePendingDays(db)
    if (centerDays > 1) console.log(`Computed the anomaly flags of ${centerDays} center-days.`)
  }
  return runPeriodically('anomaly flags', intervalMs, round, { runNow: true })
}
