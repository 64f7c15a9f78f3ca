import type { CatalogStatus } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'
import { appError, notFound } from '../../errors.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'
import { inUseSql, isSkillReferenced } from './catalog-references.ts'
import { assertCodeFree, assertDepartmentExists } from './catalog-writes.ts'
import { inTransaction } from '../../db-errors.ts'
import { bumpVersion } from '../../row-version.ts'

interface SkillFields {
  code: string
  name: string
  departmentId: number
}

/** Every skill, retired ones too, with its items, the active staff holding it and counters. */
export async function listSkills(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('skill')
    .leftJoin('department', 'department.id', 'skill.department_id')
    .select((eb) => [
      'skill.id',
      'skill.code',
      'skill.name',
      'skill.status',
      'skill.version',
      'skill.department_id',
      'department.name as department_name',
      eb
        .selectFrom('service_item')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('service_item.skill_id', '=', 'skill.id')
        .as('item_count'),
      eb
        .selectFrom('staff_skill')
        .innerJoin('staff', 'staff.id', 'staff_skill.staff_id')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('staff_skill.skill_id', '=', 'skill.id')
        .where('staff.status', '=', 'active')
        .as('staff_count'),
      eb
        .selectFrom('counter_skill')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('counter_skill.skill_id', '=', 'skill.id')
        .as('counter_count'),
      inUseSql('skill', 'skill.id').as('in_use'),
    ])
    .orderBy('skill.status')
    .orderBy('skill.code')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    status: row.status,
    version: row.version,
    departmentId: row.department_id,
    departmentName: row.department_name,
    itemCount: Number(row.item_count),
    staffCount: Number(row.staff_count),
    counterCount: Number(row.counter_count),
    inUse: Boolean(Number(row.in_use)),
  }))
}

async function loadSkill(db: Kysely<Database>, key: { id: number } | { code: string }) {
  const query = db.selectFrom('skill').select(['id', 'code', 'name', 'department_id', 'status'])
  const row = await (
    'id' in key ? query.where('id', '=', key.id) : query.where('code', '=', key.code)
  ).executeTakeFirst()
  if (!row) throw notFound()
  return row
}

type SkillRow = Awaited<ReturnType<typeof loadSkill>>
const snapshotOf = (row: SkillRow) => ({
  code: row.code,
  name: row.name,
  departmentId: row.department_id,
  status: row.status,
})
const columnsOf = (input: SkillFields) => ({
  code: input.code,
  name: input.name,
  department_id: input.departmentId,
})

export async function createSkill(db: Kysely<Database>, actor: Actor, input: SkillFields) {
  return inTransaction(db, 'catalog.duplicateSkillCode', async (trx) => {
    await assertCodeFree(trx, 'skill', input.code, 'catalog.duplicateSkillCode')
    await assertDepartmentExists(trx, input.departmentId)
    const result = await trx
      .insertInto('skill')
      .values({ ...columnsOf(input), status: 'active' })
      .executeTakeFirst()
    const id = Number(result.insertId)
    await appendOperation(trx, actor, {
      action: 'catalog.createSkill',
      centerId: null,
      targetType: 'skill',
      targetId: id,
      after: snapshotOf(await loadSkill(trx, { id })),
    })
    return { id }
  })
}

export async function updateSkill(
  db: Kysely<Database>,
  actor: Actor,
  input: SkillFields & { id: number; version: number },
) {
  await inTransaction(db, 'catalog.duplicateSkillCode', async (trx) => {
    const before = await loadSkill(trx, { id: input.id })
    await bumpVersion(trx, 'skill', input.id, input.version)
    await assertCodeFree(trx, 'skill', input.code, 'catalog.duplicateSkillCode', input.id)
    await assertDepartmentExists(trx, input.departmentId)
    await trx.updateTable('skill').set(columnsOf(input)).where('id', '=', input.id).execute()
    await appendOperation(trx, actor, {
      action: 'catalog.updateSkill',
      centerId: null,
      targetType: 'skill',
      targetId: input.id,
      before: snapshotOf(before),
      after: snapshotOf(await loadSkill(trx, { id: input.id })),
    })
  })
}

/** Retiring keeps every staff, counter and item link; the skill only leaves the pickers. */
export async function setSkillStatus(
  db: Kysely<Database>,
  actor: Actor,
  input: { id: number; status: CatalogStatus },
) {
  await db.transaction().execute(async (trx) => {
    const before = await loadSkill(trx, { id: input.id })
    await trx
      .updateTable('skill')
      .set({ status: input.status })
      .where('id', '=', input.id)
      .execute()
    await appendOperation(trx, actor, {
      action: 'catalog.setSkillStatus',
      centerId: null,
      targetType: 'skill',
      targetId: input.id,
      before: { status: before.status },
      after: { status: input.status },
    })
  })
}

/** Deletes a skill nothing refers to: no item, no staff member, no counter. */
export async function deleteSkill(db: Kysely<Database>, actor: Actor, code: string) {
  await db.transaction().execute(async (trx) => {
    const before = await loadSkill(trx, { code })
    if (await isSkillReferenced(trx, before.id)) throw appError('CONFLICT', 'catalog.skillInUse')
    await trx.deleteFrom('skill').where('id', '=', before.id).execute()
    await appendOperation(trx, actor, {
      action: 'catalog.deleteSkill',
      centerId: null,
      targetType: 'skill',
      targetId: before.id,
      before: snapshotOf(before),
    })
  })
}
