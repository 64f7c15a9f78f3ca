import { type SessionUser, rosterInstanceSchema } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { addCalendarDays, checkRoster, parseRosterInstance } from '@onewindow/domain'
import type { Kysely, Transaction } from 'kysely'
import { appError } from '../../errors.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'
import { assignmentsOf, directoryOf, rosterById, shiftsOf } from './roster-store.ts'

async function touchRoster(trx: Transaction<Database>, rosterId: number, userId: number) {
  await trx
    .updateTable('roster')
    .set({ status: 'draft', updated_by: userId, updated_at: Date.now() })
    .where('id', '=', rosterId)
    .execute()
}

/** Sets or clears one member's shift on one day of a draft; the week view shows what it breaks. */
export async function editShift(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: {
    rosterId: number
    staffId: number
    day: string
    shiftCode: string | null
    counterId: number | null
  },
) {
  const roster = await rosterById(db, user, input.rosterId)
  const instance = rosterInstanceSchema.parse(JSON.parse(roster.instance))
  const directory = await directoryOf(db, roster.center_id, instance)
  if (input.day < roster.week_start || input.day > addCalendarDays(roster.week_start, 6)) {
    throw appError('BAD_REQUEST', 'roster.outsideWeek')
  }
  const member = directory.staff.find((row) => row.id === input.staffId)
  if (!member) throw appError('BAD_REQUEST', 'roster.unknownShift')
  if (input.shiftCode !== null) {
    if (input.counterId === null) throw appError('BAD_REQUEST', 'roster.counterRequired')
    const knownShift = instance.shiftTemplates.some((template) => template.id === input.shiftCode)
    const knownCounter = directory.counters.some((counter) => counter.id === input.counterId)
    if (!knownShift || !knownCounter) throw appError('BAD_REQUEST', 'roster.unknownShift')
  }
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('roster_shift')
      .select(['shift_code', 'counter_id'])
      .where('roster_id', '=', roster.id)
      .where('staff_id', '=', input.staffId)
      .where('day', '=', input.day)
      .execute()
    await trx
      .deleteFrom('roster_shift')
      .where('roster_id', '=', roster.id)
      .where('staff_id', '=', input.staffId)
      .where('day', '=', input.day)
      .execute()
    if (input.shiftCode !== null) {
      await trx
        .insertInto('roster_shift')
        .values({
          roster_id: roster.id,
          staff_id: input.staffId,
          day: input.day,
          shift_code: input.shiftCode,
          counter_id: input.counterId!,
        })
        .execute()
    }
    await touchRoster(trx, roster.id, user.id)
    await appendOperation(trx, actor, {
      action: 'roster.editShift',
      centerId: roster.center_id,
      targetType: 'roster',
      targetId: roster.id,
      before: { staff: member.code, day: input.day, shifts: before },
      after: {
        staff: member.code,
        day: input.day,
        shift: input.shiftCode,
        counterId: input.counterId,
      },
    })
  })
  return { ok: true as const }
}

/** Publishes a draft that breaks no hard rule: its shifts replace the week's published ones. */
export async function publishRoster(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  rosterId: number,
) {
  const roster = await rosterById(db, user, rosterId)
  const instance = rosterInstanceSchema.parse(JSON.parse(roster.instance))
  const directory = await directoryOf(db, roster.center_id, instance)
  const shifts = await shiftsOf(db, roster.id)
  const score = checkRoster(parseRosterInstance(instance), assignmentsOf(shifts, directory))
  if (!score.feasible) throw appError('BAD_REQUEST', 'roster.cannotPublish')
  const intervals = new Map(
    instance.shiftTemplates.map((template) => [template.id, JSON.stringify(template.intervals)]),
  )
  const weekEnd = addCalendarDays(roster.week_start, 6)
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('published_shift')
      .where('center_id', '=', roster.center_id)
      .where('day', '>=', roster.week_start)
      .where('day', '<=', weekEnd)
      .execute()
    if (shifts.length > 0) {
      await trx
        .insertInto('published_shift')
        .values(
          shifts.map((shift) => ({
            center_id: roster.center_id,
            staff_id: shift.staffId,
            day: shift.day,
            shift_code: shift.shiftCode,
            intervals: intervals.get(shift.shiftCode)!,
            counter_id: shift.counterId,
          })),
        )
        .execute()
    }
    const now = Date.now()
    await trx
      .updateTable('roster')
      .set({ status: 'published', published_by: user.id, published_at: now })
      .where('id', '=', roster.id)
      .execute()
    await appendOperation(trx, actor, {
      action: 'roster.publish',
      centerId: roster.center_id,
      targetType: 'roster',
      targetId: roster.id,
      after: { weekStart: roster.week_start, shifts: shifts.length, objective: score.objective },
    })
  })
  return { ok: true as const }
}
