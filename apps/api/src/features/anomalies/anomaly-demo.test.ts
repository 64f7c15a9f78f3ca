import { anomalyKinds } from '@onewindow/contracts'
import { type DatabaseHandle, migrateToLatest, openDatabase } from '@onewindow/db'
import { seedDemoData } from '@onewindow/db/seed'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { computePendingDays } from './anomaly-scheduler.ts'

// Noon in Shanghai on a Thursday: the seed's "today", fixed so the history is reproducible.
const now = Date.UTC(2026, 10, 26, 4)

describe('anomaly flags of the demo district', () => {
  let database: DatabaseHandle
  beforeAll(async () => {
    database = openDatabase('file::memory:')
    await migrateToLatest(database.db)
    await seedDemoData(database.db, { seed: 1, now })
  }, 120_000)
  afterAll(() => database.destroy())

  it('finds the gaming planted in the first center’s last days, and little else', async () => {
    expect(await computePendingDays(database.db, now)).toEqual({ leased: true, centerDays: 540 })
    const flags = await database.db
      .selectFrom('anomaly_flag')
      .select(['center_id', 'day', 'kind'])
      .execute()
    const recent = flags.filter((f) => f.center_id === 1 && f.day >= '2026-11-20')
    for (const kind of anomalyKinds.filter((k) => k !== 'idlePause')) {
      expect(recent.map((f) => f.kind)).toContain(kind)
    }
    // Ordinary variation flags now and then: a few a month per center, not every day.
    expect(flags.length).toBeLessThan(60)
  }, 60_000)
})
