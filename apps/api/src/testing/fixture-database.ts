import type { DatabaseHandle, DialectName } from '@onewindow/db'
import { createTestDatabase } from '@onewindow/db/testing'
import { afterAll, beforeAll } from 'vitest'
import { insertCatalogFixture } from './catalog-fixture.ts'
import { insertFixture } from './fixture.ts'

/**
 * The database of the describe block that calls this: fresh and migrated, with the org and catalog
 * fixtures, made before its tests and dropped after them. Its `db` exists inside tests only.
 */
export function useFixtureDatabase(dialect: DialectName): DatabaseHandle {
  let handle: DatabaseHandle | undefined
  beforeAll(async () => {
    handle = await createTestDatabase(dialect)
    await insertFixture(handle.db)
    await insertCatalogFixture(handle.db)
  })
  afterAll(() => handle?.destroy())

  const current = () => {
    if (!handle) throw new Error('the fixture database is made in beforeAll: use it in tests')
    return handle
  }
  return {
    dialect,
    get db() {
      return current().db
    },
    destroy: () => current().destroy(),
  }
}
