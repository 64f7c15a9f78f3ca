import type { DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { shanghaiInstant } from '@onewindow/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCatalogFixture } from '../../testing/catalog-fixture.ts'
import { insertFixture } from '../../testing/fixture.ts'
import { computePendingDays } from './anomaly-scheduler.ts'
import { insertDayTicket } from './anomalies.testing.ts'

describe.each(testDialects)('the daily anomaly run on %s', (dialect) => {
  let database: DatabaseHandle
  const schedule = () =>
    database.db.selectFrom('anomaly_schedule').selectAll().executeTakeFirstOrThrow()
  const computedDays = async () =>
    (
      await database.db
        .selectFrom('anomaly_day')
        .select(['center_id', 'day'])
        .orderBy('day')
        .orderBy('center_id')
        .execute()
    ).map((row) => `${row.center_id}/${row.day}`)

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    await insertCatalogFixture(database.db)
    for (const time of ['09:00', '09:10', '09:20']) {
      await insertDayTicket(database.db, '2026-11-18', { time, serving: 1 })
    }
    // Older than the 90 days the first run looks back: never computed.
    await insertDayTicket(database.db, '2026-06-01', { serving: 1 })
  })
  afterAll(() => database.destroy())

  it('first computes every center from the oldest recent history up to yesterday', async () => {
    const now = shanghaiInstant('2026-11-20', '02:00')
    expect(await computePendingDays(database.db, now)).toEqual({ leased: true, centerDays: 4 })
    expect(await computedDays()).toEqual([
      '1/2026-11-18',
      '2/2026-11-18',
      '1/2026-11-19',
      '2/2026-11-19',
    ])
    expect(await schedule()).toMatchObject({ computed_through: '2026-11-19', lease_until: 0 })
    const flags = await database.db.selectFrom('anomaly_flag').select(['day', 'kind']).execute()
    expect(flags).toEqual([{ day: '2026-11-18', kind: 'shortService' }])
  })

  it('then only the days since, once a day, and never while another instance holds the lease', async () => {
    const sameDay = shanghaiInstant('2026-11-20', '23:00')
    expect(await computePendingDays(database.db, sameDay)).toEqual({
      leased: true,
      centerDays: 0,
    })
    const nextDay = shanghaiInstant('2026-11-21', '01:00')
    await database.db
      .updateTable('anomaly_schedule')
      .set({ lease_until: nextDay + 60_000 })
      .execute()
    expect(await computePendingDays(database.db, nextDay)).toEqual({
      leased: false,
      centerDays: 0,
    })
    expect((await schedule()).computed_through).toBe('2026-11-19')
    await database.db.updateTable('anomaly_schedule').set({ lease_until: 0 }).execute()
    expect(await computePendingDays(database.db, nextDay)).toEqual({ leased: true, centerDays: 2 })
    expect((await computedDays()).slice(-2)).toEqual(['1/2026-11-20', '2/2026-11-20'])
  })
})
