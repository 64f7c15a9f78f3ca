/** Pieces the HTTP load benchmarks share: staff at open counters, and latency per operation. */
import { createSession } from '@onewindow/api/features/auth/session.service.ts'
import { insertSpareStaff } from '@onewindow/api/testing/samples.ts'
import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'

/**
 * `count` staff of center 1, certified in skill 1, each signed in at a counter of their own
 * that is open; returns their session cookies.
 */
export async function insertStaffAtCounters(db: Kysely<Database>, count: number) {
  const now = Date.now()
  const cookies: string[] = []
  for (let i = 0; i < count; i++) {
    const staffId = await insertSpareStaff(db, `bench${i}`)
    await db
      .insertInto('staff_skill')
      .values({ staff_id: staffId, skill_id: 1, level: 2, certified_on: '2025-01-01' })
      .execute()
    const counter = await db
      .insertInto('counter')
      .values({ center_id: 1, code: `B${i}`, name: `${i}`, kind: 'comprehensive', status: 'open' })
      .executeTakeFirstOrThrow()
    await db
      .insertInto('counter_session')
      .values({
        counter_id: Number(counter.insertId),
        staff_id: staffId,
        opened_at: now,
        paused_at: null,
        pause_reason: null,
        auto_call_seconds: null,
      })
      .execute()
    cookies.push(await sessionCookieOf(db, staffId))
  }
  return cookies
}

/** A signed-in session of a staff member, as the cookie a browser would send. */
export async function sessionCookieOf(db: Kysely<Database>, staffId: number) {
  const session = await db
    .transaction()
    .execute((trx) => createSession(trx, staffId, { ip: '127.0.0.1', userAgent: 'bench' }))
  return `ow_session=${session.token}`
}

export function percentile(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! : 0
}

/** Latencies and failures per operation. */
export class LatencyLog {
  readonly latencies = new Map<string, number[]>()
  readonly errors = new Map<string, number>()

  async timed<T>(operation: string, run: () => Promise<T>): Promise<T> {
    const started = performance.now()
    try {
      const result = await run()
      this.record(operation, performance.now() - started)
      return result
    } catch (error) {
      this.errors.set(operation, (this.errors.get(operation) ?? 0) + 1)
      throw error
    }
  }

  record(operation: string, ms: number) {
    const values = this.latencies.get(operation) ?? []
    values.push(ms)
    this.latencies.set(operation, values)
  }

  /** One line per operation: calls, calls per second, p50, p99 and errors. */
  report(seconds: number): string[] {
    const operations = new Set([...this.latencies.keys(), ...this.errors.keys()])
    return [...operations].map((operation) => {
      const values = (this.latencies.get(operation) ?? []).sort((a, b) => a - b)
      const rate = (values.length / seconds).toFixed(1)
      return (
        `  ${operation.padEnd(30)} ${String(values.length).padStart(6)} calls ${rate.padStart(7)}/s` +
        `  p50 ${percentile(values, 0.5).toFixed(1).padStart(6)} ms` +
        `  p99 ${percentile(values, 0.99).toFixed(1).padStart(6)} ms` +
        `  errors ${this.errors.get(operation) ?? 0}`
      )
    })
  }
}
