import type { Database } from '@onewindow/db'
import { CompiledQuery, type Kysely } from 'kysely'

/** The columns written per table, in the order rows list their values. */
export const columns = {
  ticket: [
    'id',
    'center_id',
    'day',
    'number',
    'service_item_id',
    'skill_id',
    'status',
    'priority',
    'appointment_at',
    'issued_at',
    'queued_since',
    'called_at',
    'serving_started_at',
    'finished_at',
    'counter_id',
    'staff_id',
    'target_staff_id',
    'recall_count',
    'outcome',
    'outcome_note',
    'transferred_from_id',
    'resident_name',
    'resident_id_number_encrypted',
    'resident_id_number_hash',
  ],
  service_case: [
    'id',
    'center_id',
    'ticket_id',
    'service_item_id',
    'staff_id',
    'counter_id',
    'kind',
    'accepted_at',
    'idempotency_key',
    'department_id',
    'note',
    'applicant_name',
    'applicant_id_number_encrypted',
    'applicant_id_number_hash',
    'applicant_phone',
    'status',
    'deadline_day',
    'completed_at',
    'assignee_id',
    'paused_at',
    'delivered_at',
    'delivered_center_id',
    'updated_at',
  ],
  counter_session_log: ['id', 'center_id', 'counter_id', 'staff_id', 'opened_at', 'closed_at'],
  counter_pause: ['id', 'center_id', 'counter_id', 'staff_id', 'reason', 'started_at', 'ended_at'],
} as const satisfies Partial<Record<keyof Database, readonly string[]>>

export type Table = keyof typeof columns

/** Tables whose rows refer to another's: that one's buffer is written first. */
const parentOf: Partial<Record<Table, Table>> = { service_case: 'ticket' }

/** One connection's queue of statements, and whether it is inside a transaction. */
interface Lane {
  connection: Kysely<Database>
  chain: Promise<unknown>
  pending: number
  open: boolean
}

/**
 * Multi-row INSERTs, one statement per `batchRows` rows. Statements run in the background while
 * the caller goes on generating; `settle()` waits until few are left, so memory stays bounded.
 * On one connection they keep their order and are grouped into transactions ended by
 * `commit()`. Several connections (MySQL with key checks off) take each statement as it comes,
 * the least busy first, and commit each on its own: a transaction held open on one would make
 * the others wait (MariaDB locks a whole empty table for a bulk insert until commit).
 */
export class BatchWriter {
  private readonly buffers = new Map<Table, { values: unknown[]; rows: number }>()
  private readonly statements = new Map<Table, string>()
  private readonly lanes: Lane[]

  constructor(
    connections: readonly Kysely<Database>[],
    private readonly batchRows = 1000,
  ) {
    this.lanes = connections.map((connection) => ({
      connection,
      chain: Promise.resolve(),
      pending: 0,
      open: false,
    }))
  }

  add(table: Table, row: readonly unknown[]): void {
    const buffer = this.buffers.get(table) ?? { values: [], rows: 0 }
    this.buffers.set(table, buffer)
    for (const value of row) buffer.values.push(value)
    if (++buffer.rows >= this.batchRows) this.flush(table)
  }

  /** Writes what is buffered and ends the transaction; the next rows start another. */
  commit(): void {
    for (const table of Object.keys(columns) as Table[]) this.flush(table)
    for (const lane of this.lanes) {
      if (lane.open) this.run(lane, 'commit')
      lane.open = false
    }
  }

  async settle(maxPending = 2): Promise<void> {
    for (const lane of this.lanes) {
      while (lane.pending > maxPending) await lane.chain
    }
  }

  async finish(): Promise<void> {
    this.commit()
    for (const lane of this.lanes) await lane.chain
  }

  private flush(table: Table): void {
    const buffer = this.buffers.get(table)
    if (!buffer || buffer.rows === 0) return
    const parent = parentOf[table]
    if (parent) this.flush(parent)
    const lane = this.lanes.reduce((best, l) => (l.pending < best.pending ? l : best))
    if (!lane.open && this.lanes.length === 1) {
      this.run(lane, 'begin')
      lane.open = true
    }
    this.run(lane, this.insertSql(table, buffer.rows), buffer.values)
    this.buffers.delete(table)
  }

  private insertSql(table: Table, rows: number): string {
    const cached = rows === this.batchRows ? this.statements.get(table) : undefined
    if (cached) return cached
    const tuple = `(${columns[table].map(() => '?').join(',')})`
    const statement = `insert into ${table} (${columns[table].join(',')}) values ${Array(rows).fill(tuple).join(',')}`
    if (rows === this.batchRows) this.statements.set(table, statement)
    return statement
  }

  private run(lane: Lane, statement: string, values: unknown[] = []): void {
    lane.pending++
    const query = CompiledQuery.raw(statement, values)
    lane.chain = lane.chain.then(async () => {
      await lane.connection.executeQuery(query)
      lane.pending--
    })
    // Failures surface where the chain is awaited (settle, finish), not as unhandled rejections.
    lane.chain.catch(() => undefined)
  }
}
