import type { DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import {
  type ServiceMeasures,
  SeededRandom,
  addCalendarDays,
  addPresence,
  addServiceMeasures,
  emptyPresence,
  emptyServiceMeasures,
  kpisOf,
  rollupDay,
  shanghaiInstant,
} from '@onewindow/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCatalogFixture } from '../../testing/catalog-fixture.ts'
import { insertFixture } from '../../testing/fixture.ts'
import { rangeKpis } from './dashboard-kpis.ts'
import { insertCase, insertRating, insertVisit } from './dashboards.testing.ts'
import { type Grain, serviceSums, splitMonths } from './kpi-source.ts'
import { readDayActivity } from './rollup-read.ts'
import { rebuildRollups, verifyRollups } from './rollup-maintenance.ts'

/*
 * On random days of two centers, every figure read from the rollups equals the same figure
 * computed straight from the base rows, for random ranges and groupings.
 */
// Five weeks across a whole month (September), so monthly tables are read as well as daily ones.
const firstDay = '2026-08-30'
const dayCount = 35
const days = Array.from({ length: dayCount }, (_, i) => addCalendarDays(firstDay, i))
const people = [
  { centerId: 1, counterId: 1, staffId: 4 },
  { centerId: 1, counterId: 2, staffId: 2 },
  { centerId: 2, counterId: 3, staffId: 6 },
]
const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`

async function randomHistory(database: DatabaseHandle, random: SeededRandom) {
  const db = database.db
  for (const day of days) {
    for (const person of people) {
      const opens = random.int(480, 540)
      await db
        .insertInto('counter_session_log')
        .values({
          center_id: person.centerId,
          counter_id: person.counterId,
          staff_id: person.staffId,
          opened_at: shanghaiInstant(day, clock(opens)),
          closed_at: shanghaiInstant(day, clock(opens + random.int(120, 480))),
        })
        .execute()
      if (random.next() < 0.6) {
        const starts = random.int(600, 900)
        await db
          .insertInto('counter_pause')
          .values({
            center_id: person.centerId,
            counter_id: person.counterId,
            staff_id: person.staffId,
            reason: random.pick(['lunch', 'training', 'meeting', 'other'] as const),
            started_at: shanghaiInstant(day, clock(starts)),
            ended_at: shanghaiInstant(day, clock(starts + random.int(5, 60))),
          })
          .execute()
      }
      for (let visit = random.int(1, 4); visit > 0; visit--) {
        const item = random.pick([1, 2] as const)
        const issued = random.int(540, 960)
        const called = issued + random.int(0, 45)
        const start = called + random.int(0, 2)
        const finish = start + random.int(2, 30)
        const where = {
          centerId: person.centerId,
          counterId: person.counterId,
          staffId: person.staffId,
        }
        const fate = random.next()
        if (fate < 0.1) {
          await insertVisit(db, {
            ...where,
            counterId: null,
            staffId: null,
            day,
            item,
            issued: clock(issued),
          })
        } else if (fate < 0.2) {
          await insertVisit(db, {
            ...where,
            day,
            item,
            issued: clock(issued),
            called: clock(called),
            status: 'no_show',
          })
        } else {
          const consultation = fate < 0.3
          const ticketId = await insertVisit(db, {
            ...where,
            day,
            item,
            issued: clock(issued),
            called: clock(called),
            start: clock(start),
            finish: clock(finish),
            outcome: consultation ? 'consultation' : 'case',
          })
          if (random.next() < 0.4) await insertRating(db, ticketId, random.int(1, 5))
          if (fate > 0.9) {
            await insertVisit(db, {
              ...where,
              day,
              item: 2,
              transferredFromId: ticketId,
              issued: clock(finish),
              called: clock(finish + 3),
              start: clock(finish + 3),
              finish: clock(finish + 10),
            })
          }
          if (consultation) continue
          const acceptedAt = shanghaiInstant(day, clock(finish))
          const deadlineDay = item === 2 ? random.pick(days) : null
          const outcome = random.next()
          await insertCase(db, {
            ...where,
            item,
            acceptedAt,
            deadlineDay,
            completedAt:
              item === 1
                ? acceptedAt
                : outcome < 0.7
                  ? acceptedAt + random.int(1, 9 * 24) * 3_600_000
                  : null,
            status: item === 2 && outcome > 0.9 ? 'rejected' : undefined,
          })
        }
      }
    }
  }
}

/** The same sums from the base rows: each day of the range rolled up in memory. */
async function rawSums(
  database: DatabaseHandle,
  centerIds: number[],
  from: string,
  to: string,
  by: Grain[],
) {
  const groups = new Map<string, ServiceMeasures>()
  const presence = emptyPresence()
  const waits = new Map<number, number>()
  for (const centerId of centerIds) {
    for (let day = from; day <= to; day = addCalendarDays(day, 1)) {
      const rollup = rollupDay(await readDayActivity(database.db, centerId, day, Date.now()))
      for (const row of rollup.detail) {
        const fields = {
          center: centerId,
          day,
          skill: row.skillId,
          counter: row.counterId,
          staff: row.staffId,
          item: row.serviceItemId,
        }
        const key = JSON.stringify(Object.fromEntries(by.map((grain) => [grain, fields[grain]])))
        groups.set(key, addServiceMeasures(groups.get(key) ?? emptyServiceMeasures(), row.service))
      }
      for (const row of rollup.presence) addPresence(presence, row.presence)
      for (const [minute, calls] of rollup.waits)
        waits.set(minute, (waits.get(minute) ?? 0) + calls)
    }
  }
  return { groups, presence, waits }
}

describe.each(testDialects)('rollups equal the base rows on %s', (dialect) => {
  let database: DatabaseHandle
  const random = new SeededRandom(dialect === 'sqlite' ? 8 : 9)

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    await insertCatalogFixture(database.db)
    await randomHistory(database, random)
    await rebuildRollups(database.db)
  }, 60_000)
  afterAll(() => database.destroy())

  it('agrees with the base tables by the independent check', async () => {
    const report = await verifyRollups(database.db)
    expect(report).toMatchObject({ pending: 0, mismatches: [] })
    expect(report.centerDays).toBe(2 * dayCount)
  })

  it('gives the raw figures for random ranges and groupings', async () => {
    const groupings: Grain[][] = [
      [],
      ['center'],
      ['day'],
      ['skill'],
      ['counter'],
      ['staff', 'day'],
      ['item'],
    ]
    for (let trial = 0; trial < 16; trial++) {
      // The first trial spans everything: two partial months around a whole one.
      const start = trial === 0 ? 0 : random.int(0, dayCount - 1)
      const from = days[start]!
      const to = days[trial === 0 ? dayCount - 1 : random.int(start, dayCount - 1)]!
      const centerId = random.pick([1, 2, null])
      const by = trial === 0 ? ['item' as const] : random.pick(groupings)
      const fromRollups = await serviceSums(database.db, { centerId, from, to }, by)
      const raw = await rawSums(database, centerId === null ? [1, 2] : [centerId], from, to, by)
      // Rows of counter time alone (kpi_member_day) are groups of zeros: the same as no group.
      const rolled = new Map(
        fromRollups
          .filter((group) => Object.values(group.value).some((value) => value !== 0))
          .map((group) => [JSON.stringify(group.key), group.value]),
      )
      expect(new Set(rolled.keys()), `${from}..${to} by ${by}`).toEqual(new Set(raw.groups.keys()))
      for (const [key, measures] of raw.groups) {
        const got = rolled.get(key)!
        for (const [name, value] of Object.entries(measures)) {
          expect(got[name as keyof ServiceMeasures], `${key} ${name}`).toBeCloseTo(value, 9)
        }
      }
      const total = [...raw.groups.values()].reduce(addServiceMeasures, emptyServiceMeasures())
      expect(await rangeKpis(database.db, { centerId, from, to })).toEqual(
        kpisOf(total, raw.waits, raw.presence),
      )
    }
  })
})

describe('splitMonths', () => {
  it('reads whole months from monthly tables and the days around them from daily ones', () => {
    expect(splitMonths('2026-08-30', '2026-10-03', '2026-11-27')).toEqual({
      months: ['2026-09'],
      stretches: [
        { from: '2026-08-30', to: '2026-08-31' },
        { from: '2026-10-01', to: '2026-10-03' },
      ],
    })
    // The month of today is never whole: its days come from the daily table up to yesterday.
    expect(splitMonths('2026-10-01', '2026-11-30', '2026-11-27')).toEqual({
      months: ['2026-10'],
      stretches: [{ from: '2026-11-01', to: '2026-11-26' }],
    })
    expect(splitMonths('2025-12-01', '2026-01-31', '2026-11-27').months).toEqual([
      '2025-12',
      '2026-01',
    ])
    expect(splitMonths('2026-11-27', '2026-11-27', '2026-11-27')).toEqual({
      months: [],
      stretches: [],
    })
  })
})
