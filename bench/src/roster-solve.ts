/**
 * The roster solver on the worked example and on generated weeks (Monday–Saturday, 6 skills):
 * model size, when the first roster appears, when it is within 1% of the proven bound, and how
 * the solve ends (optimal, or the gap left at the time limit).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildRosterInstance } from '@onewindow/api/features/roster/roster-instance.service.ts'
import { type RosterInstance, shanghaiToday } from '@onewindow/contracts'
import { createTestDatabase } from '@onewindow/db/testing'
import { seedDemoData } from '@onewindow/db/seed'
import {
  addCalendarDays,
  generateRosterInstance,
  parseRosterInstance,
  solveRoster,
  weekdayOf,
} from '@onewindow/domain'

const timeLimitSeconds = Number(process.env.ROSTER_TIME_LIMIT ?? 60)
const example = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '../../packages/domain/src/roster/fixtures/roster-example.json'),
    'utf8',
  ),
) as RosterInstance

/** Next week's problem of the demo center with the most window staff, from the seeded history. */
async function largestDemoCenter() {
  const database = await createTestDatabase('sqlite')
  await seedDemoData(database.db)
  const largest = await database.db
    .selectFrom('staff')
    .select(['center_id', (eb) => eb.fn.countAll<number>().as('staff')])
    .where('role', '=', 'staff')
    .groupBy('center_id')
    .orderBy('staff', 'desc')
    .executeTakeFirstOrThrow()
  const today = shanghaiToday()
  const monday = addCalendarDays(today, 8 - weekdayOf(today))
  const { instance } = await buildRosterInstance(database.db, largest.center_id!, monday)
  await database.destroy()
  return instance
}

const demo = await largestDemoCenter()
const cases: { name: string; instance: RosterInstance }[] = [
  { name: 'worked example (10 staff)', instance: example },
  {
    name: `demo ${demo.center} (${demo.staff.length} staff, ${demo.skills.length} skills)`,
    instance: demo,
  },
  ...[20, 30].map((staff) => ({
    name: `generated ${staff} staff`,
    instance: generateRosterInstance({ staff, skills: 6, seed: 1 }),
  })),
  ...[1, 2, 3, 4].map((seed) => ({
    name: `generated 40 staff #${seed}`,
    instance: generateRosterInstance({ staff: 40, skills: 6, seed }),
  })),
]

const seconds = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)} s`)
console.log(`roster solve, HiGHS, time limit ${timeLimitSeconds} s`)
console.log(
  'case                          columns  rows  integers  first roster  ≤1% gap  status      time    gap    objective',
)
for (const { name, instance } of cases) {
  let firstRoster: number | null = null
  let withinOnePercent: number | null = null
  const result = await solveRoster(parseRosterInstance(instance), {
    timeLimitSeconds,
    onProgress: (progress) => {
      if (progress.objective !== null) firstRoster ??= progress.seconds
      if (progress.gap !== null && progress.gap <= 0.01) withinOnePercent ??= progress.seconds
    },
  })
  const { solver } = result.solution
  if (solver?.status === 'optimal') withinOnePercent ??= solver.seconds ?? null
  const gap =
    solver?.gap === null || solver?.gap === undefined ? '—' : `${(solver.gap * 100).toFixed(2)}%`
  console.log(
    [
      name.padEnd(28),
      String(result.size.columns).padStart(8),
      String(result.size.rows).padStart(6),
      String(result.size.integers).padStart(9),
      seconds(firstRoster).padStart(13),
      seconds(withinOnePercent).padStart(8),
      ` ${solver?.status ?? ''}`.padEnd(11),
      seconds(solver?.seconds ?? null).padStart(7),
      gap.padStart(7),
      String(result.score.objective).padStart(12),
    ].join(' '),
  )
}
