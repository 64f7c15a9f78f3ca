import { clockMinutes, type RosterInstance } from '@onewindow/contracts'
import { addCalendarDays, weekdayOf } from '../calendar/working-days.ts'

/** A shift template in minutes after midnight. */
export interface Shift {
  id: string
  intervals: [number, number][]
  minutes: number
  start: number
  end: number
}

export interface Day {
  date: string
  /** Opening intervals in minutes; empty when the center is closed. */
  opening: [number, number][]
  /** Start minute of every slot of the day, in order. */
  slots: number[]
  /** Indexes into `shifts` of the templates that lie inside the opening hours. */
  shifts: number[]
  /** demand[slot][skill]: staff required; skill is an index into instance.skills. */
  demand: number[][]
}

/** Counters that are interchangeable: all comprehensive ones, or dedicated ones with one skill set. */
export interface CounterGroup {
  counters: string[]
  /** Skill indexes the group serves; null: any skill (comprehensive). */
  skills: number[] | null
}

export interface PreparedRoster {
  instance: RosterInstance
  slotMinutes: number
  days: Day[]
  shifts: Shift[]
  groups: CounterGroup[]
  /** Per staff member: skill indexes held. */
  staffSkills: number[][]
  /** The group index of each counter id. */
  groupOfCounter: Map<string, number>
}

export function shiftCovers(shift: Shift, slotStart: number, slotMinutes: number): boolean {
  return shift.intervals.some(([from, to]) => from <= slotStart && slotStart + slotMinutes <= to)
}

/** Whether two shifts share any moment (touching ends do not count). */
export function shiftsOverlap(a: Shift, b: Shift): boolean {
  return a.intervals.some(([aFrom, aTo]) =>
    b.intervals.some(([bFrom, bTo]) => aFrom < bTo && bFrom < aTo),
  )
}

function insideOpening(shift: Shift, opening: [number, number][]): boolean {
  return shift.intervals.every(([from, to]) =>
    opening.some(([open, close]) => open <= from && to <= close),
  )
}

function toShift(template: RosterInstance['shiftTemplates'][number]): Shift {
  const intervals = template.intervals
    .map(([from, to]): [number, number] => [clockMinutes(from), clockMinutes(to)])
    .sort((a, b) => a[0] - b[0])
  return {
    id: template.id,
    intervals,
    minutes: intervals.reduce((sum, [from, to]) => sum + to - from, 0),
    start: intervals[0]![0],
    end: intervals[intervals.length - 1]![1],
  }
}

/** Slots start at each opening time and step by slotMinutes; a slot must fit inside the interval. */
function slotsOf(opening: [number, number][], slotMinutes: number): number[] {
  const slots: number[] = []
  for (const [open, close] of opening) {
    for (let start = open; start + slotMinutes <= close; start += slotMinutes) slots.push(start)
  }
  return slots.sort((a, b) => a - b)
}

function counterGroups(instance: RosterInstance, skillIndex: Map<string, number>) {
  const groups: CounterGroup[] = []
  const byKey = new Map<string, CounterGroup>()
  const groupOfCounter = new Map<string, number>()
  for (const counter of instance.counters) {
    const skills =
      counter.kind === 'dedicated'
        ? [...new Set(counter.skills.map((skill) => skillIndex.get(skill)!))].sort((a, b) => a - b)
        : null
    const key = skills === null ? '*' : skills.join(',')
    let group = byKey.get(key)
    if (!group) {
      group = { counters: [], skills }
      byKey.set(key, group)
      groups.push(group)
    }
    group.counters.push(counter.id)
    groupOfCounter.set(counter.id, groups.indexOf(group))
  }
  return { groups, groupOfCounter }
}

/**
 * Indexes a schema-valid instance for the checker and the model. Returns the problems that only
 * show once dates and opening hours are known: demand in a closed slot or off the slot grid.
 */
export function prepareRoster(instance: RosterInstance): {
  prepared: PreparedRoster
  issues: string[]
} {
  const issues: string[] = []
  const skillIndex = new Map(instance.skills.map((skill, index) => [skill, index]))
  const shifts = instance.shiftTemplates.map(toShift)
  const days: Day[] = Array.from({ length: instance.horizon.days }, (_, offset) => {
    const date = addCalendarDays(instance.horizon.start, offset)
    const weekday = weekdayOf(date)
    const opening = instance.openingHours
      .filter((entry) => entry.weekday === weekday)
      .map((entry): [number, number] => [clockMinutes(entry.open), clockMinutes(entry.close)])
    const slots = slotsOf(opening, instance.slotMinutes)
    return {
      date,
      opening,
      slots,
      shifts: shifts.flatMap((shift, index) => (insideOpening(shift, opening) ? [index] : [])),
      demand: slots.map(() => instance.skills.map(() => 0)),
    }
  })
  const dayIndex = new Map(days.map((day, index) => [day.date, index]))
  instance.demand.forEach((row, index) => {
    const day = days[dayIndex.get(row.date)!]!
    const slot = day.slots.indexOf(clockMinutes(row.slot))
    if (slot < 0) {
      issues.push(`demand[${index}]: ${row.date} ${row.slot} is not a slot of the opening hours`)
      return
    }
    day.demand[slot]![skillIndex.get(row.skill)!]! += row.required
  })
  const { groups, groupOfCounter } = counterGroups(instance, skillIndex)
  const staffSkills = instance.staff.map((member) => [
    ...new Set(member.skills.map((skill) => skillIndex.get(skill)!)),
  ])
  return {
    prepared: {
      instance,
      slotMinutes: instance.slotMinutes,
      days,
      shifts,
      groups,
      staffSkills,
      groupOfCounter,
    },
    issues,
  }
}

/** `HH:MM` of minutes after midnight. */
export function minutesToClock(minutes: number): string {
  const hours = String(Math.floor(minutes / 60)).padStart(2, '0')
  return `${hours}:${String(minutes % 60).padStart(2, '0')}`
}
