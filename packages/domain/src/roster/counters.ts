import type { RosterAssignment } from '@onewindow/contracts'
import type { PreparedRoster } from './prepare.ts'

export interface WorkingShift {
  staff: number
  day: number
  shift: number
  group: number
}

/**
 * Seats working staff at counters of their group when shifts act as intervals: taken in order of
 * start time, each goes to a counter free by then (the one they had before, if it is), which
 * always succeeds when no stretch has more staff than counters (interval graph colouring).
 */
export function assignCounters(roster: PreparedRoster, working: readonly WorkingShift[]) {
  const lastCounter = new Map<number, string>()
  const assignments: RosterAssignment[] = []
  const ordered = [...working].sort(
    (a, b) =>
      a.day - b.day ||
      roster.shifts[a.shift]!.start - roster.shifts[b.shift]!.start ||
      a.staff - b.staff,
  )
  let busyUntil = new Map<string, number>()
  let currentDay = -1
  for (const entry of ordered) {
    if (entry.day !== currentDay) {
      busyUntil = new Map()
      currentDay = entry.day
    }
    const shift = roster.shifts[entry.shift]!
    const free = roster.groups[entry.group]!.counters.filter(
      (counter) => (busyUntil.get(counter) ?? 0) <= shift.start,
    )
    const previous = lastCounter.get(entry.staff)
    const counter = previous !== undefined && free.includes(previous) ? previous : free[0]
    if (counter === undefined) throw new Error('more staff than counters in a stretch of the day')
    busyUntil.set(counter, shift.end)
    lastCounter.set(entry.staff, counter)
    assignments.push({
      staff: roster.instance.staff[entry.staff]!.id,
      date: roster.days[entry.day]!.date,
      shift: shift.id,
      counter,
    })
  }
  return assignments
}
