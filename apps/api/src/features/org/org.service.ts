import {
  type OpeningInterval,
  type SessionUser,
  type saveCenterInput,
  isDistrictWide,
  openingHours,
} from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import type { Kysely, Transaction } from 'kysely'
import type { z } from 'zod'
import { appError, forbidden, notFound } from '../../errors.ts'
import { type CenterScope, assertCenterAccess, whereInScope } from '../../scope.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'
import { inTransaction } from '../../db-errors.ts'
import { bumpVersion } from '../../row-version.ts'

/** Stored hours that no longer parse show as none rather than breaking the page. */
function parseOpeningHours(json: string): OpeningInterval[] {
  try {
    const parsed = openingHours.safeParse(JSON.parse(json))
    return parsed.success ? parsed.data : []
  } catch {
    return []
  }
}

/** The centers in scope, each with its counts of active staff and open counters. */
export async function listCenters(db: Kysely<Database>, scope: CenterScope) {
  const rows = await whereInScope(db.selectFrom('center'), 'center.id', scope)
    .select((eb) => [
      'center.id',
      'center.code',
      'center.name',
      'center.address',
      'center.phone',
      'center.status',
      'center.opening_hours',
      'center.version',
      eb
        .selectFrom('staff')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('staff.center_id', '=', 'center.id')
        .where('staff.status', '=', 'active')
        .as('staff_count'),
      eb
        .selectFrom('counter')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('counter.center_id', '=', 'center.id')
        .where('counter.status', '=', 'open')
        .as('open_counter_count'),
    ])
    .orderBy('center.id')
    .execute()
  return rows.map(({ staff_count, open_counter_count, opening_hours, ...center }) => ({
    ...center,
    openingHours: parseOpeningHours(opening_hours),
    staffCount: Number(staff_count),
    openCounterCount: Number(open_counter_count),
  }))
}

export async function getCenter(db: Kysely<Database>, centerId: number) {
  const [center] = await listCenters(db, { centerId })
  if (!center) throw notFound()
  return center
}

type SaveCenter = z.output<typeof saveCenterInput>

const loadCenter = (trx: Transaction<Database>, centerId: number) =>
  trx
    .selectFrom('center')
    .select(['id', 'code', 'name', 'address', 'phone', 'status', 'opening_hours'])
    .where('id', '=', centerId)
    .executeTakeFirst()

async function assertCenterCodeFree(trx: Transaction<Database>, code: string, exceptId?: number) {
  const clash = await trx
    .selectFrom('center')
    .select('id')
    .where('code', '=', code)
    .$if(exceptId !== undefined, (qb) => qb.where('id', '!=', exceptId!))
    .executeTakeFirst()
  if (clash) throw appError('CONFLICT', 'org.duplicateCenterCode')
}

/**
 * Creates a center (no id) or updates one. Creating, and changing a code or the open/closed
 * status, is district-wide work; a manager edits only the own center's name and contact data.
 */
export async function saveCenter(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: SaveCenter,
): Promise<{ id: number }> {
  const { id, version, ...fields } = input
  if (id === undefined || version === undefined) {
    if (!isDistrictWide(user.role)) throw forbidden()
    return inTransaction(db, 'org.duplicateCenterCode', async (trx) => {
      await assertCenterCodeFree(trx, fields.code)
      const result = await trx
        .insertInto('center')
        .values({ ...fields, district_id: user.districtId, opening_hours: '[]' })
        .executeTakeFirstOrThrow()
      const createdId = Number(result.insertId)
      await appendOperation(trx, actor, {
        action: 'center.create',
        centerId: createdId,
        targetType: 'center',
        targetId: createdId,
        after: fields,
      })
      return { id: createdId }
    })
  }
  assertCenterAccess(user, id)
  return inTransaction(db, 'org.duplicateCenterCode', async (trx) => {
    const row = await loadCenter(trx, id)
    if (!row) throw notFound()
    await bumpVersion(trx, 'center', id, version)
    const before = {
      code: row.code,
      name: row.name,
      address: row.address,
      phone: row.phone,
      status: row.status,
    }
    const districtChange = fields.code !== before.code || fields.status !== before.status
    if (districtChange && !isDistrictWide(user.role)) throw forbidden()
    if (fields.code !== before.code) await assertCenterCodeFree(trx, fields.code, id)
    await trx.updateTable('center').set(fields).where('id', '=', id).execute()
    await appendOperation(trx, actor, {
      action: 'center.update',
      centerId: id,
      targetType: 'center',
      targetId: id,
      before,
      after: fields,
    })
    return { id }
  })
}

const byWeekdayAndTime = (a: OpeningInterval, b: OpeningInterval) =>
  a.weekday - b.weekday || a.opens.localeCompare(b.opens)

/** Replaces a center's weekly opening hours (already validated: well-formed, no overlaps). */
export async function setOpeningHours(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: { centerId: number; version: number; openingHours: OpeningInterval[] },
): Promise<void> {
  assertCenterAccess(user, input.centerId)
  const hours = input.openingHours
    .map(({ weekday, opens, closes }) => ({ weekday, opens, closes }))
    .sort(byWeekdayAndTime)
  await db.transaction().execute(async (trx) => {
    const row = await loadCenter(trx, input.centerId)
    if (!row) throw notFound()
    await bumpVersion(trx, 'center', input.centerId, input.version)
    await trx
      .updateTable('center')
      .set({ opening_hours: JSON.stringify(hours) })
      .where('id', '=', input.centerId)
      .execute()
    await appendOperation(trx, actor, {
      action: 'center.setOpeningHours',
      centerId: input.centerId,
      targetType: 'center',
      targetId: input.centerId,
      before: parseOpeningHours(row.opening_hours),
      after: hours,
    })
  })
}
