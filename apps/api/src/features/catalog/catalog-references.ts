import type { Database } from '@onewindow/db'
import { type Kysely, type RawBuilder, sql } from 'kysely'

interface Reference {
  table: keyof Database
  column: string
}

/**
 * The rows elsewhere that keep a catalog record alive: a record any of them points at can be
 * retired but not deleted. Tables that later record work on items (tickets, cases, quotas…)
 * join the service_item list; service_item_center rows belong to the item and go with it.
 */
const referencesTo = {
  department: [
    { table: 'skill', column: 'department_id' },
    { table: 'service_item', column: 'department_id' },
  ],
  skill: [
    { table: 'service_item', column: 'skill_id' },
    { table: 'staff_skill', column: 'skill_id' },
    { table: 'counter_skill', column: 'skill_id' },
    { table: 'ticket', column: 'skill_id' },
  ],
  service_item: [
    { table: 'ticket', column: 'service_item_id' },
    { table: 'service_case', column: 'service_item_id' },
  ],
} satisfies Record<string, Reference[]>

type CatalogTable = keyof typeof referencesTo

/** A select expression, 1 when some row refers to the record in `idColumn`, else 0. */
export function inUseSql(target: CatalogTable, idColumn: string): RawBuilder<number> {
  const references: Reference[] = referencesTo[target]
  if (references.length === 0) return sql<number>`0`
  const checks = references.map(
    ({ table, column }) =>
      sql`exists (select 1 from ${sql.table(table)} where ${sql.ref(`${table}.${column}`)} = ${sql.ref(idColumn)})`,
  )
  return sql<number>`(${sql.join(checks, sql` or `)})`
}

async function isReferenced(db: Kysely<Database>, target: CatalogTable, id: number) {
  const references: Reference[] = referencesTo[target]
  for (const { table, column } of references) {
    const { rows } =
      await sql`select 1 from ${sql.table(table)} where ${sql.ref(column)} = ${id} limit 1`.execute(
        db,
      )
    if (rows.length > 0) return true
  }
  return false
}

export const isDepartmentReferenced = (db: Kysely<Database>, id: number) =>
  isReferenced(db, 'department', id)

export const isSkillReferenced = (db: Kysely<Database>, id: number) => isReferenced(db, 'skill', id)

export const isServiceItemReferenced = (db: Kysely<Database>, id: number) =>
  isReferenced(db, 'service_item', id)
