import type { DatabaseHandle, DialectName } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countRows } from '../../testing/callers.ts'
import { insertFixture } from '../../testing/fixture.ts'
import { type Actor, appendOperation, verifyChain } from './log-chain.ts'
import { sealPending } from './log-seal.ts'

const actor: Actor = { id: null, name: 'tester', ip: '127.0.0.1' }

const entry = (targetId?: number | string) =>
  ({ action: 'staff.unlock', centerId: 1, targetType: 'staff', targetId }) as const

/** One entry in a transaction of its own. */
const appendAlone = (database: DatabaseHandle, targetId: number | string) =>
  database.db.transaction().execute((trx) => appendOperation(trx, actor, entry(targetId)))

async function openFixture(dialect: DialectName) {
  const database = await createTestDatabase(dialect)
  await insertFixture(database.db)
  return database
}

describe.each(testDialects)('operation log sealing on %s', (dialect) => {
  let database: DatabaseHandle
  beforeAll(async () => (database = await openFixture(dialect)))
  afterAll(() => database.destroy())

  const append = (targetId: number | string) => appendAlone(database, targetId)

  const unsealed = async () =>
    (await database.db.selectFrom('operation_log').select('id').where('seq', 'is', null).execute())
      .length

  it('writes entries unsealed and chains them in insertion order', async () => {
    await sealPending(database.db)
    const before = (await verifyChain(database.db)).checked
    for (let i = 0; i < 5; i++) await append(i)
    expect(await unsealed()).toBe(5)
    expect(await sealPending(database.db)).toBe(5)
    expect(await unsealed()).toBe(0)
    expect(await verifyChain(database.db)).toMatchObject({ ok: true, checked: before + 5 })
  })

  it('seals with several sealers at once while writers write, each entry once', async () => {
    const writes = Array.from({ length: 40 }, (_, i) => append(100 + i))
    const sealers = Array.from({ length: 4 }, () => sealPending(database.db, 7))
    await Promise.all([...writes, ...sealers])
    await sealPending(database.db)
    const report = await verifyChain(database.db)
    expect(report).toMatchObject({ ok: true, firstBrokenId: null })
    expect(report.checked).toBe(await countRows(database.db, 'operation_log'))
  })

  it('leaves nothing of a rolled-back write', async () => {
    const count = await countRows(database.db, 'operation_log')
    await expect(
      database.db.transaction().execute(async (trx) => {
        await appendOperation(trx, actor, entry())
        throw new Error('rolled back')
      }),
    ).rejects.toThrow('rolled back')
    expect(await countRows(database.db, 'operation_log')).toBe(count)
    expect(await sealPending(database.db)).toBe(0)
  })
})

// Only MySQL runs writers side by side; SQLite has one writer, so nothing can commit late there.
describe.each(testDialects.filter((dialect) => dialect === 'mysql'))(
  'operation log sealing of late commits on %s',
  (dialect) => {
    let database: DatabaseHandle
    beforeAll(async () => (database = await openFixture(dialect)))
    afterAll(() => database.destroy())

    it('gives an entry committed late, behind sealed ones, the next place in the chain', async () => {
      let release!: () => void
      const held = new Promise<void>((resolve) => (release = resolve))
      let appended!: () => void
      const inserted = new Promise<void>((resolve) => (appended = resolve))
      const slow = database.db.transaction().execute(async (trx) => {
        await appendOperation(trx, actor, entry('late'))
        appended()
        await held
      })
      await inserted
      await appendAlone(database, 'early')
      expect(await sealPending(database.db)).toBe(1)
      release()
      await slow
      expect(await sealPending(database.db)).toBe(1)
      const [late, early] = await Promise.all(
        ['late', 'early'].map((targetId) =>
          database.db
            .selectFrom('operation_log')
            .select(['id', 'seq'])
            .where('target_id', '=', targetId)
            .executeTakeFirstOrThrow(),
        ),
      )
      expect(Number(late!.id)).toBeLessThan(Number(early!.id))
      expect(Number(late!.seq)).toBe(Number(early!.seq) + 1)
      expect(await verifyChain(database.db)).toMatchObject({ ok: true, checked: 2 })
    })
  },
)
