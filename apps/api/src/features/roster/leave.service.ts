import { type LeaveStatus, type SessionUser, can, shanghaiToday } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { addCalendarDays } from '@onewindow/domain'
import type { Kysely } from 'kysely'
import { appError, forbidden } from '../../errors.ts'
import { type CenterScope, assertCenterAccess, whereInScope } from '../../scope.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'

const maxLeaveDays = 31

function leaveRows(db: Kysely<Database>) {
  return db
    .selectFrom('leave_request')
    .innerJoin('staff', 'staff.id', 'leave_request.staff_id')
    .leftJoin('staff as decider', 'decider.id', 'leave_request.decided_by')
    .select([
      'leave_request.id',
      'leave_request.staff_id as staffId',
      'staff.display_name as staffName',
      'leave_request.from_day as fromDay',
      'leave_request.to_day as toDay',
      'leave_request.reason',
      'leave_request.status',
      'leave_request.created_at as createdAt',
      'decider.display_name as decidedBy',
      'leave_request.decided_at as decidedAt',
    ])
}

type LeaveRow = Awaited<ReturnType<ReturnType<typeof leaveRows>['execute']>>[number]

const view = (row: LeaveRow) => ({
  ...row,
  createdAt: new Date(Number(row.createdAt)),
  decidedAt: row.decidedAt === null ? null : new Date(Number(row.decidedAt)),
})

/** A member asks for days off; a manager decides. Approved days are unavailable to the solver. */
/** The member a request is for: oneself, or (for a manager recording it) a member of their center. */
async function leaveTaker(db: Kysely<Database>, user: SessionUser, staffId: number | undefined) {
  if (staffId === undefined || staffId === user.id) {
    if (user.centerId === null) throw appError('BAD_REQUEST', 'leave.staffRequired')
    return { id: user.id, centerId: user.centerId }
  }
  if (!can(user.role, 'roster.manage')) throw forbidden()
  const member = await db
    .selectFrom('staff')
    .select(['id', 'center_id'])
    .where('id', '=', staffId)
    .executeTakeFirst()
  if (!member || member.center_id === null) throw appError('NOT_FOUND', 'leave.notFound')
  assertCenterAccess(user, member.center_id)
  return { id: member.id, centerId: member.center_id }
}

export async function requestLeave(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: { staffId?: number; fromDay: string; toDay: string; reason: string },
) {
  const taker = await leaveTaker(db, user, input.staffId)
  if (input.fromDay < shanghaiToday(Date.now())) throw appError('BAD_REQUEST', 'leave.inPast')
  if (input.toDay > addCalendarDays(input.fromDay, maxLeaveDays - 1))
    throw appError('BAD_REQUEST', 'leave.tooLong')
  const centerId = taker.centerId
  return db.transaction().execute(async (trx) => {
    const overlapping = await trx
      .selectFrom('leave_request')
      .select('id')
      .where('staff_id', '=', taker.id)
      .where('status', 'in', ['pending', 'approved'])
      .where('from_day', '<=', input.toDay)
      .where('to_day', '>=', input.fromDay)
      .executeTakeFirst()
    if (overlapping) throw appError('CONFLICT', 'leave.overlaps')
    const inserted = await trx
      .insertInto('leave_request')
      .values({
        center_id: centerId,
        staff_id: taker.id,
        from_day: input.fromDay,
        to_day: input.toDay,
        reason: input.reason,
        status: 'pending',
        created_at: Date.now(),
        decided_by: null,
        decided_at: null,
      })
      .executeTakeFirstOrThrow()
    const leaveId = Number(inserted.insertId)
    await appendOperation(trx, actor, {
      action: 'leave.request',
      centerId,
      targetType: 'leave_request',
      targetId: leaveId,
      after: { ...input, staffId: taker.id },
    })
    return { leaveId }
  })
}

export async function myLeave(db: Kysely<Database>, user: SessionUser) {
  const rows = await leaveRows(db)
    .where('leave_request.staff_id', '=', user.id)
    .orderBy('leave_request.from_day', 'desc')
    .limit(50)
    .execute()
  return rows.map(view)
}

export async function listLeave(
  db: Kysely<Database>,
  scope: CenterScope,
  status: LeaveStatus | undefined,
) {
  let query = whereInScope(leaveRows(db), 'leave_request.center_id', scope)
  if (status) query = query.where('leave_request.status', '=', status)
  const rows = await query.orderBy('leave_request.from_day').limit(200).execute()
  return rows.map(view)
}

/** Changes a pending request's status, only if it is still pending (two managers may race). */
async function settle(
  db: Kysely<Database>,
  actor: Actor,
  leave: { id: number; center_id: number },
  change: { status: Exclude<LeaveStatus, 'pending'>; decided_by: number | null },
) {
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('leave_request')
      .set({ ...change, decided_at: Date.now() })
      .where('id', '=', leave.id)
      .where('status', '=', 'pending')
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) throw appError('CONFLICT', 'leave.notPending')
    await appendOperation(trx, actor, {
      action: `leave.${change.status}`,
      centerId: leave.center_id,
      targetType: 'leave_request',
      targetId: leave.id,
      after: { status: change.status },
    })
  })
  return { ok: true as const }
}

async function pendingLeave(db: Kysely<Database>, leaveId: number) {
  const leave = await db
    .selectFrom('leave_request')
    .selectAll()
    .where('id', '=', leaveId)
    .executeTakeFirst()
  if (!leave) throw appError('NOT_FOUND', 'leave.notFound')
  if (leave.status !== 'pending') throw appError('CONFLICT', 'leave.notPending')
  return leave
}

export async function decideLeave(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: { leaveId: number; approve: boolean },
) {
  const leave = await pendingLeave(db, input.leaveId)
  assertCenterAccess(user, leave.center_id)
  return settle(db, actor, leave, {
    status: input.approve ? 'approved' : 'rejected',
    decided_by: user.id,
  })
}

export async function withdrawLeave(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  leaveId: number,
) {
  const leave = await pendingLeave(db, leaveId)
  if (leave.staff_id !== user.id) throw appError('NOT_FOUND', 'leave.notFound')
  return settle(db, actor, leave, { status: 'withdrawn', decided_by: null })
}
