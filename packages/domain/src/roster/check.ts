import type { RosterAssignment } from '@onewindow/contracts'
import { coverageBySkill } from './coverage.ts'
import { shiftCovers, shiftsOverlap, type PreparedRoster, type Shift } from './prepare.ts'

export type RosterViolationCode =
  | 'unknown_staff'
  | 'unknown_shift'
  | 'unknown_counter'
  | 'outside_horizon'
  | 'outside_opening_hours'
  | 'two_shifts_a_day'
  | 'unavailable'
  | 'short_rest'
  | 'too_few_minutes'
  | 'too_many_minutes'
  | 'too_many_days'
  | 'counter_double_booked'
  | 'dedicated_counter_skill'

/** One broken hard rule (numbered as in shared/formats/roster.md). */
export interface RosterViolation {
  rule: 1 | 2 | 3 | 4 | 5 | 6
  code: RosterViolationCode
  message: string
  staff?: string
  date?: string
  counter?: string
  /** The figures the message quotes, for translated messages: minutes worked, the limit, … */
  values?: Record<string, number | string>
}

export interface RosterScore {
  feasible: boolean
  violations: RosterViolation[]
  shortfall: number
  surplus: number
  preference: number
  objective: number
}

/** An assignment whose ids all resolve, with its indexes. */
interface Placed {
  assignment: RosterAssignment
  staff: number
  day: number
  shift: Shift
  counter: string
  group: number
}

const violationRule: Record<RosterViolationCode, RosterViolation['rule']> = {
  unknown_staff: 1,
  unknown_shift: 1,
  unknown_counter: 1,
  outside_horizon: 1,
  outside_opening_hours: 1,
  two_shifts_a_day: 2,
  unavailable: 2,
  short_rest: 3,
  too_few_minutes: 4,
  too_many_minutes: 4,
  too_many_days: 4,
  counter_double_booked: 5,
  dedicated_counter_skill: 6,
}

/** Skill indexes a member may serve on a counter of the group (dedicated counters narrow them). */
export function servableSkills(roster: PreparedRoster, staff: number, group: number): number[] {
  const held = roster.staffSkills[staff]!
  const allowed = roster.groups[group]!.skills
  return allowed === null ? held : held.filter((skill) => allowed.includes(skill))
}

class Violations {
  readonly list: RosterViolation[] = []
  add(
    code: RosterViolationCode,
    message: string,
    where: Omit<RosterViolation, 'rule' | 'code' | 'message'> = {},
  ) {
    this.list.push({ rule: violationRule[code], code, message, ...where })
  }
}

function resolve(
  roster: PreparedRoster,
  assignments: readonly RosterAssignment[],
  found: Violations,
) {
  const staffIndex = new Map(roster.instance.staff.map((member, index) => [member.id, index]))
  const shiftIndex = new Map(roster.shifts.map((shift, index) => [shift.id, index]))
  const dayIndex = new Map(roster.days.map((day, index) => [day.date, index]))
  const placed: Placed[] = []
  for (const assignment of assignments) {
    const { staff: staffId, date, shift: shiftId, counter } = assignment
    const where = { staff: staffId, date, counter }
    const staff = staffIndex.get(staffId)
    const shift = shiftIndex.get(shiftId)
    const day = dayIndex.get(date)
    const group = roster.groupOfCounter.get(counter)
    if (staff === undefined) found.add('unknown_staff', `no staff member "${staffId}"`, where)
    if (shift === undefined) found.add('unknown_shift', `no shift template "${shiftId}"`, where)
    if (group === undefined) found.add('unknown_counter', `no counter "${counter}"`, where)
    if (day === undefined) found.add('outside_horizon', `${date} is outside the horizon`, where)
    if (staff === undefined || shift === undefined || group === undefined || day === undefined) {
      continue
    }
    if (!roster.days[day]!.shifts.includes(shift)) {
      found.add(
        'outside_opening_hours',
        `shift ${shiftId} is not inside the opening hours of ${date}`,
        where,
      )
    }
    placed.push({ assignment, staff, day, shift: roster.shifts[shift]!, counter, group })
  }
  return placed
}

function checkStaffRules(roster: PreparedRoster, placed: readonly Placed[], found: Violations) {
  const { instance } = roster
  const byStaff = roster.instance.staff.map((): Placed[] => [])
  for (const entry of placed) byStaff[entry.staff]!.push(entry)
  byStaff.forEach((shifts, staff) => {
    const member = instance.staff[staff]!
    const id = member.id
    shifts.sort((a, b) => a.day - b.day || a.shift.start - b.shift.start)
    for (const entry of shifts) {
      const date = roster.days[entry.day]!.date
      if (member.unavailable.includes(date)) {
        found.add('unavailable', `${id} works on ${date}, when unavailable`, { staff: id, date })
      }
    }
    for (let index = 1; index < shifts.length; index++) {
      const before = shifts[index - 1]!
      const after = shifts[index]!
      const date = roster.days[after.day]!.date
      if (before.day === after.day) {
        found.add('two_shifts_a_day', `${id} has more than one shift on ${date}`, {
          staff: id,
          date,
        })
        continue
      }
      const rest = (after.day - before.day) * 1440 + after.shift.start - before.shift.end
      const limit = instance.rules.minRestMinutes
      if (rest < limit) {
        found.add('short_rest', `${id} rests ${rest} min before ${date}, less than ${limit}`, {
          staff: id,
          date,
          values: { rest, limit },
        })
      }
    }
    const minutes = shifts.reduce((sum, entry) => sum + entry.shift.minutes, 0)
    const days = new Set(shifts.map((entry) => entry.day)).size
    if (minutes < member.minMinutes) {
      found.add(
        'too_few_minutes',
        `${id} works ${minutes} min, below the minimum ${member.minMinutes}`,
        { staff: id, values: { minutes, limit: member.minMinutes } },
      )
    }
    if (minutes > member.maxMinutes) {
      found.add(
        'too_many_minutes',
        `${id} works ${minutes} min, above the maximum ${member.maxMinutes}`,
        { staff: id, values: { minutes, limit: member.maxMinutes } },
      )
    }
    if (days > member.maxDays) {
      found.add('too_many_days', `${id} works ${days} days, more than ${member.maxDays}`, {
        staff: id,
        values: { days, limit: member.maxDays },
      })
    }
  })
}

function checkCounterRules(roster: PreparedRoster, placed: readonly Placed[], found: Violations) {
  const byCounterDay = new Map<string, Placed[]>()
  for (const entry of placed) {
    const key = `${entry.counter}\u0000${entry.day}`
    byCounterDay.set(key, [...(byCounterDay.get(key) ?? []), entry])
    const counterSkills = roster.groups[entry.group]!.skills
    if (counterSkills !== null && servableSkills(roster, entry.staff, entry.group).length === 0) {
      const { staff, date, counter } = entry.assignment
      found.add(
        'dedicated_counter_skill',
        `${staff} holds none of the skills of dedicated counter ${counter}`,
        { staff, date, counter },
      )
    }
  }
  for (const entries of byCounterDay.values()) {
    for (let a = 0; a < entries.length; a++) {
      for (let b = a + 1; b < entries.length; b++) {
        if (!shiftsOverlap(entries[a]!.shift, entries[b]!.shift)) continue
        const { date, counter, staff } = entries[b]!.assignment
        const other = entries[a]!.assignment.staff
        found.add(
          'counter_double_booked',
          `counter ${counter} holds ${other} and ${staff} at once on ${date}`,
          { staff, date, counter, values: { other } },
        )
      }
    }
  }
}

/** Per slot of each day: staff on duty, and per skill the demand and how much of it is covered. */
function slotCoverage(roster: PreparedRoster, placed: readonly Placed[]) {
  return roster.days.map((day, dayIndex) => {
    const onDay = placed.filter((entry) => entry.day === dayIndex)
    return day.slots.map((slot, slotIndex) => {
      const demand = day.demand[slotIndex]!
      const onDuty = onDay.filter((entry) => shiftCovers(entry.shift, slot, roster.slotMinutes))
      const servable = onDuty.map((entry) => servableSkills(roster, entry.staff, entry.group))
      return { demand, covered: coverageBySkill(servable, demand), onDuty: onDuty.length }
    })
  })
}

/** shortfall, surplus and preference as defined in shared/formats/roster.md, "Score". */
function scoreOf(roster: PreparedRoster, placed: readonly Placed[]) {
  let shortfall = 0
  let surplus = 0
  for (const slots of slotCoverage(roster, placed)) {
    for (const { demand, covered, onDuty } of slots) {
      const totalDemand = demand.reduce((sum, required) => sum + required, 0)
      shortfall += totalDemand - covered.reduce((sum, count) => sum + count, 0)
      surplus += Math.max(0, onDuty - totalDemand)
    }
  }
  const preference = placed.filter((entry) =>
    roster.instance.staff[entry.staff]!.preferredOff.includes(roster.days[entry.day]!.date),
  ).length
  const { weights } = roster.instance.rules
  const objective =
    weights.shortfall * shortfall + weights.surplus * surplus + weights.preference * preference
  return { shortfall, surplus, preference, objective }
}

/** Recomputes feasibility and the objective of a roster from the instance and assignments alone. */
export function checkRoster(
  roster: PreparedRoster,
  assignments: readonly RosterAssignment[],
): RosterScore {
  const found = new Violations()
  const placed = resolve(roster, assignments, found)
  checkStaffRules(roster, placed, found)
  checkCounterRules(roster, placed, found)
  return {
    feasible: found.list.length === 0,
    violations: found.list,
    ...scoreOf(roster, placed),
  }
}

/** Coverage of every slot by a roster (see slotCoverage); assignments that do not resolve are left out. */
export function rosterCoverage(roster: PreparedRoster, assignments: readonly RosterAssignment[]) {
  return slotCoverage(roster, resolve(roster, assignments, new Violations()))
}
