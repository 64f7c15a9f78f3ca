import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { isDeadlock } from './db-errors.ts'

describe('database errors', () => {
  it('tells a deadlock from other errors by the driver code', () => {
    expect(isDeadlock({ code: 'ER_LOCK_DEADLOCK', errno: 1213 })).toBe(true)
    expect(isDeadlock({ code: 'ER_DUP_ENTRY' })).toBe(false)
    expect(isDeadlock(new Error('ER_LOCK_DEADLOCK'))).toBe(false)
    expect(isDeadlock(null)).toBe(false)
  })

  it.runIf(testDialects.includes('mysql'))(
    'recognises the error of a real InnoDB deadlock on MySQL',
    async () => {
      const database = await createTestDatabase('mysql')
      try {
        const { db } = database
        await sql`CREATE TABLE probe (id INT PRIMARY KEY, hits INT NOT NULL)`.execute(db)
        await sql`INSERT INTO probe VALUES (1, 0), (2, 0)`.execute(db)
        // Two transactions each lock one row, then want the other's: InnoDB undoes one.
        let arrived = 0
        let release = () => {}
        const bothHoldOne = new Promise<void>((resolve) => (release = resolve))
        const crossing = (first: number, second: number) =>
          db.transaction().execute(async (trx) => {
            await sql`UPDATE probe SET hits = hits + 1 WHERE id = ${first}`.execute(trx)
            if (++arrived === 2) release()
            await bothHoldOne
            await sql`UPDATE probe SET hits = hits + 1 WHERE id = ${second}`.execute(trx)
          })
        const outcomes = await Promise.allSettled([crossing(1, 2), crossing(2, 1)])
        const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []))
        expect(failures).toHaveLength(1)
        expect(isDeadlock(failures[0])).toBe(true)
      } finally {
        await database.destroy()
      }
    },
  )
})
