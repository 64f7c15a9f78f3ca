/**
 * Operation log: append latency (alone and with 16 concurrent writers), sealing 1,000 appended
 * entries into the chain, and the time to verify a chain of 10,000 entries; SQLite, and MariaDB
 * with MYSQL_URL.
 */
import {
  type OperationEntry,
  actorOf,
  appendOperation,
  verifyChain,
} from '@onewindow/api/features/operation-log/log-chain.ts'
import { sealPending } from '@onewindow/api/features/operation-log/log-seal.ts'
import { insertFixture } from '@onewindow/api/testing/fixture.ts'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { Bench } from 'tinybench'

const actor = actorOf({ user: { id: 2, username: 'manager1' }, ip: '127.0.0.1' })
const entry: OperationEntry = {
  action: 'staff.setStatus',
  centerId: 1,
  targetType: 'staff',
  targetId: 4,
  before: { status: 'active' },
  after: { status: 'disabled' },
}

for (const dialect of testDialects) {
  const database = await createTestDatabase(dialect)
  await insertFixture(database.db)
  for (let i = 0; i < 100; i++) {
    await database.db.transaction().execute(async (trx) => {
      for (let j = 0; j < 100; j++) await appendOperation(trx, actor, entry)
    })
  }
  await sealPending(database.db)
  const append = () =>
    database.db.transaction().execute((trx) => appendOperation(trx, actor, entry))

  const bench = new Bench({ name: `operation log on ${dialect}`, time: 2000, iterations: 5 })
  bench
    .add('append one entry (own transaction)', append)
    .add('append 16 entries concurrently', () => Promise.all(Array.from({ length: 16 }, append)))
    .add(
      'seal 1,000 appended entries',
      async () => {
        if ((await sealPending(database.db)) !== 1000) throw new Error('expected 1,000 to seal')
      },
      {
        async beforeEach() {
          await sealPending(database.db)
          await database.db.transaction().execute(async (trx) => {
            for (let i = 0; i < 1000; i++) await appendOperation(trx, actor, entry)
          })
        },
      },
    )
    .add('verify a chain of ≥10,000 entries', async () => {
      await sealPending(database.db)
      if (!(await verifyChain(database.db)).ok) throw new Error('chain broken')
    })
  await bench.run()
  console.log(bench.name)
  console.table(bench.table())
  await database.destroy()
}
