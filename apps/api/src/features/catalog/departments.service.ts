import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'
import { appError, notFound } from '../../errors.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'
import { inUseSql, isDepartmentReferenced } from './catalog-references.ts'
import { assertCodeFree } from './catalog-writes.ts'
import { inTransaction } from '../../db-errors.ts'
import { bumpVersion } from '../../row-version.ts'

interface DepartmentFields {
  code: string
  name: string
}

/** Every department, with how many skills and items belong to it. */
export async function listDepartments(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('department')
    .select((eb) => [
      'department.id',
      'department.code',
      'department.name',
      'department.version',
      eb
        .selectFrom('skill')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('skill.department_id', '=', 'department.id')
        .as('skill_count'),
      eb
        .selectFrom('service_item')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('service_item.department_id', '=', 'department.id')
        .as('item_count'),
      inUseSql('department', 'department.id').as('in_use'),
    ])
    .orderBy('department.code')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    version: row.version,
    skillCount: Number(row.skill_count),
    itemCount: Number(row.item_count),
    inUse: Boolean(Number(row.in_use)),
  }))
}

async function loadDepartment(db: Kysely<Database>, key: { id: number } | { code: string }) {
  const query = db.selectFrom('department').select(['id', 'code', 'name'])
  const row = await (
    'id' in key ? query.where('id', '=', key.id) : query.where('code', '=', key.code)
  ).executeTakeFirst()
  if (!row) throw notFound()
  return row
}

const snapshot = (row: DepartmentFields) => ({ code: row.code, name: row.name })

export async function createDepartment(
  db: Kysely<Database>,
  actor: Actor,
  input: DepartmentFields,
) {
  return inTransaction(db, 'catalog.duplicateDepartmentCode', async (trx) => {
    await assertCodeFree(trx, 'department', input.code, 'catalog.duplicateDepartmentCode')
    const result = await trx.insertInto('department').values(snapshot(input)).executeTakeFirst()
    const id = Number(result.insertId)
    await appendOperation(trx, actor, {
      action: 'catalog.createDepartment',
      centerId: null,
      targetType: 'department',
      targetId: id,
      after: snapshot(input),
    })
    return { id }
  })
}

export async function updateDepartment(
  db: Kysely<Database>,
  actor: Actor,
  input: DepartmentFields & { id: number; version: number },
) {
  await inTransaction(db, 'catalog.duplicateDepartmentCode', async (trx) => {
    const before = await loadDepartment(trx, { id: input.id })
    await bumpVersion(trx, 'department', input.id, input.version)
    await assertCodeFree(trx, 'department', input.code, 'catalog.duplicateDepartmentCode', input.id)
    await trx.updateTable('department').set(snapshot(input)).where('id', '=', input.id).execute()
    await appendOperation(trx, actor, {
      action: 'catalog.updateDepartment',
      centerId: null,
      targetType: 'department',
      targetId: input.id,
      before: snapshot(before),
      after: snapshot(input),
    })
  })
}

/** Deletes a department no skill or item belongs to. */
export async function deleteDepartment(db: Kysely<Database>, actor: Actor, code: string) {
  await db.transaction().execute(async (trx) => {
    const before = await loadDepartment(trx, { code })
    if (await isDepartmentReferenced(trx, before.id)) {
      throw appError('CONFLICT', 'catalog.departmentInUse')
    }
    await trx.deleteFrom('department').where('id', '=', before.id).execute()
    await appendOperation(trx, actor, {
      action: 'catalog.deleteDepartment',
      centerId: null,
      targetType: 'department',
      targetId: before.id,
      before: snapshot(before),
    })
  })
}
