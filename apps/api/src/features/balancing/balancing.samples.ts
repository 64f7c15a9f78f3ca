import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'
import { insertSpareStaff } from '../../testing/samples.ts'

/*
 * Valid inputs of the balancing procedures for the generated permission tests (see
 * permissions.test.ts): a focus needs a counter of center 1 with someone certified at it.
 */
type Db = Kysely<Database>
let serial = 0
const next = () => `${process.pid}-${++serial}`

/** A fresh dedicated counter of center 1 (skill 2 only) with a person certified in skill 1. */
async function staffedCounter(db: Db) {
  const staffId = await insertSpareStaff(db, `balancing-${next()}`)
  await db
    .insertInto('staff_skill')
    .values({ staff_id: staffId, skill_id: 1, level: 2, certified_on: '2025-01-01' })
    .execute()
  const counter = await db
    .insertInto('counter')
    .values({
      center_id: 1,
      code: `F${next()}`,
      name: '调度样例',
      kind: 'dedicated',
      status: 'open',
    })
    .executeTakeFirstOrThrow()
  const counterId = Number(counter.insertId)
  await db.insertInto('counter_skill').values({ counter_id: counterId, skill_id: 2 }).execute()
  await db
    .insertInto('counter_session')
    .values({
      counter_id: counterId,
      staff_id: staffId,
      opened_at: Date.now(),
      paused_at: null,
      pause_reason: null,
      auto_call_seconds: null,
    })
    .execute()
  return counterId
}

export const balancingSamples: Record<string, unknown> = {
  'balancing.overview': { centerId: 1 },
  'balancing.changes': { centerId: 1 },
  'balancing.setFocus': async (db: Db) => ({
    centerId: 1,
    counterId: await staffedCounter(db),
    skillId: 1,
    minutes: 60,
  }),
  'balancing.clearFocus': async (db: Db) => {
    const counterId = await staffedCounter(db)
    await db
      .insertInto('counter_focus')
      .values({
        counter_id: counterId,
        skill_id: 1,
        until: Date.now() + 3_600_000,
        set_by: 2,
        set_at: 0,
      })
      .execute()
    return { centerId: 1, counterId }
  },
}
