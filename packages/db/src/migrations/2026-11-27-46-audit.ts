import type { Kysely } from 'kysely'

/**
 * Case audits: one plan per center (rules, checklist and pool as JSON), one sample per plan and
 * ISO week (the unique pair makes a second run find the first), tasks (one case, one auditor)
 * and the findings raised on them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_plan')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('center_id', 'integer', (c) => c.notNull().references('center.id'))
    .addColumn('name', 'varchar(60)', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('checklist', 'text', (c) => c.notNull())
    .addColumn('pool', 'text', (c) => c.notNull())
    .addColumn('finding_days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('audit_plan_center_unique', ['center_id'])
    .execute()
  await db.schema
    .createTable('audit_sample')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('audit_plan.id'))
    .addColumn('week', 'varchar(8)', (c) => c.notNull())
    .addColumn('seed', 'bigint', (c) => c.notNull())
    .addColumn('candidates', 'integer', (c) => c.notNull())
    .addColumn('unassigned', 'integer', (c) => c.notNull())
    .addColumn('run_at', 'bigint', (c) => c.notNull())
    .addColumn('run_by', 'integer', (c) => c.notNull().references('staff.id'))
    .addUniqueConstraint('audit_sample_week_unique', ['plan_id', 'week'])
    .execute()
  await db.schema
    .createTable('audit_task')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('center_id', 'integer', (c) => c.notNull().references('center.id'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('service_case.id'))
    .addColumn('sample_id', 'integer', (c) => c.references('audit_sample.id'))
    .addColumn('assignee_id', 'integer', (c) => c.notNull().references('staff.id'))
    /** JSON array of rule kinds (sample) or null (ad hoc, see reason). */
    .addColumn('rules', 'varchar(120)')
    .addColumn('reason', 'varchar(500)')
    .addColumn('state', 'varchar(8)', (c) => c.notNull())
    /** JSON: the checklist as it stood when the task was made, then the results. */
    .addColumn('checklist', 'text', (c) => c.notNull())
    .addColumn('checks', 'text')
    .addColumn('score', 'integer')
    .addColumn('comment', 'varchar(500)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('finding_days', 'integer', (c) => c.notNull())
    .addColumn('done_at', 'bigint')
    .execute()
  await db.schema
    .createIndex('audit_task_assignee_idx')
    .on('audit_task')
    .columns(['assignee_id', 'state'])
    .execute()
  await db.schema
    .createIndex('audit_task_center_idx')
    .on('audit_task')
    .columns(['center_id', 'state'])
    .execute()
  await db.schema.createIndex('audit_task_case_idx').on('audit_task').column('case_id').execute()
  await db.schema
    .createTable('audit_finding')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('task_id', 'integer', (c) => c.notNull().references('audit_task.id'))
    .addColumn('center_id', 'integer', (c) => c.notNull().references('center.id'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('service_case.id'))
    /** Who must rectify: the staff member who handled the case. */
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('severity', 'varchar(8)', (c) => c.notNull())
    .addColumn('category', 'varchar(32)', (c) => c.notNull())
    .addColumn('note', 'varchar(500)', (c) => c.notNull())
    .addColumn('state', 'varchar(12)', (c) => c.notNull())
    .addColumn('due_day', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('acknowledged_at', 'bigint')
    .addColumn('rectified_at', 'bigint')
    .addColumn('rectify_note', 'varchar(500)')
    .addColumn('closed_at', 'bigint')
    .addColumn('closed_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('verify_note', 'varchar(500)')
    .execute()
  await db.schema
    .createIndex('audit_finding_staff_idx')
    .on('audit_finding')
    .columns(['staff_id', 'state'])
    .execute()
  await db.schema
    .createIndex('audit_finding_center_idx')
    .on('audit_finding')
    .columns(['center_id', 'state', 'due_day'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_finding').execute()
  await db.schema.dropTable('audit_task').execute()
  await db.schema.dropTable('audit_sample').execute()
  await db.schema.dropTable('audit_plan').execute()
}
