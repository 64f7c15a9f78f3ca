import { openDatabase } from '../connect.ts'
import { migrateToLatest } from '../migrate.ts'

const handle = openDatabase()
try {
  const result = await migrateToLatest(handle.db)
  const applied = result.results?.filter((r) => r.status === 'Success') ?? []
  console.log(
    applied.length
      ? `Applied ${applied.length} migration(s) to ${handle.dialect}: ${applied.map((r) => r.migrationName).join(', ')}`
      : `The ${handle.dialect} database is up to date.`,
  )
} finally {
  await handle.destroy()
}
