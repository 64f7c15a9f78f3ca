import { z } from 'zod'
import { centerScopeInput, id, pageInput } from './common.ts'
import { type Role, roles } from './roles.ts'
import { rowVersion } from './write-safety.ts'

export const staffStatuses = ['active', 'disabled'] as const
export type StaffStatus = (typeof staffStatuses)[number]

export const listStaffInput = centerScopeInput.extend(pageInput.shape).extend({
  search: z.string().trim().max(64).optional(),
  role: z.enum(roles).optional(),
})

export const setStaffStatusInput = z.object({
  staffId: id,
  status: z.enum(staffStatuses),
})

export const unlockStaffInput = z.object({ staffId: id })

export const staffIdInput = z.object({ staffId: id })

// ---- Staff accounts: create and edit ----

/** Lower case only, so SQLite (case-sensitive) and MySQL (case-insensitive) agree on duplicates. */
export const usernamePattern = /^[a-z0-9][a-z0-9._-]{2,31}$/
/** A mainland mobile number, or nothing. */
export const phonePattern = /^(1\d{10})?$/
export const weeklyMinutesMax = 3600
export const displayNameMax = 32

/** Roles a center manager may give: never another manager or a district admin. */
export const managerAssignableRoles = ['staff', 'supervisor'] as const satisfies readonly Role[]

/** An admin works district-wide (no center); every other role belongs to one center. */
export function needsCenter(role: Role): boolean {
  return role !== 'admin'
}

const staffFields = z.object({
  displayName: z.string().trim().min(1).max(displayNameMax),
  role: z.enum(roles),
  centerId: id.nullable(),
  phone: z.string().trim().regex(phonePattern, 'staff.phoneFormat'),
  weeklyMinutes: z.number().int().min(0).max(weeklyMinutesMax),
  /** Back-office accounts only: the department whose cases they process. */
  departmentId: id.nullable().default(null),
})

function checkCenterOfRole(
  input: { role: Role; centerId: number | null; departmentId: number | null },
  ctx: z.RefinementCtx,
) {
  if (input.role === 'backoffice' && input.departmentId === null) {
    ctx.addIssue({ code: 'custom', path: ['departmentId'], message: 'staff.departmentRequired' })
  }
  if (input.role !== 'backoffice' && input.departmentId !== null) {
    ctx.addIssue({
      code: 'custom',
      path: ['departmentId'],
      message: 'staff.departmentOnlyBackoffice',
    })
  }
  if (needsCenter(input.role) && input.centerId === null) {
    ctx.addIssue({ code: 'custom', path: ['centerId'], message: 'staff.centerRequired' })
  }
  if (!needsCenter(input.role) && input.centerId !== null) {
    ctx.addIssue({ code: 'custom', path: ['centerId'], message: 'staff.adminHasNoCenter' })
  }
}

export const createStaffInput = staffFields
  .extend({ username: z.string().trim().regex(usernamePattern, 'staff.usernameFormat') })
  .superRefine(checkCenterOfRole)
export type CreateStaffInput = z.infer<typeof createStaffInput>

/** The user name never changes: it is how the person signs in and how the log names them. */
export const updateStaffInput = staffFields
  .extend({ staffId: id, version: rowVersion })
  .superRefine(checkCenterOfRole)
export type UpdateStaffInput = z.infer<typeof updateStaffInput>

// ---- Skills matrix ----

export const skillLevels = [1, 2, 3] as const
export type SkillLevel = (typeof skillLevels)[number]
export const skillLevelNames = { 1: 'trainee', 2: 'certified', 3: 'expert' } as const
/** Certified or better counts towards a center's coverage of a skill. */
export const certifiedLevel: SkillLevel = 2
/** A center with fewer certified people than this for a skill is short of cover. */
export const coverageTarget = 2

const skillLevel = z.union([z.literal(1), z.literal(2), z.literal(3)])
const calendarDate = z.iso.date()

/** Today's date in Shanghai (UTC+8, no daylight saving), the calendar every center runs on. */
export function shanghaiToday(now = Date.now()): string {
  return new Date(now + 8 * 3_600_000).toISOString().slice(0, 10)
}

export const skillsMatrixInput = centerScopeInput.extend({
  search: z.string().trim().max(64).optional(),
  role: z.enum(roles).optional(),
  /** Disabled accounts are hidden unless asked for; they never count towards coverage. */
  includeDisabled: z.boolean().default(false),
})

/** Sets one cell of the matrix; `level: null` removes the skill from the person. */
export const setStaffSkillInput = z
  .object({
    staffId: id,
    skillId: id,
    level: skillLevel.nullable(),
    certifiedOn: calendarDate.optional(),
  })
  .refine((input) => input.level === null || input.certifiedOn !== undefined, {
    path: ['certifiedOn'],
    message: 'staff.certifiedOnRequired',
  })
export type SetStaffSkillInput = z.infer<typeof setStaffSkillInput>

export const bulkAssignSkillInput = z.object({
  skillId: id,
  level: skillLevel,
  certifiedOn: calendarDate,
  staffIds: z
    .array(id)
    .min(1)
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, 'staff.duplicateStaffIds'),
})
export type BulkAssignSkillInput = z.infer<typeof bulkAssignSkillInput>
