import { type Kysely, MysqlAdapter, sql } from 'kysely'

// The department a back-office account works for; its inbox holds that department's cases.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('staff')
    .addColumn('department_id', 'integer', (c) => c.references('department.id'))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  // MySQL keeps the column's foreign key, under a name of its choosing, until it is dropped.
  if (db.getExecutor().adapter instanceof MysqlAdapter) {
    const { rows } = await sql<{ name: string }>`
      select constraint_name as name from information_schema.key_column_usage
      where table_schema = database() and table_name = 'staff'
        and column_name = 'department_id' and referenced_table_name is not null`.execute(db)
    for (const { name } of rows) {
      await sql`alter table staff drop foreign key ${sql.id(name)}`.execute(db)
    }
  }
  await db.schema.alterTable('staff').dropColumn('department_id').execute()
}
