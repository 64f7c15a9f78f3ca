import type { CalendarDayKindName } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import {
  addWorkingDays,
  daysOfYear,
  isWorkingDay,
  weekdayOf,
  workingCalendar,
} from '@onewindow/domain'
import type { Kysely, Transaction } from 'kysely'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'
import { isUniqueViolation } from '../../db-errors.ts'

const specialDaysBetween = (db: Kysely<Database>, first: string, last?: string) =>
  db
    .selectFrom('calendar_day')
    .select(['day', 'kind', 'name'])
    .where('day', '>=', first)
    .$if(last !== undefined, (qb) => qb.where('day', '<=', last!))
    .orderBy('day')
    .execute()

/** Every day of a year with its weekday, whether it is worked, and its special kind and name. */
export async function calendarYear(db: Kysely<Database>, year: number) {
  const special = await specialDaysBetween(db, `${year}-01-01`, `${year}-12-31`)
  const calendar = workingCalendar(special)
  const byDay = new Map(special.map((row) => [row.day, row]))
  return {
    year,
    specialDays: special,
    days: daysOfYear(year).map((day) => ({
      day,
      weekday: weekdayOf(day),
      working: isWorkingDay(day, calendar),
      kind: byDay.get(day)?.kind ?? null,
    })),
  }
}

/**
 * The deadline of a matter accepted on `from` with `days` working days (counting from the next
 * working day). `unenteredYears` are years it crosses with no special days entered yet, where
 * the deadline silently follows the normal week.
 */
export async function deadline(db: Kysely<Database>, input: { from: string; days: number }) {
  const special = await specialDaysBetween(db, `${input.from.slice(0, 4)}-01-01`)
  const due = addWorkingDays(input.from, input.days, workingCalendar(special))
  const entered = new Set(special.map((row) => Number(row.day.slice(0, 4))))
  const unenteredYears: number[] = []
  for (let year = Number(input.from.slice(0, 4)); year <= Number(due.slice(0, 4)); year += 1) {
    if (!entered.has(year)) unenteredYears.push(year)
  }
  return {
    from: input.from,
    days: input.days,
    deadline: due,
    weekday: weekdayOf(due),
    unenteredYears,
  }
}

async function writeDay(
  trx: Transaction<Database>,
  day: string,
  values: { kind: CalendarDayKindName; name: string },
  exists: boolean,
) {
  const update = () => trx.updateTable('calendar_day').set(values).where('day', '=', day).execute()
  if (exists) {
    await update()
    return
  }
  try {
    await trx
      .insertInto('calendar_day')
      .values({ day, ...values })
      .execute()
  } catch (error) {
    // Someone entered the same day a moment ago: the later edit wins, as with an update.
    if (!isUniqueViolation(error)) throw error
    await update()
  }
}

/** Marks a day as a holiday or make-up working day, or (kind null) returns it to the normal week. */
export async function setCalendarDay(
  db: Kysely<Database>,
  actor: Actor,
  input: { day: string; kind: CalendarDayKindName | null; name: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('calendar_day')
      .select(['kind', 'name'])
      .where('day', '=', input.day)
      .executeTakeFirst()
    const before = row ? { kind: row.kind, name: row.name } : undefined
    if (input.kind === null) {
      if (!row) return // already a normal day: nothing to change, nothing to log
      await trx.deleteFrom('calendar_day').where('day', '=', input.day).execute()
    } else {
      await writeDay(trx, input.day, { kind: input.kind, name: input.name }, row !== undefined)
    }
    await appendOperation(trx, actor, {
      action: input.kind === null ? 'calendar.clearDay' : 'calendar.setDay',
      centerId: null,
      targetType: 'calendar_day',
      targetId: input.day,
      before,
      after: input.kind === null ? undefined : { kind: input.kind, name: input.name },
    })
  })
}
