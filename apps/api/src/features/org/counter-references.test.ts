import type { DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCatalogFixture } from '../../testing/catalog-fixture.ts'
import { insertFixture } from '../../testing/fixture.ts'
import { isCounterReferenced, referencedCounterIds } from './counter-references.ts'

describe.each(testDialects)('counter references on %s', (dialect) => {
  let database: DatabaseHandle
  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    await insertCatalogFixture(database.db)
  })
  afterAll(() => database.destroy())

  it('does not count a counter’s own skills as a reference', async () => {
    // Counter 2 is dedicated: it has a counter_skill row.
    expect(await isCounterReferenced(database.db, 2)).toBe(false)
  })

  it('finds the counters a referencing table points at', async () => {
    await sql`create table ticket_stub (counter_id integer not null)`.execute(database.db)
    await sql`insert into ticket_stub (counter_id) values (1), (1), (3)`.execute(database.db)
    const references = [{ table: 'ticket_stub', column: 'counter_id' }]
    const found = await referencedCounterIds(database.db, [1, 2, 3], references)
    expect([...found].sort()).toEqual([1, 3])
    expect(await referencedCounterIds(database.db, [], references)).toEqual(new Set())
  })
})
