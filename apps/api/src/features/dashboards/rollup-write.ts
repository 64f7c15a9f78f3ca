import type { Database } from '@onewindow/db'
import {
  type DayRollup,
  addPresence,
  addServiceMeasures,
  emptyPresence,
  emptyServiceMeasures,
  rollupDay,
  sumDetail,
} from '@onewindow/domain'
import type { Kysely, Transaction } from 'kysely'
import { presenceColumnsOf, serviceColumnsOf } from './measure-columns.ts'
import { readDayActivity } from './rollup-read.ts'

/** The daily rollup tables of one center-day, in the order they are rewritten. */
const rollupTables = [
  'kpi_day',
  'kpi_center_day',
  'kpi_skill_day',
  'kpi_member_day',
  'kpi_item_day',
  'kpi_wait_day',
  'kpi_arrival_hour',
] as const
type RollupTable = (typeof rollupTables)[number]

// Well below both databases' bind-parameter limits for the widest table's 27 columns.
const chunkSize = 400

async function insertChunked(trx: Transaction<Database>, table: RollupTable, rows: object[]) {
  for (let start = 0; start < rows.length; start += chunkSize) {
    await trx
      .insertInto(table)
      .values(rows.slice(start, start + chunkSize) as never)
      .execute()
  }
}

/** Each counter × person's measures with their counter time (either may be missing). */
function byMember(rollup: DayRollup) {
  const members = new Map<string, { counterId: number; staffId: number }>()
  const service = sumDetail(rollup.detail, ({ counterId, staffId }) => `${counterId}/${staffId}`)
  const presence = new Map(rollup.presence.map((row) => [`${row.counterId}/${row.staffId}`, row]))
  for (const { counterId, staffId } of [...rollup.detail, ...rollup.presence]) {
    members.set(`${counterId}/${staffId}`, { counterId, staffId })
  }
  return [...members].map(([key, member]) => ({
    ...member,
    ...serviceColumnsOf(service.get(key) ?? emptyServiceMeasures()),
    ...presenceColumnsOf(presence.get(key)?.presence ?? emptyPresence()),
  }))
}

/** Replaces a center-day's rows in every rollup table and marks it current, in one transaction. */
async function writeDayRollup(
  trx: Transaction<Database>,
  centerId: number,
  day: string,
  rollup: DayRollup,
  rolledAt: number,
) {
  for (const table of rollupTables) {
    await trx.deleteFrom(table).where('center_id', '=', centerId).where('day', '=', day).execute()
  }
  const key = { center_id: centerId, day }
  const detail = rollup.detail.map((row) => ({
    ...key,
    counter_id: row.counterId,
    staff_id: row.staffId,
    service_item_id: row.serviceItemId,
    skill_id: row.skillId,
    ...serviceColumnsOf(row.service),
  }))
  const total = rollup.detail.reduce(
    (sum, row) => addServiceMeasures(sum, row.service),
    emptyServiceMeasures(),
  )
  const presence = rollup.presence.reduce(
    (sum, row) => addPresence(sum, row.presence),
    emptyPresence(),
  )
  const rows: [RollupTable, object[]][] = [
    ['kpi_day', detail],
    ['kpi_center_day', [{ ...key, ...serviceColumnsOf(total), ...presenceColumnsOf(presence) }]],
    [
      'kpi_skill_day',
      [...sumDetail(rollup.detail, (row) => row.skillId)].map(([skillId, service]) => ({
        ...key,
        skill_id: skillId,
        ...serviceColumnsOf(service),
      })),
    ],
    ['kpi_member_day', byMember(rollup).map((member) => ({ ...key, ...memberColumns(member) }))],
    [
      'kpi_item_day',
      [...sumDetail(rollup.detail, (row) => row.serviceItemId)].map(([itemId, service]) => ({
        ...key,
        service_item_id: itemId,
        ...serviceColumnsOf(service),
      })),
    ],
    [
      'kpi_wait_day',
      [...rollup.waits].map(([minute, calls]) => ({ ...key, wait_minute: minute, calls })),
    ],
    ['kpi_arrival_hour', [...rollup.arrivals].map(([hour, visits]) => ({ ...key, hour, visits }))],
  ]
  for (const [table, tableRows] of rows) await insertChunked(trx, table, tableRows)
  await trx
    .deleteFrom('kpi_rollup_day')
    .where('center_id', '=', centerId)
    .where('day', '=', day)
    .execute()
  await trx
    .insertInto('kpi_rollup_day')
    .values({ ...key, rolled_at: rolledAt })
    .execute()
}

const memberColumns = ({
  counterId,
  staffId,
  ...columns
}: ReturnType<typeof byMember>[number]) => ({
  counter_id: counterId,
  staff_id: staffId,
  ...columns,
})

/** Rolls one center-day up from its base rows as they are now. */
export async function rollCenterDay(
  db: Kysely<Database>,
  centerId: number,
  day: string,
  now = Date.now(),
) {
  const rollup = rollupDay(await readDayActivity(db, centerId, day, now))
  await db.transaction().execute((trx) => writeDayRollup(trx, centerId, day, rollup, now))
}
