import type { RouterOutputs } from '@onewindow/api'

export type RosterWeek = RouterOutputs['roster']['week']
export type RosterShift = RosterWeek['shifts'][number]
export type RosterViolation = RosterWeek['score']['violations'][number]
export type SolveStatus = RouterOutputs['roster']['solveStatus']

const clockMinutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5))

/** Working minutes of a shift template's intervals. */
export function templateMinutes(intervals: readonly (readonly [string, string])[]): number {
  return intervals.reduce((sum, [from, to]) => sum + clockMinutes(to) - clockMinutes(from), 0)
}

/** `08:30–12:00, 13:00–17:00`. */
export const templateTimes = (intervals: readonly (readonly [string, string])[]) =>
  intervals.map(([from, to]) => `${from}–${to}`).join(', ')

/** Minutes each member is rostered for in the week. */
export function plannedMinutes(week: RosterWeek): Map<number, number> {
  const minutes = new Map(week.shiftTemplates.map((t) => [t.code, templateMinutes(t.intervals)]))
  const planned = new Map<number, number>()
  for (const shift of week.shifts) {
    planned.set(
      shift.staffId,
      (planned.get(shift.staffId) ?? 0) + (minutes.get(shift.shiftCode) ?? 0),
    )
  }
  return planned
}

/** The shift kind a code names (FULL2 is Saturday's full day): for labels and colours. */
export function shiftKind(code: string): 'full' | 'am' | 'pm' | 'other' {
  if (code.startsWith('FULL')) return 'full'
  if (code.startsWith('AM')) return 'am'
  if (code.startsWith('PM')) return 'pm'
  return 'other'
}

/** Per skill and slot of one day: covered vs required, for the coverage strip. */
export function coverageCells(day: RosterWeek['coverage'][number]) {
  return day.skills
    .filter((skill) => skill.required.some((required) => required > 0))
    .map((skill) => ({
      code: skill.code,
      cells: skill.required.map((required, index) => ({
        required,
        covered: skill.covered[index]!,
        short: skill.covered[index]! < required,
      })),
      shortSlots: skill.required.filter((required, index) => skill.covered[index]! < required)
        .length,
    }))
}

/** Relative gap as a percentage with one decimal; '—' when unknown. */
export const gapPercent = (gap: number | null | undefined) =>
  gap === null || gap === undefined ? '—' : `${(gap * 100).toFixed(gap < 0.001 ? 2 : 1)}%`
