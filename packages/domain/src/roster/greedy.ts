import { servableSkills } from './check.ts'
import type { WorkingShift } from './counters.ts'
import { shiftCovers, type PreparedRoster } from './prepare.ts'

/**
 * A quick roster to start the MIP from (HiGHS then only has to improve it): day by day, staff who
 * would otherwise miss their minimum hours are placed first, then whoever covers the most unmet
 * demand, until nobody adds value. Counters are counted per group over each shift's span, as the
 * capacity model does, so use it only when shifts act as intervals (see model.ts).
 */
export function greedyRoster(roster: PreparedRoster): WorkingShift[] {
  const { instance, days, shifts, groups } = roster
  const { weights, minRestMinutes } = instance.rules
  const minutes = instance.staff.map(() => 0)
  const daysWorked = instance.staff.map(() => 0)
  const lastShift = instance.staff.map((): { day: number; end: number } | null => null)
  const working: WorkingShift[] = []

  const available = (staff: number, day: number) =>
    !instance.staff[staff]!.unavailable.includes(days[day]!.date) && days[day]!.shifts.length > 0
  const longestOn = days.map((day) =>
    Math.max(0, ...day.shifts.map((shift) => shifts[shift]!.minutes)),
  )
  /** True when the member's later days cannot make up the minutes still owed without today. */
  const mustWork = (staff: number, day: number) => {
    const member = instance.staff[staff]!
    const owed = member.minMinutes - minutes[staff]!
    const laterDays = member.maxDays - daysWorked[staff]! - 1
    const later = longestOn
      .flatMap((longest, index) => (index > day && available(staff, index) ? [longest] : []))
      .sort((a, b) => b - a)
      .slice(0, Math.max(0, laterDays))
      .reduce((sum, longest) => sum + longest, 0)
    return owed > 0 && owed > later
  }

  days.forEach((day, dayIndex) => {
    const unmet = day.demand.map((row) => [...row])
    const onDuty = day.slots.map(() => 0)
    const seated = groups.map(() => [] as { start: number; end: number }[])
    const placedToday = new Set<number>()

    const fits = (staff: number, shift: number, group: number) => {
      const member = instance.staff[staff]!
      const span = shifts[shift]!
      const last = lastShift[staff]
      if (minutes[staff]! + span.minutes > member.maxMinutes) return false
      if (last && (dayIndex - last.day) * 1440 + span.start - last.end < minRestMinutes)
        return false
      const overlapping = seated[group]!.filter(
        (other) => other.start < span.end && span.start < other.end,
      )
      // Interval graph: the largest set of mutually overlapping spans sits at some start point.
      const starts = [
        span.start,
        ...overlapping.map((other) => other.start).filter((at) => at > span.start),
      ]
      return starts.every(
        (at) =>
          overlapping.filter((other) => other.start <= at && at < other.end).length + 1 <=
          groups[group]!.counters.length,
      )
    }

    const gain = (staff: number, shift: number, group: number) => {
      const skills = servableSkills(roster, staff, group)
      let value = instance.staff[staff]!.preferredOff.includes(day.date) ? -weights.preference : 0
      day.slots.forEach((slot, slotIndex) => {
        if (!shiftCovers(shifts[shift]!, slot, roster.slotMinutes)) return
        const demand = day.demand[slotIndex]!.reduce((sum, required) => sum + required, 0)
        if (skills.some((skill) => unmet[slotIndex]![skill]! > 0)) value += weights.shortfall
        else if (onDuty[slotIndex]! >= demand) value -= weights.surplus
      })
      return value
    }

    const place = (staff: number, shift: number, group: number) => {
      const span = shifts[shift]!
      const skills = servableSkills(roster, staff, group)
      day.slots.forEach((slot, slotIndex) => {
        if (!shiftCovers(span, slot, roster.slotMinutes)) return
        onDuty[slotIndex]!++
        const row = unmet[slotIndex]!
        const neediest = skills.reduce(
          (best, skill) => (row[skill]! > row[best]! ? skill : best),
          skills[0]!,
        )
        if (neediest !== undefined && row[neediest]! > 0) row[neediest]!--
      })
      seated[group]!.push({ start: span.start, end: span.end })
      minutes[staff]! += span.minutes
      daysWorked[staff]!++
      lastShift[staff] = { day: dayIndex, end: span.end }
      placedToday.add(staff)
      working.push({ staff, day: dayIndex, shift, group })
    }

    const options = (staff: number) =>
      day.shifts.flatMap((shift) =>
        groups.flatMap((group, groupIndex) =>
          (group.skills === null || servableSkills(roster, staff, groupIndex).length > 0) &&
          fits(staff, shift, groupIndex)
            ? [{ staff, shift, group: groupIndex, value: gain(staff, shift, groupIndex) }]
            : [],
        ),
      )
    const candidates = () =>
      instance.staff.flatMap((member, staff) =>
        placedToday.has(staff) ||
        !available(staff, dayIndex) ||
        daysWorked[staff]! >= member.maxDays
          ? []
          : [staff],
      )

    // Those who must work today take their most useful shift, longest first to bank hours.
    for (const staff of candidates().filter((member) => mustWork(member, dayIndex))) {
      const best = options(staff).sort(
        (a, b) => shifts[b.shift]!.minutes - shifts[a.shift]!.minutes || b.value - a.value,
      )[0]
      if (best) place(best.staff, best.shift, best.group)
    }
    for (;;) {
      const best = candidates()
        .flatMap(options)
        .reduce<ReturnType<typeof options>[number] | null>(
          (top, option) => (!top || option.value > top.value ? option : top),
          null,
        )
      if (!best || best.value <= 0) break
      place(best.staff, best.shift, best.group)
    }
  })
  return working
}
