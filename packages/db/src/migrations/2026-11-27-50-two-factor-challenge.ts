import type { Kysely } from 'kysely'

// A sign-in halfway: the password was right, a code is still due. Bound to one account, kept as
// the hash of its token, used once, short-lived; an enrolment carries the secret being set up.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_challenge')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('pending_secret', 'varchar(255)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('login_challenge_staff_idx')
    .on('login_challenge')
    .column('staff_id')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_challenge').execute()
}
