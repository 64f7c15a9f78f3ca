import { z } from 'zod'

/**
 * The roster problem file (shared/formats/roster.md): what the Scheduling screen builds from the
 * database and what `pnpm roster solve|check` reads. Cross-references are checked here too, so a
 * broken file is rejected with every problem listed before any solving starts.
 */

const clockPattern = /^([01]\d|2[0-3]):[0-5]\d$/
const datePattern = /^\d{4}-\d{2}-\d{2}$/

export const rosterClock = z.string().regex(clockPattern, 'expected a time HH:MM')
export const rosterDate = z
  .string()
  .regex(datePattern, 'expected a date YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'not a calendar date')

/** Minutes after midnight of a valid `HH:MM`. */
export function clockMinutes(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5))
}

const interval = z.tuple([rosterClock, rosterClock])
const minutes = z.number().int('expected whole minutes').nonnegative('must not be negative')
const id = z.string().min(1, 'must not be empty').max(64)

const openingHours = z.object({
  weekday: z.number().int().min(1).max(7),
  open: rosterClock,
  close: rosterClock,
})

const counter = z.discriminatedUnion('kind', [
  z.object({ id, kind: z.literal('comprehensive') }),
  z.object({ id, kind: z.literal('dedicated'), skills: z.array(id).min(1) }),
])

const shiftTemplate = z.object({ id, intervals: z.array(interval).min(1) })

const staffMember = z.object({
  id,
  skills: z.array(id),
  minMinutes: minutes,
  maxMinutes: minutes,
  maxDays: z.number().int().nonnegative('must not be negative'),
  unavailable: z.array(rosterDate).default([]),
  preferredOff: z.array(rosterDate).default([]),
})

const demandRow = z.object({
  date: rosterDate,
  slot: rosterClock,
  skill: id,
  required: z.number().int('expected a whole number of staff').nonnegative('must not be negative'),
})

const weight = z.number().nonnegative('must not be negative')

const instanceShape = z.object({
  center: z.string(),
  horizon: z.object({ start: rosterDate, days: z.number().int().min(1).max(31) }),
  slotMinutes: z.number().int().min(5).max(240),
  openingHours: z.array(openingHours),
  skills: z.array(id).min(1),
  counters: z.array(counter).min(1),
  shiftTemplates: z.array(shiftTemplate).min(1),
  staff: z.array(staffMember),
  demand: z.array(demandRow),
  rules: z.object({
    minRestMinutes: minutes,
    weights: z.object({ shortfall: weight, surplus: weight, preference: weight }),
  }),
})

type InstanceShape = z.infer<typeof instanceShape>
type Issue = { path: (string | number)[]; message: string }

function horizonDates(horizon: InstanceShape['horizon']): Set<string> {
  const start = Date.parse(`${horizon.start}T00:00:00Z`)
  return new Set(
    Array.from({ length: horizon.days }, (_, day) =>
      new Date(start + day * 86_400_000).toISOString().slice(0, 10),
    ),
  )
}

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>()
  return ids.filter((value) => (seen.has(value) ? true : (seen.add(value), false)))
}

function checkIntervals(pairs: readonly [string, string][], path: Issue['path'], issues: Issue[]) {
  const sorted = pairs.map(([from, to]) => [clockMinutes(from), clockMinutes(to)] as const)
  sorted.forEach(([from, to], index) => {
    if (to <= from) issues.push({ path: [...path, index], message: 'ends before it starts' })
  })
  const ordered = [...sorted].sort((a, b) => a[0] - b[0])
  for (let index = 1; index < ordered.length; index++) {
    if (ordered[index]![0] < ordered[index - 1]![1]) {
      issues.push({ path, message: 'intervals overlap' })
      break
    }
  }
}

/** Every cross-reference problem of a well-typed instance. */
function crossReferenceIssues(instance: InstanceShape): Issue[] {
  const issues: Issue[] = []
  const skills = new Set(instance.skills)
  const dates = horizonDates(instance.horizon)
  const unknownSkill = (skill: string, path: Issue['path']) => {
    if (!skills.has(skill)) issues.push({ path, message: `unknown skill "${skill}"` })
  }
  const outsideHorizon = (date: string, path: Issue['path']) => {
    if (!dates.has(date)) issues.push({ path, message: `${date} is outside the horizon` })
  }
  const idLists = {
    skills: instance.skills,
    counters: instance.counters.map((counter) => counter.id),
    shiftTemplates: instance.shiftTemplates.map((template) => template.id),
    staff: instance.staff.map((member) => member.id),
  }
  for (const [list, ids] of Object.entries(idLists)) {
    for (const repeated of new Set(duplicates(ids))) {
      issues.push({ path: [list], message: `duplicate id "${repeated}"` })
    }
  }
  instance.openingHours.forEach((entry, index) => {
    checkIntervals([[entry.open, entry.close]], ['openingHours', index], issues)
  })
  instance.counters.forEach((counter, index) => {
    if (counter.kind === 'dedicated') {
      counter.skills.forEach((skill, at) => unknownSkill(skill, ['counters', index, 'skills', at]))
    }
  })
  instance.shiftTemplates.forEach((template, index) => {
    checkIntervals(template.intervals, ['shiftTemplates', index, 'intervals'], issues)
  })
  instance.staff.forEach((member, index) => {
    member.skills.forEach((skill, at) => unknownSkill(skill, ['staff', index, 'skills', at]))
    if (member.minMinutes > member.maxMinutes) {
      issues.push({ path: ['staff', index, 'minMinutes'], message: 'exceeds maxMinutes' })
    }
    member.unavailable.forEach((date, at) =>
      outsideHorizon(date, ['staff', index, 'unavailable', at]),
    )
    member.preferredOff.forEach((date, at) =>
      outsideHorizon(date, ['staff', index, 'preferredOff', at]),
    )
  })
  instance.demand.forEach((row, index) => {
    unknownSkill(row.skill, ['demand', index, 'skill'])
    outsideHorizon(row.date, ['demand', index, 'date'])
  })
  return issues
}

export const rosterInstanceSchema = instanceShape.superRefine((instance, context) => {
  for (const issue of crossReferenceIssues(instance)) context.addIssue({ code: 'custom', ...issue })
})
export type RosterInstance = z.infer<typeof rosterInstanceSchema>
export type RosterCounter = RosterInstance['counters'][number]
export type RosterStaff = RosterInstance['staff'][number]

export const rosterAssignmentSchema = z.object({
  staff: z.string(),
  date: rosterDate,
  shift: z.string(),
  counter: z.string(),
})
export type RosterAssignment = z.infer<typeof rosterAssignmentSchema>

export const rosterSolverStatuses = ['optimal', 'feasible', 'infeasible', 'time_limit'] as const
export type RosterSolverStatus = (typeof rosterSolverStatuses)[number]

export const rosterSolutionSchema = z.object({
  assignments: z.array(rosterAssignmentSchema),
  objective: z.number().optional(),
  solver: z
    .object({
      name: z.string(),
      status: z.string(),
      seconds: z.number().optional(),
      gap: z.number().nullable().optional(),
    })
    .optional(),
})
export type RosterSolution = z.infer<typeof rosterSolutionSchema>
