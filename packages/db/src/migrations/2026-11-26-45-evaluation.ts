import type { Kysely } from 'kysely'

/**
 * Residents' ratings of finished visits (好差评), one per visit: the unique ticket makes a second
 * submission fail on both databases. A poor rating opens one follow-up (回访整改), which also holds
 * the rated staff member's single appeal.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('evaluation')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('ticket.id'))
    .addColumn('center_id', 'integer', (c) => c.notNull().references('center.id'))
    .addColumn('counter_id', 'integer', (c) => c.references('counter.id'))
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('score', 'integer', (c) => c.notNull())
    /** JSON array of reason codes. */
    .addColumn('reasons', 'varchar(255)', (c) => c.notNull())
    .addColumn('comment', 'varchar(200)')
    .addColumn('channel', 'varchar(8)', (c) => c.notNull())
    .addColumn('rated_at', 'bigint', (c) => c.notNull())
    /** The Shanghai day of rated_at, for daily figures and deadlines. */
    .addColumn('rated_day', 'varchar(10)', (c) => c.notNull())
    /** 1 once an appeal was upheld: the rating no longer counts against the staff member. */
    .addColumn('excluded', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('evaluation_ticket_unique', ['ticket_id'])
    .execute()
  await db.schema
    .createIndex('evaluation_center_idx')
    .on('evaluation')
    .columns(['center_id', 'rated_day'])
    .execute()
  await db.schema
    .createIndex('evaluation_staff_idx')
    .on('evaluation')
    .columns(['staff_id', 'rated_at'])
    .execute()
  await db.schema
    .createTable('evaluation_follow_up')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('evaluation_id', 'integer', (c) => c.notNull().references('evaluation.id'))
    .addColumn('state', 'varchar(8)', (c) => c.notNull())
    .addColumn('revisit_due', 'varchar(10)', (c) => c.notNull())
    .addColumn('rectify_due', 'varchar(10)', (c) => c.notNull())
    .addColumn('revisited_at', 'bigint')
    .addColumn('revisited_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('revisit_note', 'varchar(500)')
    .addColumn('rectified_at', 'bigint')
    .addColumn('rectified_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('rectify_note', 'varchar(500)')
    .addColumn('appeal_reason', 'varchar(500)')
    .addColumn('appealed_at', 'bigint')
    .addColumn('appeal_decision', 'varchar(8)')
    .addColumn('decision_note', 'varchar(500)')
    .addColumn('decided_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('decided_at', 'bigint')
    .addUniqueConstraint('evaluation_follow_up_unique', ['evaluation_id'])
    .execute()
  await db.schema
    .createIndex('evaluation_follow_up_state_idx')
    .on('evaluation_follow_up')
    .column('state')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('evaluation_follow_up').execute()
  await db.schema.dropTable('evaluation').execute()
}
