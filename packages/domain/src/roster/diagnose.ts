import { minutesToClock, shiftCovers, type PreparedRoster } from './prepare.ts'

/** Shifts a member could work on each day: the day is open and they are not unavailable. */
function possibleShifts(roster: PreparedRoster, staff: number): number[][] {
  const member = roster.instance.staff[staff]!
  return roster.days.map((day) => (member.unavailable.includes(day.date) ? [] : day.shifts))
}

function longestWeek(roster: PreparedRoster, staff: number): number {
  const longestPerDay = possibleShifts(roster, staff)
    .map((shifts) => Math.max(0, ...shifts.map((shift) => roster.shifts[shift]!.minutes)))
    .filter((minutes) => minutes > 0)
    .sort((a, b) => b - a)
  const maxDays = roster.instance.staff[staff]!.maxDays
  return longestPerDay.slice(0, maxDays).reduce((sum, minutes) => sum + minutes, 0)
}

/** One reason the hard rules cannot all hold; `values` feed translated messages. */
export interface RosterConflict {
  code: 'minimum_unreachable' | 'maximum_below_shift' | 'counters_too_few' | 'rules_conflict'
  values: Record<string, string | number>
  message: string
}

/**
 * Plain reasons the hard rules cannot all hold, for an instance the solver proved infeasible.
 * Checks each member's minimum against their open days and the counters' room for everyone.
 */
export function diagnoseInfeasibility(roster: PreparedRoster): RosterConflict[] {
  const reasons: RosterConflict[] = []
  const { staff } = roster.instance
  staff.forEach((member, index) => {
    const reachable = longestWeek(roster, index)
    if (reachable < member.minMinutes) {
      const openDays = possibleShifts(roster, index).filter((shifts) => shifts.length > 0).length
      reasons.push({
        code: 'minimum_unreachable',
        values: {
          staff: member.id,
          minimum: member.minMinutes,
          openDays,
          maxDays: member.maxDays,
          reachable,
        },
        message:
          `${member.id} must work at least ${member.minMinutes} min, but ${openDays} available days ` +
          `(at most ${member.maxDays}) allow only ${reachable} min`,
      })
    }
    const shortest = Math.min(...roster.shifts.map((shift) => shift.minutes))
    if (member.minMinutes > 0 && shortest > member.maxMinutes) {
      reasons.push({
        code: 'maximum_below_shift',
        values: { staff: member.id, maximum: member.maxMinutes, shortest },
        message: `${member.id} may work at most ${member.maxMinutes} min, less than any shift (${shortest} min)`,
      })
    }
  })
  // A counter holds at most one person at a time, so at most the day's longest shift of work.
  const counterMinutes = roster.days.reduce((sum, day) => {
    const longest = Math.max(0, ...day.shifts.map((shift) => roster.shifts[shift]!.minutes))
    return sum + longest * roster.instance.counters.length
  }, 0)
  const neededMinutes = staff.reduce((sum, member) => sum + member.minMinutes, 0)
  if (neededMinutes > counterMinutes) {
    reasons.push({
      code: 'counters_too_few',
      values: { needed: neededMinutes, capacity: counterMinutes },
      message:
        `the staff's minimum hours need ${neededMinutes} counter-minutes, but the counters can ` +
        `hold only ${counterMinutes}`,
    })
  }
  if (reasons.length === 0) {
    reasons.push({
      code: 'rules_conflict',
      values: {},
      message:
        'the minimum hours, rest time, days and counter capacity cannot all hold together; ' +
        'lower some minimums or allow more days',
    })
  }
  return reasons
}

export interface RosterShortage {
  date: string
  skill: string
  slot: string
  required: number
  holders: number
  message: string
}

/**
 * Demand no roster can cover: in a slot, fewer available staff hold a skill than it needs.
 * Reported once per day and skill, at the slot where the gap is widest.
 */
export function structuralShortages(roster: PreparedRoster): RosterShortage[] {
  const { instance } = roster
  const shortages: RosterShortage[] = []
  roster.days.forEach((day) => {
    instance.skills.forEach((skill, skillIndex) => {
      let worst: RosterShortage | null = null
      day.slots.forEach((slot, slotIndex) => {
        const required = day.demand[slotIndex]![skillIndex]!
        if (required === 0) return
        const holders = instance.staff.filter(
          (member, staff) =>
            !member.unavailable.includes(day.date) &&
            roster.staffSkills[staff]!.includes(skillIndex) &&
            day.shifts.some((shift) =>
              shiftCovers(roster.shifts[shift]!, slot, roster.slotMinutes),
            ),
        ).length
        if (holders >= required) return
        if (worst && required - holders <= worst.required - worst.holders) return
        const at = minutesToClock(slot)
        worst = {
          date: day.date,
          skill,
          slot: at,
          required,
          holders,
          message: `only ${holders} staff hold ${skill} on ${day.date} but demand needs ${required} at ${at}`,
        }
      })
      if (worst) shortages.push(worst)
    })
  })
  return shortages
}
