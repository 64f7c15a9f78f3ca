import { z } from 'zod'
import { centerScopeInput, id } from './common.ts'
import { rowVersion } from './write-safety.ts'

// Schemas of centers, counters and the working-day calendar.

export const centerStatuses = ['open', 'closed'] as const
export type CenterStatus = (typeof centerStatuses)[number]

export const counterKinds = ['comprehensive', 'dedicated'] as const
export type CounterKind = (typeof counterKinds)[number]

/** 'retired' counters keep their history but leave every picker; they can be reactivated. */
export const counterStatuses = ['open', 'closed', 'retired'] as const
export type CounterStatus = (typeof counterStatuses)[number]

/** A public holiday, or a make-up working day (调休) on a weekend. */
export const calendarDayKinds = ['holiday', 'workday'] as const
export type CalendarDayKindName = (typeof calendarDayKinds)[number]

/** Monday = 1 … Sunday = 7. */
export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const

const isRealDate = (value: string) => {
  const ms = Date.parse(value)
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value
}

/** A calendar date, 'YYYY-MM-DD', no time zone. */
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'org.invalidDate' })
  .refine(isRealDate, { error: 'org.invalidDate' })

/** A time of day, 'HH:MM' from 00:00 to 23:59. */
const clockPattern = /^([01]\d|2[0-3]):[0-5]\d$/
export const clockTime = z.string().regex(clockPattern, { error: 'org.invalidTime' })

export const openingInterval = z
  .object({
    weekday: z.number().int().min(1).max(7),
    opens: clockTime,
    closes: clockTime,
  })
  // Malformed times have their own message already.
  .refine(
    (i) => !clockPattern.test(i.opens) || !clockPattern.test(i.closes) || i.opens < i.closes,
    {
      error: 'org.opensAfterCloses',
      path: ['closes'],
    },
  )
export type OpeningInterval = z.infer<typeof openingInterval>

/** Indexes of intervals that overlap an earlier-opening one of the same day (touching is fine). */
export function overlappingIntervals(intervals: readonly OpeningInterval[]): number[] {
  const order = intervals
    .map((interval, index) => ({ ...interval, index }))
    .sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens))
  const overlapping: number[] = []
  let weekday = 0
  let latestClose = ''
  for (const interval of order) {
    if (interval.weekday !== weekday) [weekday, latestClose] = [interval.weekday, '']
    else if (interval.opens < latestClose) overlapping.push(interval.index)
    if (interval.closes > latestClose) latestClose = interval.closes
  }
  return overlapping.sort((a, b) => a - b)
}

/** A week of opening hours: several intervals a day (a lunch break), never overlapping. */
export const openingHours = z
  .array(openingInterval)
  .max(28)
  .superRefine((intervals, ctx) => {
    for (const index of overlappingIntervals(intervals)) {
      ctx.addIssue({ code: 'custom', message: 'org.overlappingHours', path: [index, 'opens'] })
    }
  })

const name = z.string().trim().min(1).max(64)
// Upper case, because MySQL compares codes case-insensitively and SQLite does not.
export const centerCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{0,31}$/, { error: 'org.invalidCode' })
export const counterCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{0,15}$/, { error: 'org.invalidCode' })

/** An update names the version of the row it edits; a create has neither id nor version. */
function namesVersionToUpdate(input: { id?: number; version?: number }): boolean {
  return input.id === undefined || input.version !== undefined
}

/** Creates a center (no id; district admins only) or updates one. */
export const saveCenterInput = z
  .object({
    id: id.optional(),
    version: rowVersion.optional(),
    code: centerCode,
    name,
    address: z.string().trim().max(255),
    phone: z.string().trim().max(32),
    status: z.enum(centerStatuses),
  })
  .refine(namesVersionToUpdate, { path: ['version'] })

/** Opening hours are part of the center's row: a save names the center's version. */
export const setOpeningHoursInput = z.object({ centerId: id, version: rowVersion, openingHours })

export const listCountersInput = centerScopeInput.extend({
  /** Retired counters only show where they are managed, never in pickers. */
  includeRetired: z.boolean().default(false),
})

/** Creates a counter (no id) or updates one; a dedicated counter needs skills, others none. */
export const saveCounterInput = z
  .object({
    id: id.optional(),
    version: rowVersion.optional(),
    centerId: id,
    code: counterCode,
    name,
    kind: z.enum(counterKinds),
    skillIds: z.array(id).max(30).default([]),
  })
  .refine(namesVersionToUpdate, { path: ['version'] })

export const setCounterStatusInput = z.object({ counterId: id, status: z.enum(counterStatuses) })

/** A counter is named by its center and code, the key its users know it by. */
export const deleteCounterInput = z.object({ centerId: id, code: counterCode })

export const calendarYearInput = z.object({ year: z.number().int().min(2000).max(2099) })

/** Marks a day as a holiday or a make-up working day, or (kind null) back to the normal week. */
export const setCalendarDayInput = z
  .object({
    day: isoDay,
    kind: z.enum(calendarDayKinds).nullable(),
    name: z.string().trim().max(64).default(''),
  })
  .refine((input) => input.kind === null || input.name.length > 0, {
    error: 'org.calendarNameRequired',
    path: ['name'],
  })

/** The deadline of a matter accepted on `from` with `days` promised working days. */
export const deadlineInput = z.object({ from: isoDay, days: z.number().int().min(0).max(366) })
