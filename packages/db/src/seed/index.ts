import type { Kysely } from 'kysely'
import { hashPassword } from '../passwords.ts'
import type { Database } from '../tables.ts'
import { sealIdNumber } from '../id-numbers.ts'
import type { GeneratedCase } from './history-day.ts'
import { demoPassword } from './demo-accounts.ts'
import { type DemoData, generateDemoData } from './generate.ts'
import { generateAppointments } from './appointments.ts'
import { type HistoryRows, generateHistory } from './history.ts'
import { type EvaluationRows, generateEvaluations } from './history-evaluations.ts'
import { demoAuditPlan } from './audit-plan.ts'
import { plantGaming } from './history-anomalies.ts'
import { enrolDemoAccounts } from './demo-two-factor.ts'

export { demoAccounts, demoPassword, demoTwoFactorSecret } from './demo-accounts.ts'
export { enrolDemoAccounts } from './demo-two-factor.ts'
export { type DemoData, generateDemoData } from './generate.ts'
export { randomApplicant } from './history-cases.ts'
export { generateHistory } from './history.ts'

export const defaultSeed = 1

/** Tables the demo seed fills, parents before children. */
const seededTables = [
  'district',
  'center',
  'department',
  'skill',
  'service_item',
  'counter',
  'counter_skill',
  'staff',
  'staff_skill',
  'calendar_day',
] as const satisfies readonly (keyof DemoData & keyof Database)[]

/** Queue history tables, filled after the district when history is asked for. */
const historyTables = [
  'ticket',
  'ticket_event',
  'ticket_sequence',
  'service_case',
  'case_event',
  'counter_session_log',
  'counter_pause',
  'evaluation',
  'evaluation_follow_up',
] as const satisfies readonly (keyof (HistoryRows & EvaluationRows) & keyof Database)[]

type SeededTable = (typeof seededTables)[number] | (typeof historyTables)[number] | 'appointment'

/** Every table holding data, parents before children; clearing walks it backwards. */
const dataTables = [
  ...seededTables,
  'service_item_center',
  'kiosk',
  'counter_session',
  'counter_focus',
  'counter_session_log',
  'counter_pause',
  'ticket',
  'ticket_event',
  'ticket_sequence',
  'service_case',
  'case_event',
  'appointment',
  'evaluation',
  'evaluation_follow_up',
  'roster',
  'roster_shift',
  'published_shift',
  'leave_request',
  'quota',
  'quota_usage',
  'audit_plan',
  'audit_sample',
  'audit_task',
  'audit_finding',
  'kpi_day',
  'kpi_skill_day',
  'kpi_center_day',
  'kpi_member_day',
  'kpi_item_day',
  'kpi_item_month',
  'kpi_wait_month',
  'kpi_wait_day',
  'kpi_arrival_hour',
  'kpi_rollup_day',
  'anomaly_flag',
  'anomaly_flag_ref',
  'anomaly_day',
  'staff_two_factor',
  'login_challenge',
  'session',
  'operation_log',
] as const

export interface SeedSummary {
  seed: number
  counts: Record<SeededTable, number>
  elapsedMs: number
}

// Well below the bind-parameter limits of SQLite (32766) and MySQL (65535) for our widest table.
const chunkSize = 500

export async function isSeeded(db: Kysely<Database>): Promise<boolean> {
  const district = await db.selectFrom('district').select('id').limit(1).executeTakeFirst()
  return district !== undefined
}

/** Fills an empty database with the demo district of one seed, in one transaction. */
export async function seedDemoData(
  db: Kysely<Database>,
  options: {
    seed?: number
    /** Also generate 90 days of queue history before `now` (default true). */
    history?: boolean
    /** The seed's "today", epoch ms; fixed in tests so the history is reproducible. */
    now?: number
  } = {},
): Promise<SeedSummary> {
  const started = performance.now()
  const seed = options.seed ?? defaultSeed
  const now = options.now ?? Date.now()
  const passwordHash = await hashPassword(demoPassword)
  const data = generateDemoData(seed, { passwordHash, now })
  const history: HistoryRows & EvaluationRows =
    (options.history ?? true)
      ? withEvaluations(data, generateHistory(data, seed, now), seed, now)
      : {
          evaluation: [],
          evaluation_follow_up: [],
          ticket: [],
          ticket_event: [],
          ticket_sequence: [],
          service_case: [],
          case_event: [],
          counter_session_log: [],
          counter_pause: [],
        }
  const appointments = (options.history ?? true) ? generateAppointments(data, seed, now) : []
  const cases = history.service_case.map(sealApplicantIdNumber)
  const rowsOf = (table: SeededTable): readonly object[] => {
    if (table === 'appointment') return appointments
    if (table === 'service_case') return cases
    return table in history ? history[table as keyof HistoryRows] : data[table as keyof DemoData]
  }

  await db.transaction().execute(async (trx) => {
    if (await isSeeded(trx)) {
      throw new Error('The database already holds a district: clear it before seeding again.')
    }
    for (const table of [...seededTables, ...historyTables, 'appointment'] as const) {
      const rows = rowsOf(table)
      for (let start = 0; start < rows.length; start += chunkSize) {
        await trx
          .insertInto(table)
          .values(rows.slice(start, start + chunkSize) as never)
          .execute()
      }
    }
    const auditPlan = demoAuditPlan(data, now)
    if (auditPlan.length > 0) await trx.insertInto('audit_plan').values(auditPlan).execute()
    await enrolDemoAccounts(trx, data.staff, now)
  })

  const counts = Object.fromEntries(
    [...seededTables, ...historyTables, 'appointment' as const].map((t) => [t, rowsOf(t).length]),
  )
  return {
    seed,
    counts: counts as Record<SeededTable, number>,
    elapsedMs: Math.round(performance.now() - started),
  }
}

/** A generated case as stored: its applicant's ID number encrypted, with the lookup hash. */
function sealApplicantIdNumber({ applicant_id_number, ...row }: GeneratedCase) {
  const sealed = sealIdNumber(applicant_id_number)
  return {
    ...row,
    applicant_id_number_encrypted: sealed.encrypted,
    applicant_id_number_hash: sealed.hash,
  }
}

function withEvaluations(data: DemoData, history: HistoryRows, seed: number, now: number) {
  return plantGaming(
    data,
    { ...history, ...generateEvaluations(data, history, seed, now) },
    seed,
    now,
  )
}

/** Deletes every row of every table and restarts the operation log chain. */
export async function clearAllData(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const table of [...dataTables].reverse()) await trx.deleteFrom(table).execute()
    await trx.deleteFrom('operation_log_head').execute()
    await trx
      .insertInto('operation_log_head')
      .values({ id: 1, last_seq: 0, last_hash: '0'.repeat(64) })
      .execute()
    await trx
      .updateTable('kpi_rollup_cursor')
      .set({
        ticket_event_id: 0,
        case_event_id: 0,
        evaluation_id: 0,
        appeal_decided_at: 0,
        lease_until: 0,
      })
      .execute()
    await trx
      .updateTable('anomaly_schedule')
      .set({ computed_through: null, lease_until: 0 })
      .execute()
  })
}
