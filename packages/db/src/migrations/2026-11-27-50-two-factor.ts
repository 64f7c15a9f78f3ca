import type { Kysely } from 'kysely'

// An account's authenticator: its TOTP secret (sealed, see two-factor.ts) and the last time step
// whose code was accepted, so no code is accepted twice. No row: the account has no second factor.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('staff_two_factor')
    .addColumn('staff_id', 'integer', (c) => c.primaryKey().references('staff.id'))
    .addColumn('secret', 'varchar(255)', (c) => c.notNull())
    .addColumn('enrolled_at', 'bigint', (c) => c.notNull())
    .addColumn('last_step', 'bigint')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('staff_two_factor').execute()
}
