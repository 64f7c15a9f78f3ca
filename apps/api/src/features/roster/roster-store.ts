import { type RosterAssignment, type RosterInstance, type SessionUser } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'
import { appError } from '../../errors.ts'
import { assertCenterAccess } from '../../scope.ts'
import { type RosterDirectory } from './roster-instance.service.ts'

export async function rosterOfWeek(db: Kysely<Database>, centerId: number, weekStart: string) {
  return db
    .selectFrom('roster')
    .selectAll()
    .where('center_id', '=', centerId)
    .where('week_start', '=', weekStart)
    .executeTakeFirst()
}

export async function rosterById(db: Kysely<Database>, user: SessionUser, rosterId: number) {
  const roster = await db
    .selectFrom('roster')
    .selectAll()
    .where('id', '=', rosterId)
    .executeTakeFirst()
  if (!roster) throw appError('NOT_FOUND', 'roster.notFound')
  assertCenterAccess(user, roster.center_id)
  return roster
}

/** The staff and counters named in an instance, as they are in the database now. */
export async function directoryOf(
  db: Kysely<Database>,
  centerId: number,
  instance: RosterInstance,
): Promise<RosterDirectory> {
  const [staff, counters] = await Promise.all([
    db
      .selectFrom('staff')
      .select(['id', 'username as code', 'display_name as name'])
      .where('center_id', '=', centerId)
      .where(
        'username',
        'in',
        instance.staff.map((member) => member.id),
      )
      .execute(),
    db
      .selectFrom('counter')
      .select(['id', 'code', 'name', 'kind'])
      .where('center_id', '=', centerId)
      .where(
        'code',
        'in',
        instance.counters.map((counter) => counter.id),
      )
      .execute(),
  ])
  const order = <T extends { code: string }>(rows: T[], codes: string[]) =>
    codes.flatMap((code) => rows.filter((row) => row.code === code))
  return {
    staff: order(
      staff,
      instance.staff.map((member) => member.id),
    ),
    counters: order(
      counters,
      instance.counters.map((counter) => counter.id),
    ),
  }
}

export async function shiftsOf(db: Kysely<Database>, rosterId: number) {
  return db
    .selectFrom('roster_shift')
    .select(['staff_id as staffId', 'day', 'shift_code as shiftCode', 'counter_id as counterId'])
    .where('roster_id', '=', rosterId)
    .orderBy('day')
    .execute()
}

export function assignmentsOf(
  shifts: { staffId: number; day: string; shiftCode: string; counterId: number }[],
  directory: RosterDirectory,
): RosterAssignment[] {
  const staffCode = new Map(directory.staff.map((member) => [member.id, member.code]))
  const counterCode = new Map(directory.counters.map((counter) => [counter.id, counter.code]))
  return shifts.map((shift) => ({
    staff: staffCode.get(shift.staffId) ?? `#${shift.staffId}`,
    date: shift.day,
    shift: shift.shiftCode,
    counter: counterCode.get(shift.counterId) ?? `#${shift.counterId}`,
  }))
}
