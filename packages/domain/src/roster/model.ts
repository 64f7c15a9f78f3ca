import { servableSkills } from './check.ts'
import { shiftCovers, shiftsOverlap, type PreparedRoster, type Shift } from './prepare.ts'

/**
 * The roster MIP (formulation documented in docs/roster-model.md). Aggregation keeps it small:
 *
 * - x[staff, day, shift, group] = 1 when the member works that shift on a counter of the group
 *   (interchangeable counters: all comprehensive ones, or dedicated ones with one skill set);
 * - n[day, shift, counter] = 1 when the counter is staffed for that shift: per stretch of time at
 *   most one n per counter, and the x of a group never exceed its n, so counters are assigned
 *   exactly without a variable per staff member and counter;
 * - z[type, day, slot, skill] ≥ 0: how many on-duty staff of one *type* (group + servable skills)
 *   serve the skill, so the slot-level skill allocation needs a variable per type, not per person.
 *   For fixed x this is a transportation problem with integral data, so z need not be integer and
 *   Σz is the maximum flow the score uses;
 * - s[day, slot] ≥ 0: surplus in slots with demand (in slots without, every on-duty member is
 *   surplus, so that cost sits on x directly).
 */

export type RosterColumn =
  | { kind: 'x'; staff: number; day: number; shift: number; group: number }
  | { kind: 'n'; day: number; shift: number; counter: string; group: number }
  | { kind: 'z' }
  | { kind: 's' }

export interface RosterModel {
  columns: RosterColumn[]
  cost: number[]
  upper: number[]
  integer: boolean[]
  rowLower: number[]
  rowUpper: number[]
  /** CSR: row r holds entries rowStarts[r] … rowStarts[r + 1] - 1. */
  rowStarts: number[]
  indices: number[]
  values: number[]
  offset: number
  /** 'capacity': counters as a count per group, seated afterwards; 'columns': one n per counter. */
  counterMode: 'capacity' | 'columns'
}

class ModelBuilder {
  readonly model: RosterModel = {
    columns: [],
    cost: [],
    upper: [],
    integer: [],
    rowLower: [],
    rowUpper: [],
    rowStarts: [0],
    indices: [],
    values: [],
    offset: 0,
    counterMode: 'capacity',
  }

  column(column: RosterColumn, cost: number, upper: number, integer: boolean): number {
    const { model } = this
    model.columns.push(column)
    model.cost.push(cost)
    model.upper.push(upper)
    model.integer.push(integer)
    return model.columns.length - 1
  }

  row(lower: number, upper: number, entries: readonly (readonly [number, number])[]): void {
    const { model } = this
    for (const [column, value] of entries) {
      model.indices.push(column)
      model.values.push(value)
    }
    model.rowLower.push(lower)
    model.rowUpper.push(upper)
    model.rowStarts.push(model.indices.length)
  }
}

/**
 * Stretches of a day between consecutive shift boundaries, each with the shifts that cover it
 * (reading every shift as `span` gives it); a stretch whose shifts all cover another, longer
 * list is left out, as it adds no constraint.
 */
function elementarySegments(
  roster: PreparedRoster,
  shifts: readonly number[],
  span: (shift: Shift) => readonly [number, number][],
) {
  const bounds = new Set<number>()
  for (const index of shifts) {
    for (const [from, to] of span(roster.shifts[index]!)) bounds.add(from).add(to)
  }
  const sorted = [...bounds].sort((a, b) => a - b)
  const segments = new Map<string, number[]>()
  for (let index = 1; index < sorted.length; index++) {
    const [from, to] = [sorted[index - 1]!, sorted[index]!]
    const covering = shifts.filter((shift) =>
      span(roster.shifts[shift]!).some(([start, end]) => start <= from && to <= end),
    )
    if (covering.length > 0) segments.set(covering.join(','), covering)
  }
  const all = [...segments.values()]
  return all.filter(
    (segment) =>
      !all.some(
        (other) => other.length > segment.length && segment.every((shift) => other.includes(shift)),
      ),
  )
}

const hull = (shift: Shift): [number, number][] => [[shift.start, shift.end]]

/**
 * True when reading each shift as one interval from its start to its end changes no overlap
 * between templates (no shift fits only in another's break). Then the shifts on a counter form
 * an interval graph: a group's counters suffice whenever no stretch has more shifts than
 * counters, and assigning by start time finds the counters (see assignCounters).
 */
export function shiftsActAsIntervals(roster: PreparedRoster): boolean {
  return roster.shifts.every((a) =>
    roster.shifts.every((b) => shiftsOverlap(a, b) === (a.start < b.end && b.start < a.end)),
  )
}

interface StaffColumns {
  /** x columns of a member by day. */
  byDay: number[][]
}

function addAssignmentColumns(builder: ModelBuilder, roster: PreparedRoster): StaffColumns[] {
  const { instance, days, shifts, groups } = roster
  const { weights } = instance.rules
  return instance.staff.map((member, staff) => ({
    byDay: days.map((day, dayIndex) => {
      if (member.unavailable.includes(day.date)) return []
      const preference = member.preferredOff.includes(day.date) ? weights.preference : 0
      const columns: number[] = []
      for (const shift of day.shifts) {
        const idleSlots = day.slots.filter(
          (slot, slotIndex) =>
            shiftCovers(shifts[shift]!, slot, roster.slotMinutes) &&
            day.demand[slotIndex]!.every((required) => required === 0),
        ).length
        groups.forEach((group, groupIndex) => {
          if (group.skills !== null && servableSkills(roster, staff, groupIndex).length === 0)
            return
          const cost = preference + weights.surplus * idleSlots
          const column = { kind: 'x', staff, day: dayIndex, shift, group: groupIndex } as const
          columns.push(builder.column(column, cost, 1, true))
        })
      }
      return columns
    }),
  }))
}

function addStaffRows(builder: ModelBuilder, roster: PreparedRoster, staffColumns: StaffColumns[]) {
  const { instance, shifts } = roster
  const { columns } = builder.model
  const shiftOf = (column: number) => shifts[(columns[column] as { shift: number }).shift]!
  staffColumns.forEach(({ byDay }, staff) => {
    const member = instance.staff[staff]!
    const all = byDay.flat()
    for (const day of byDay) {
      if (day.length > 1)
        builder.row(
          -Infinity,
          1,
          day.map((column) => [column, 1]),
        )
    }
    builder.row(
      member.minMinutes,
      member.maxMinutes,
      all.map((column) => [column, shiftOf(column).minutes]),
    )
    builder.row(
      -Infinity,
      member.maxDays,
      all.map((column) => [column, 1]),
    )
    // Rest: a shift on one day excludes every later shift that starts too soon after it ends.
    byDay.forEach((earlier, day) => {
      for (const first of new Set(earlier.map((column) => shiftOf(column)))) {
        for (let later = day + 1; later < byDay.length; later++) {
          const tooSoon = byDay[later]!.filter(
            (column) =>
              (later - day) * 1440 + shiftOf(column).start - first.end <
              instance.rules.minRestMinutes,
          )
          if (tooSoon.length === 0) continue
          const firstColumns = earlier.filter((column) => shiftOf(column) === first)
          builder.row(
            -Infinity,
            1,
            [...firstColumns, ...tooSoon].map((column) => [column, 1]),
          )
        }
      }
    })
  })
}

/** Counters as capacity: per stretch of the day, no more staff of a group than its counters. */
function addCounterCapacityRows(builder: ModelBuilder, roster: PreparedRoster) {
  const { columns } = builder.model
  roster.days.forEach((day, dayIndex) => {
    const segments = elementarySegments(roster, day.shifts, hull)
    roster.groups.forEach((group, groupIndex) => {
      const working = (shift: number) =>
        columns.flatMap((column, index) =>
          column.kind === 'x' &&
          column.day === dayIndex &&
          column.shift === shift &&
          column.group === groupIndex
            ? [[index, 1] as const]
            : [],
        )
      for (const segment of segments) {
        const entries = segment.flatMap(working)
        if (entries.length > group.counters.length)
          builder.row(-Infinity, group.counters.length, entries)
      }
    })
  })
}

/** Counters one by one, for shift templates that do not act as intervals. */
function addCounterColumns(builder: ModelBuilder, roster: PreparedRoster) {
  const { columns } = builder.model
  roster.days.forEach((day, dayIndex) => {
    const segments = elementarySegments(roster, day.shifts, (shift) => shift.intervals)
    roster.groups.forEach((group, groupIndex) => {
      const staffed = new Map<number, number[]>(day.shifts.map((shift) => [shift, []]))
      for (const counter of group.counters) {
        const byShift = new Map<number, number>()
        for (const shift of day.shifts) {
          const column = { kind: 'n', day: dayIndex, shift, counter, group: groupIndex } as const
          const index = builder.column(column, 0, 1, true)
          byShift.set(shift, index)
          staffed.get(shift)!.push(index)
        }
        for (const segment of segments) {
          if (segment.length > 1)
            builder.row(
              -Infinity,
              1,
              segment.map((shift) => [byShift.get(shift)!, 1]),
            )
        }
      }
      for (const shift of day.shifts) {
        const working = columns.flatMap((column, index) =>
          column.kind === 'x' &&
          column.day === dayIndex &&
          column.shift === shift &&
          column.group === groupIndex
            ? [index]
            : [],
        )
        if (working.length === 0) continue
        const entries = [
          ...working.map((column) => [column, 1] as const),
          ...staffed.get(shift)!.map((column) => [column, -1] as const),
        ]
        builder.row(-Infinity, 0, entries)
      }
    })
  })
}

/** Staff of one group with the same servable skills: interchangeable for the skill allocation. */
function staffTypes(roster: PreparedRoster) {
  const types = new Map<string, { group: number; skills: number[]; staff: number[] }>()
  roster.instance.staff.forEach((_, staff) => {
    roster.groups.forEach((group, groupIndex) => {
      const skills = servableSkills(roster, staff, groupIndex)
      if (group.skills !== null && skills.length === 0) return
      const key = `${groupIndex}|${skills.join(',')}`
      const type = types.get(key) ?? { group: groupIndex, skills, staff: [] }
      type.staff.push(staff)
      types.set(key, type)
    })
  })
  return [...types.values()]
}

function addCoverageRows(builder: ModelBuilder, roster: PreparedRoster) {
  const { columns } = builder.model
  const { weights } = roster.instance.rules
  const types = staffTypes(roster)
  const typeOf = new Map<string, number>()
  types.forEach((type, index) => {
    for (const staff of type.staff) typeOf.set(`${staff}|${type.group}`, index)
  })
  roster.days.forEach((day, dayIndex) => {
    const xOfDay = columns.flatMap((column, index) =>
      column.kind === 'x' && column.day === dayIndex ? [{ column, index }] : [],
    )
    day.slots.forEach((slot, slotIndex) => {
      const demand = day.demand[slotIndex]!
      const totalDemand = demand.reduce((sum, required) => sum + required, 0)
      if (totalDemand === 0) return
      builder.model.offset += weights.shortfall * totalDemand
      const onDuty = xOfDay.filter(({ column }) =>
        shiftCovers(roster.shifts[column.shift]!, slot, roster.slotMinutes),
      )
      const bySkill = demand.map((): number[] => [])
      const membersByType = types.map((): number[] => [])
      for (const { column, index } of onDuty) {
        membersByType[typeOf.get(`${column.staff}|${column.group}`)!]!.push(index)
      }
      types.forEach((type, typeIndex) => {
        const members = membersByType[typeIndex]!
        const wanted = type.skills.filter((skill) => demand[skill]! > 0)
        if (members.length === 0 || wanted.length === 0) return
        const serving = wanted.map((skill) => {
          const index = builder.column({ kind: 'z' }, -weights.shortfall, demand[skill]!, false)
          bySkill[skill]!.push(index)
          return [index, 1] as const
        })
        builder.row(-Infinity, 0, [...serving, ...members.map((index) => [index, -1] as const)])
      })
      bySkill.forEach((serving, skill) => {
        if (serving.length > 1)
          builder.row(
            -Infinity,
            demand[skill]!,
            serving.map((index) => [index, 1]),
          )
      })
      const surplus = builder.column({ kind: 's' }, weights.surplus, Infinity, false)
      builder.row(-Infinity, totalDemand, [
        ...onDuty.map(({ index }) => [index, 1] as const),
        [surplus, -1],
      ])
    })
  })
}

export function buildRosterModel(roster: PreparedRoster): RosterModel {
  const builder = new ModelBuilder()
  const staffColumns = addAssignmentColumns(builder, roster)
  addStaffRows(builder, roster, staffColumns)
  if (shiftsActAsIntervals(roster)) {
    addCounterCapacityRows(builder, roster)
  } else {
    builder.model.counterMode = 'columns'
    addCounterColumns(builder, roster)
  }
  addCoverageRows(builder, roster)
  return builder.model
}
