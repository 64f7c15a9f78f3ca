import { Migrator, NO_MIGRATIONS } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DatabaseHandle, dialectOf } from './connect.ts'
import { migrations } from './migrations/index.ts'
import { migrateToLatest } from './migrate.ts'
import { createTestDatabase, testDialects } from './testing.ts'

describe('dialectOf', () => {
  it('maps URLs to dialects and rejects anything else', () => {
    expect(dialectOf('file:data/x.db')).toBe('sqlite')
    expect(dialectOf('mysql://root@127.0.0.1:3306/test')).toBe('mysql')
    expect(() => dialectOf('postgres://localhost/x')).toThrow(/file: or mysql:/)
  })
})

describe.each(testDialects)('migrations on %s', (dialect) => {
  let database: DatabaseHandle
  beforeAll(async () => {
    database = await createTestDatabase(dialect)
  })
  afterAll(() => database.destroy())

  const tableNames = async () =>
    (await database.db.introspection.getTables()).map((t) => t.name).sort()

  it('creates every table, and running again changes nothing', async () => {
    expect(await tableNames()).toEqual(
      expect.arrayContaining(['center', 'operation_log', 'service_item', 'session', 'staff']),
    )
    const again = await migrateToLatest(database.db)
    expect(again.results).toEqual([])
  })

  it('migrates all the way down and up again', async () => {
    const migrator = new Migrator({
      db: database.db,
      provider: { getMigrations: async () => migrations },
    })
    const down = await migrator.migrateTo(NO_MIGRATIONS)
    expect(down.error).toBeUndefined()
    expect((await tableNames()).filter((t) => !t.startsWith('kysely_'))).toEqual([])
    const up = await migrateToLatest(database.db)
    expect(up.results).toHaveLength(Object.keys(migrations).length)
    // Some hundred DDL statements each way: seconds on MySQL.
  }, 60_000)
})
