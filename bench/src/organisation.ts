/**
 * The organisation screens' reads on the full demo district (200 items, 77 staff, 14 skills):
 * catalog search/filter/sort, the staff list and the skills matrix with coverage, through tRPC
 * callers; SQLite, and MariaDB with MYSQL_URL.
 */
import { callerAs } from '@onewindow/api/testing/callers.ts'
import { seedDemoData } from '@onewindow/db/seed'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { Bench } from 'tinybench'

for (const dialect of testDialects) {
  const database = await createTestDatabase(dialect)
  await seedDemoData(database.db, { history: false })
  const admin = await callerAs(database, 'admin')
  const manager = await callerAs(database, 'manager')

  const bench = new Bench({ name: `organisation reads on ${dialect}`, time: 2000 })
  bench
    .add('catalog.items.list, first page', () => admin.catalog.items.list({}))
    .add('catalog.items.list, search + kind + sort', () =>
      admin.catalog.items.list({ search: '证', kind: 'commitment', sortBy: 'standardMinutes' }),
    )
    .add('staff.list, whole district', () => admin.staff.list({ pageSize: 100 }))
    .add('staff.skillsMatrix, one center', () => manager.staff.skillsMatrix({}))
    .add('staff.skillsMatrix, whole district', () => admin.staff.skillsMatrix({}))
  await bench.run()
  console.log(bench.name)
  console.table(bench.table())
  await database.destroy()
}
