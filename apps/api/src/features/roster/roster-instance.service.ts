import type { RosterInstance } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import {
  type DayArrivals,
  type OpeningInterval,
  addCalendarDays,
  centerRosterInstance,
  slotsPerDay,
  workingCalendar,
} from '@onewindow/domain'
import type { Kysely } from 'kysely'
import { appError, notFound } from '../../errors.ts'

/** Weeks of arrivals the forecast looks back on (4 same weekdays, plus room for closed days). */
const historyWeeks = 8

/** The people and counters behind the ids of a roster instance. */
export interface RosterDirectory {
  staff: { id: number; code: string; name: string }[]
  counters: { id: number; code: string; name: string; kind: string }[]
}

async function arrivalsBySkill(db: Kysely<Database>, centerId: number, weekStart: string) {
  const rows = await db
    .selectFrom('ticket')
    .innerJoin('skill', 'skill.id', 'ticket.skill_id')
    .select(['skill.code as skill', 'ticket.day', 'ticket.issued_at'])
    .where('ticket.center_id', '=', centerId)
    .where('ticket.day', '>=', addCalendarDays(weekStart, -7 * historyWeeks))
    .where('ticket.day', '<', weekStart)
    // A transfer re-issues the visit: count each resident once.
    .where('ticket.transferred_from_id', 'is', null)
    .execute()
  const arrivals = new Map<string, Map<string, number[]>>()
  for (const row of rows) {
    const days = arrivals.get(row.skill) ?? new Map<string, number[]>()
    arrivals.set(row.skill, days)
    const slots = days.get(row.day) ?? new Array<number>(slotsPerDay).fill(0)
    days.set(row.day, slots)
    const minutesIntoDay = ((Number(row.issued_at) + 8 * 3_600_000) % 86_400_000) / 60_000
    slots[Math.floor(minutesIntoDay / 30)]! += 1
  }
  return arrivals as Map<string, Map<string, DayArrivals>>
}

async function meanServiceMinutes(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('service_item')
    .innerJoin('skill', 'skill.id', 'service_item.skill_id')
    .select([
      'skill.code',
      (eb) => eb.fn.avg<number>('service_item.standard_minutes').as('minutes'),
    ])
    .where('service_item.status', '=', 'active')
    .where('skill.status', '=', 'active')
    .groupBy('skill.code')
    .execute()
  return rows.map((row) => ({ code: row.code, meanServiceMinutes: Number(row.minutes) }))
}

async function approvedLeave(db: Kysely<Database>, centerId: number, weekStart: string) {
  const weekEnd = addCalendarDays(weekStart, 6)
  const rows = await db
    .selectFrom('leave_request')
    .select(['staff_id', 'from_day', 'to_day'])
    .where('center_id', '=', centerId)
    .where('status', '=', 'approved')
    .where('from_day', '<=', weekEnd)
    .where('to_day', '>=', weekStart)
    .execute()
  const leave = new Map<number, string[]>()
  for (const row of rows) {
    for (let offset = 0; offset < 7; offset++) {
      const date = addCalendarDays(weekStart, offset)
      if (date >= row.from_day && date <= row.to_day) {
        leave.set(row.staff_id, [...(leave.get(row.staff_id) ?? []), date])
      }
    }
  }
  return leave
}

/**
 * A center's roster problem for a week, from the database: its window staff and their skills,
 * open counters, opening hours and holidays, approved leave and the forecast of each skill.
 */
export async function buildRosterInstance(
  db: Kysely<Database>,
  centerId: number,
  weekStart: string,
): Promise<{ instance: RosterInstance; directory: RosterDirectory }> {
  const center = await db
    .selectFrom('center')
    .select(['code', 'opening_hours'])
    .where('id', '=', centerId)
    .executeTakeFirst()
  if (!center) throw notFound()
  const [staffRows, staffSkills, counterRows, counterSkills, calendarRows, skills] =
    await Promise.all([
      db
        .selectFrom('staff')
        .select(['id', 'username', 'display_name', 'weekly_minutes'])
        .where('center_id', '=', centerId)
        .where('role', '=', 'staff')
        .where('status', '=', 'active')
        .orderBy('username')
        .execute(),
      db
        .selectFrom('staff_skill')
        .innerJoin('staff', 'staff.id', 'staff_skill.staff_id')
        .innerJoin('skill', 'skill.id', 'staff_skill.skill_id')
        .select(['staff_skill.staff_id', 'skill.code'])
        .where('staff.center_id', '=', centerId)
        .where('skill.status', '=', 'active')
        .execute(),
      db
        .selectFrom('counter')
        .select(['id', 'code', 'name', 'kind'])
        .where('center_id', '=', centerId)
        .where('status', '=', 'open')
        .orderBy('code')
        .execute(),
      db
        .selectFrom('counter_skill')
        .innerJoin('counter', 'counter.id', 'counter_skill.counter_id')
        .innerJoin('skill', 'skill.id', 'counter_skill.skill_id')
        .select(['counter_skill.counter_id', 'skill.code'])
        .where('counter.center_id', '=', centerId)
        .where('skill.status', '=', 'active')
        .execute(),
      db
        .selectFrom('calendar_day')
        .select(['day', 'kind'])
        .where('day', '>=', weekStart)
        .where('day', '<=', addCalendarDays(weekStart, 6))
        .execute(),
      meanServiceMinutes(db),
    ])
  if (staffRows.length === 0) throw appError('BAD_REQUEST', 'roster.noStaff')
  const skillCodes = new Set(skills.map((skill) => skill.code))
  const codesOf = (rows: { code: string }[]) =>
    rows.map((row) => row.code).filter((code) => skillCodes.has(code))
  // A dedicated counter with no active skill left cannot take anyone: leave it out.
  const counters = counterRows
    .map((counter) => ({
      ...counter,
      skills: codesOf(counterSkills.filter((row) => row.counter_id === counter.id)),
    }))
    .filter((counter) => counter.kind === 'comprehensive' || counter.skills.length > 0)
  if (counters.length === 0) throw appError('BAD_REQUEST', 'roster.noCounters')
  const leave = await approvedLeave(db, centerId, weekStart)
  const instance = centerRosterInstance({
    center: center.code,
    weekStart,
    openingHours: JSON.parse(center.opening_hours) as OpeningInterval[],
    calendar: workingCalendar(calendarRows),
    skills,
    counters: counters.map((counter) => ({
      code: counter.code,
      kind: counter.kind,
      skills: counter.skills,
    })),
    staff: staffRows.map((member) => ({
      id: member.username,
      skills: codesOf(staffSkills.filter((row) => row.staff_id === member.id)),
      weeklyMinutes: member.weekly_minutes,
      leave: leave.get(member.id) ?? [],
    })),
    arrivals: await arrivalsBySkill(db, centerId, weekStart),
  })
  if (instance.shiftTemplates.length === 0) throw appError('BAD_REQUEST', 'roster.closedWeek')
  return {
    instance,
    directory: {
      staff: staffRows.map((member) => ({
        id: member.id,
        code: member.username,
        name: member.display_name,
      })),
      counters: counters.map((counter) => ({
        id: counter.id,
        code: counter.code,
        name: counter.name,
        kind: counter.kind,
      })),
    },
  }
}
