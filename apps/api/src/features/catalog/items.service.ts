import type { CatalogStatus, createItemInput } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { defaultWorkloadCoefficient } from '@onewindow/domain'
import type { Kysely, Transaction } from 'kysely'
import type { z } from 'zod'
import { appError } from '../../errors.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'
import { isServiceItemReferenced } from './catalog-references.ts'
import { assertCodeFree, assertDepartmentExists, assertSkillAssignable } from './catalog-writes.ts'
import { type CatalogItem, loadItem } from './items.queries.ts'
import { inTransaction } from '../../db-errors.ts'
import { bumpVersion } from '../../row-version.ts'

export type ItemInput = z.output<typeof createItemInput>

function columnsOf(input: ItemInput) {
  return {
    code: input.code,
    name: input.name,
    department_id: input.departmentId,
    skill_id: input.skillId,
    kind: input.kind,
    promised_days: input.promisedDays,
    restart_on_materials: input.restartOnMaterials ? 1 : 0,
    standard_minutes: input.standardMinutes,
    workload_coefficient:
      input.workloadCoefficient ?? defaultWorkloadCoefficient(input.standardMinutes),
    materials: JSON.stringify(input.materials),
    availability: input.availability,
  }
}

/** What the operation log keeps of an item: its own fields, with center ids instead of names. */
function snapshotOf(item: CatalogItem) {
  return {
    code: item.code,
    name: item.name,
    departmentId: item.departmentId,
    skillId: item.skillId,
    kind: item.kind,
    promisedDays: item.promisedDays,
    restartOnMaterials: item.restartOnMaterials,
    standardMinutes: item.standardMinutes,
    workloadCoefficient: item.workloadCoefficient,
    materials: item.materials,
    status: item.status,
    availability: item.availability,
    centerIds: item.centers.map((center) => center.id),
  }
}

async function assertCentersExist(trx: Transaction<Database>, centerIds: number[]) {
  if (centerIds.length === 0) return
  const found = await trx.selectFrom('center').select('id').where('id', 'in', centerIds).execute()
  if (found.length !== centerIds.length) throw appError('BAD_REQUEST', 'catalog.centerNotFound')
}

async function replaceCenters(trx: Transaction<Database>, itemId: number, centerIds: number[]) {
  await trx.deleteFrom('service_item_center').where('service_item_id', '=', itemId).execute()
  if (centerIds.length === 0) return
  await trx
    .insertInto('service_item_center')
    .values(centerIds.map((centerId) => ({ service_item_id: itemId, center_id: centerId })))
    .execute()
}

/**
 * Creates an item inside the caller's transaction, with every catalog rule and its log entry.
 * The catalog's own create and the spreadsheet import both go through here.
 */
export async function insertItem(
  trx: Transaction<Database>,
  actor: Actor,
  input: ItemInput,
  status: CatalogStatus = 'active',
) {
  await assertCodeFree(trx, 'service_item', input.code, 'catalog.duplicateItemCode')
  await assertDepartmentExists(trx, input.departmentId)
  await assertSkillAssignable(trx, input.skillId)
  await assertCentersExist(trx, input.centerIds)
  const result = await trx
    .insertInto('service_item')
    .values({ ...columnsOf(input), status })
    .executeTakeFirst()
  const id = Number(result.insertId)
  await replaceCenters(trx, id, input.centerIds)
  await appendOperation(trx, actor, {
    action: 'catalog.createItem',
    centerId: null,
    targetType: 'service_item',
    targetId: id,
    after: snapshotOf(await loadItem(trx, { id })),
  })
  return { id }
}

/**
 * Edits an item inside the caller's transaction (and sets its status when one is given). A form
 * names the version it loaded; an import (version null) overwrites whatever is there.
 */
export async function updateItemIn(
  trx: Transaction<Database>,
  actor: Actor,
  input: ItemInput & { id: number; version: number | null },
  status?: CatalogStatus,
) {
  const before = await loadItem(trx, { id: input.id })
  await bumpVersion(trx, 'service_item', input.id, input.version)
  await assertCodeFree(trx, 'service_item', input.code, 'catalog.duplicateItemCode', input.id)
  await assertDepartmentExists(trx, input.departmentId)
  // An item may stay with its skill after the skill retires, but never move to a retired one.
  if (input.skillId !== before.skillId) await assertSkillAssignable(trx, input.skillId)
  await assertCentersExist(trx, input.centerIds)
  await trx
    .updateTable('service_item')
    .set({ ...columnsOf(input), status: status ?? before.status })
    .where('id', '=', input.id)
    .execute()
  await replaceCenters(trx, input.id, input.centerIds)
  await appendOperation(trx, actor, {
    action: 'catalog.updateItem',
    centerId: null,
    targetType: 'service_item',
    targetId: input.id,
    before: snapshotOf(before),
    after: snapshotOf(await loadItem(trx, { id: input.id })),
  })
}

export function createItem(db: Kysely<Database>, actor: Actor, input: ItemInput) {
  return inTransaction(db, 'catalog.duplicateItemCode', (trx) => insertItem(trx, actor, input))
}

export function updateItem(
  db: Kysely<Database>,
  actor: Actor,
  input: ItemInput & { id: number; version: number },
) {
  return inTransaction(db, 'catalog.duplicateItemCode', (trx) => updateItemIn(trx, actor, input))
}

export async function setItemStatus(
  db: Kysely<Database>,
  actor: Actor,
  input: { id: number; status: CatalogStatus },
) {
  await db.transaction().execute(async (trx) => {
    const before = await loadItem(trx, { id: input.id })
    await trx
      .updateTable('service_item')
      .set({ status: input.status })
      .where('id', '=', input.id)
      .execute()
    await appendOperation(trx, actor, {
      action: 'catalog.setItemStatus',
      centerId: null,
      targetType: 'service_item',
      targetId: input.id,
      before: { status: before.status },
      after: { status: input.status },
    })
  })
}

/** Deletes an item no record refers to; its center list goes with it. */
export async function deleteItem(db: Kysely<Database>, actor: Actor, code: string) {
  await db.transaction().execute(async (trx) => {
    const before = await loadItem(trx, { code })
    if (await isServiceItemReferenced(trx, before.id)) {
      throw appError('CONFLICT', 'catalog.itemInUse')
    }
    await replaceCenters(trx, before.id, [])
    await trx.deleteFrom('service_item').where('id', '=', before.id).execute()
    await appendOperation(trx, actor, {
      action: 'catalog.deleteItem',
      centerId: null,
      targetType: 'service_item',
      targetId: before.id,
      before: snapshotOf(before),
    })
  })
}
