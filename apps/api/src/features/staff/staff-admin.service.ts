import {
  type CreateStaffInput,
  type SessionUser,
  type UpdateStaffInput,
  isDistrictWide,
} from '@onewindow/contracts'
import { type Database, type Staff, hashPassword } from '@onewindow/db'
import { maskPhone } from '@onewindow/domain'
import type { Kysely, Transaction } from 'kysely'
import { appError, notFound } from '../../errors.ts'
import { assertCenterAccess } from '../../scope.ts'
import { revokeSessionsOf } from '../auth/session.service.ts'
import { assertDepartmentExists } from '../catalog/catalog-writes.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'
import { assertMayAssign, assertMayManage } from './staff-rules.ts'
import { temporaryPassword } from './temporary-password.ts'
import { isUniqueViolation } from '../../db-errors.ts'
import { bumpVersion } from '../../row-version.ts'

const editableColumns = [
  'id',
  'username',
  'display_name',
  'role',
  'status',
  'center_id',
  'phone',
  'weekly_minutes',
  'department_id',
  'version',
] as const

type EditableRow = Pick<Staff, (typeof editableColumns)[number]>

function loadEditable(db: Kysely<Database>, staffId: number): Promise<EditableRow | undefined> {
  return db.selectFrom('staff').select(editableColumns).where('id', '=', staffId).executeTakeFirst()
}

/** What the log keeps of an account: the phone masked, as everywhere else it is shown. */
function logView(row: Omit<EditableRow, 'id' | 'username' | 'status' | 'version'>) {
  return {
    displayName: row.display_name,
    role: row.role,
    centerId: row.center_id,
    phone: maskPhone(row.phone),
    weeklyMinutes: row.weekly_minutes,
    departmentId: row.department_id,
  }
}

/** One account for the edit form, phone unmasked (only those who may change it see it). */
export async function getStaff(db: Kysely<Database>, user: SessionUser, staffId: number) {
  const row = await loadEditable(db, staffId)
  if (!row) throw notFound()
  assertCenterAccess(user, row.center_id)
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    status: row.status,
    centerId: row.center_id,
    phone: row.phone,
    weeklyMinutes: row.weekly_minutes,
    departmentId: row.department_id,
    version: row.version,
  }
}

async function assertCenterExists(
  trx: Transaction<Database>,
  user: SessionUser,
  id: number | null,
) {
  if (id === null) return
  const center = await trx
    .selectFrom('center')
    .select('id')
    .where('id', '=', id)
    .where('district_id', '=', user.districtId)
    .executeTakeFirst()
  if (!center) throw notFound()
}

const instantOrNull = (value: number | null) => (value === null ? null : Number(value))

const duplicateUsername = () => appError('CONFLICT', 'staff.duplicateUsername')

/** Runs a write, turning a unique-key violation that slipped past the check into its error. */
async function mappingDuplicates<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateUsername()
    throw error
  }
}

/**
 * Opens an account inside the caller's transaction; the password hash is of a temporary password
 * the person must replace at first sign-in.
 */
export async function insertStaff(
  trx: Transaction<Database>,
  user: SessionUser,
  actor: Actor,
  input: CreateStaffInput,
  passwordHash: string,
): Promise<number> {
  assertMayAssign(user, input.role, input.centerId)
  await assertCenterExists(trx, user, input.centerId)
  if (input.departmentId !== null) await assertDepartmentExists(trx, input.departmentId)
  const taken = await trx
    .selectFrom('staff')
    .select('id')
    .where('username', '=', input.username)
    .executeTakeFirst()
  if (taken) throw duplicateUsername()
  const now = Date.now()
  const row = {
    display_name: input.displayName,
    role: input.role,
    center_id: input.centerId,
    phone: input.phone,
    weekly_minutes: input.weeklyMinutes,
    department_id: input.departmentId,
  }
  const result = await trx
    .insertInto('staff')
    .values({
      ...row,
      district_id: user.districtId,
      username: input.username,
      password_hash: passwordHash,
      status: 'active',
      failed_logins: 0,
      locked_until: null,
      password_reset_at: now,
      created_at: now,
      updated_at: now,
    })
    .executeTakeFirstOrThrow()
  const id = Number(result.insertId)
  await appendOperation(trx, actor, {
    action: 'staff.create',
    centerId: input.centerId,
    targetType: 'staff',
    targetId: id,
    after: { username: input.username, ...logView(row) },
  })
  return id
}

/**
 * Opens an account with a temporary password, returned once to hand over; the person must choose
 * their own at first sign-in.
 */
export async function createStaff(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: CreateStaffInput,
) {
  assertMayAssign(user, input.role, input.centerId)
  const password = temporaryPassword()
  const passwordHash = await hashPassword(password)
  const staffId = await mappingDuplicates(() =>
    db.transaction().execute((trx) => insertStaff(trx, user, actor, input, passwordHash)),
  )
  return { staffId, username: input.username, temporaryPassword: password }
}

/**
 * Edits an account inside the caller's transaction: a manager keeps people in the own center,
 * nobody changes their own role. Writes (and logs) nothing when nothing changes.
 */
export async function updateStaffIn(
  trx: Transaction<Database>,
  user: SessionUser,
  actor: Actor,
  input: Omit<UpdateStaffInput, 'version'> & { version: number | null },
) {
  const before = await loadEditable(trx, input.staffId)
  if (!before) throw notFound()
  assertMayManage(user, before)
  if (before.id === user.id && input.role !== before.role) {
    throw appError('BAD_REQUEST', 'staff.cannotChangeOwnRole')
  }
  if (!isDistrictWide(user.role) && input.centerId !== before.center_id) {
    throw appError('FORBIDDEN', 'staff.cannotChangeCenter')
  }
  assertMayAssign(user, input.role, input.centerId)
  if (input.centerId !== before.center_id) await assertCenterExists(trx, user, input.centerId)
  if (input.departmentId !== null && input.departmentId !== before.department_id) {
    await assertDepartmentExists(trx, input.departmentId)
  }
  const after = {
    display_name: input.displayName,
    role: input.role,
    center_id: input.centerId,
    phone: input.phone,
    weekly_minutes: input.weeklyMinutes,
    department_id: input.departmentId,
  }
  const changed = (Object.keys(after) as (keyof typeof after)[]).some(
    (key) => after[key] !== before[key],
  )
  if (!changed) {
    if (input.version !== null && input.version !== before.version) {
      throw appError('CONFLICT', 'common.staleVersion')
    }
    return { changed: false }
  }
  await bumpVersion(trx, 'staff', input.staffId, input.version)
  await trx
    .updateTable('staff')
    .set({ ...after, updated_at: Date.now() })
    .where('id', '=', input.staffId)
    .execute()
  await appendOperation(trx, actor, {
    action: 'staff.update',
    centerId: after.center_id ?? before.center_id,
    targetType: 'staff',
    targetId: input.staffId,
    before: logView(before),
    after: logView(after),
  })
  return { changed: true }
}

export function updateStaff(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: UpdateStaffInput,
) {
  return db.transaction().execute((trx) => updateStaffIn(trx, user, actor, input))
}

/**
 * Replaces the password with a temporary one, returned once and never stored or logged in clear;
 * ends the person's sessions and lifts any lockout so they can sign in with it.
 */
export async function resetStaffPassword(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  staffId: number,
) {
  if (staffId === user.id) throw appError('BAD_REQUEST', 'staff.cannotResetOwnPassword')
  const password = temporaryPassword()
  const passwordHash = await hashPassword(password)
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('staff')
      .select(['role', 'center_id', 'password_reset_at', 'locked_until', 'failed_logins'])
      .where('id', '=', staffId)
      .executeTakeFirst()
    if (!before) throw notFound()
    assertMayManage(user, before)
    const now = Date.now()
    await trx
      .updateTable('staff')
      .set({
        password_hash: passwordHash,
        password_reset_at: now,
        failed_logins: 0,
        locked_until: null,
        updated_at: now,
      })
      .where('id', '=', staffId)
      .execute()
    await revokeSessionsOf(trx, staffId, now)
    await appendOperation(trx, actor, {
      action: 'staff.resetPassword',
      centerId: before.center_id,
      targetType: 'staff',
      targetId: staffId,
      before: {
        passwordResetAt: instantOrNull(before.password_reset_at),
        lockedUntil: instantOrNull(before.locked_until),
        failedLogins: before.failed_logins,
      },
      after: { passwordResetAt: now, lockedUntil: null, failedLogins: 0 },
    })
  })
  return { temporaryPassword: password }
}
