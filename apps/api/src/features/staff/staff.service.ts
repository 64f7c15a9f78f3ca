import type { Role, SessionUser, StaffStatus } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { maskPhone } from '@onewindow/domain'
import type { Kysely } from 'kysely'
import { appError, notFound } from '../../errors.ts'
import { type CenterScope, assertCenterAccess, whereInScope } from '../../scope.ts'
import { revokeSessionsOf } from '../auth/session.service.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'
import { containsLiteral } from '../../text-search.ts'

export interface ListStaffQuery {
  scope: CenterScope
  page: number
  pageSize: number
  search?: string
  role?: Role
}

export async function listStaff(db: Kysely<Database>, query: ListStaffQuery) {
  const filtered = whereInScope(
    db
      .selectFrom('staff')
      .leftJoin('center', 'center.id', 'staff.center_id')
      .leftJoin('staff_two_factor', 'staff_two_factor.staff_id', 'staff.id'),
    'staff.center_id',
    query.scope,
  )
    .$if(query.role !== undefined, (qb) => qb.where('staff.role', '=', query.role!))
    .$if(Boolean(query.search), (qb) =>
      qb.where((eb) =>
        eb.or([
          containsLiteral('staff.username', query.search!),
          containsLiteral('staff.display_name', query.search!),
        ]),
      ),
    )
  const [rows, total] = await Promise.all([
    filtered
      .select([
        'staff.id',
        'staff.username',
        'staff.display_name',
        'staff.role',
        'staff.status',
        'staff.phone',
        'staff.center_id',
        'center.name as center_name',
        'staff.locked_until',
        'staff_two_factor.enrolled_at',
      ])
      .orderBy('staff.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ])
  const now = Date.now()
  return {
    total: Number(total.count),
    rows: rows.map((row) => ({
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      status: row.status,
      phone: maskPhone(row.phone),
      centerId: row.center_id,
      centerName: row.center_name,
      locked: row.locked_until !== null && Number(row.locked_until) > now,
      twoFactor: row.enrolled_at !== null,
    })),
  }
}

async function loadStaffForChange(db: Kysely<Database>, user: SessionUser, staffId: number) {
  const row = await db
    .selectFrom('staff')
    .select(['id', 'center_id', 'status', 'locked_until', 'failed_logins'])
    .where('id', '=', staffId)
    .executeTakeFirst()
  if (!row) throw notFound()
  assertCenterAccess(user, row.center_id)
  return row
}

/** Enables or disables an account; disabling ends its sessions at once. */
export async function setStaffStatus(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: { staffId: number; status: StaffStatus },
) {
  if (input.staffId === user.id && input.status === 'disabled') {
    throw appError('BAD_REQUEST', 'staff.cannotDisableSelf')
  }
  const before = await loadStaffForChange(db, user, input.staffId)
  await db.transaction().execute(async (trx) => {
    const now = Date.now()
    await trx
      .updateTable('staff')
      .set({ status: input.status, updated_at: now })
      .where('id', '=', input.staffId)
      .execute()
    if (input.status === 'disabled') await revokeSessionsOf(trx, input.staffId, now)
    await appendOperation(trx, actor, {
      action: 'staff.setStatus',
      centerId: before.center_id,
      targetType: 'staff',
      targetId: input.staffId,
      before: { status: before.status },
      after: { status: input.status },
    })
  })
}

/** Lifts a sign-in lockout before it runs out. */
export async function unlockStaff(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  staffId: number,
) {
  const before = await loadStaffForChange(db, user, staffId)
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff')
      .set({ locked_until: null, failed_logins: 0, updated_at: Date.now() })
      .where('id', '=', staffId)
      .execute()
    await appendOperation(trx, actor, {
      action: 'staff.unlock',
      centerId: before.center_id,
      targetType: 'staff',
      targetId: staffId,
      before: { lockedUntil: before.locked_until, failedLogins: before.failed_logins },
      after: { lockedUntil: null, failedLogins: 0 },
    })
  })
}
