import { z } from 'zod'
import { centerScopeInput, id, pageInput } from './common.ts'
import { sheetFormats } from './transfer.ts'

/**
 * The life of a case (DESIGN §2): accepted at a window; a commitment case then waits in its
 * department's inbox, is taken by the back office, may wait for materials (补正) or be suspended
 * (中止), and is completed or rejected; the result is then delivered. The transitions themselves
 * live in the domain package.
 */
export const caseStatuses = [
  'accepted',
  'processing',
  'awaiting_materials',
  'suspended',
  'completed',
  'delivered',
  'rejected',
] as const
export type CaseStatus = (typeof caseStatuses)[number]

export const caseActions = [
  'take',
  'requestMaterials',
  'supplyMaterials',
  'suspend',
  'resume',
  'complete',
  'reject',
  'deliver',
] as const
export type CaseAction = (typeof caseActions)[number]

export const trafficLights = ['green', 'yellow', 'red', 'paused'] as const
export type TrafficLight = (typeof trafficLights)[number]

const day = z.iso.date()

export const listCasesInput = centerScopeInput.extend(pageInput.shape).extend({
  departmentId: id.optional(),
  serviceItemId: id.optional(),
  status: z.enum(caseStatuses).optional(),
  light: z.enum(trafficLights).optional(),
  /** Accepted on or after this day, and on or before `to`. */
  from: day.optional(),
  to: day.optional(),
  /** The staff member who accepted the case at the window. */
  staffId: id.optional(),
  /** Back-office inbox order: most urgent first. */
  sort: z.enum(['newest', 'urgency']).default('newest'),
})
export type ListCasesInput = z.input<typeof listCasesInput>

/** The cases a list shows, as a CSV or Excel file (applicants masked, as on screen). */
export const exportCasesInput = listCasesInput
  .omit({ page: true, pageSize: true, sort: true })
  .extend({ format: z.enum(sheetFormats) })

export const caseIdInput = z.object({ caseId: id })

const reason = z.string().trim().min(1, { error: 'case.reasonRequired' }).max(255)

/** One back-office step on a case. */
export const caseActionInput = z.discriminatedUnion('action', [
  z.object({ caseId: id, action: z.literal('take') }),
  z.object({
    caseId: id,
    action: z.literal('requestMaterials'),
    materials: z
      .array(z.string().trim().min(1).max(64))
      .min(1, { error: 'case.materialsRequired' })
      .max(20),
    note: z.string().trim().max(255).optional(),
  }),
  z.object({ caseId: id, action: z.literal('supplyMaterials') }),
  z.object({ caseId: id, action: z.literal('suspend'), note: reason }),
  z.object({ caseId: id, action: z.literal('resume') }),
  z.object({
    caseId: id,
    action: z.literal('complete'),
    note: z.string().trim().max(255).optional(),
  }),
  z.object({ caseId: id, action: z.literal('reject'), note: reason }),
  z.object({ caseId: id, action: z.literal('deliver'), centerId: id }),
])
export type CaseActionInput = z.infer<typeof caseActionInput>

/** The applicant of a commitment case, taken at the window. */
export const applicantInput = z.object({
  name: z.string().trim().min(1).max(32),
  idNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^\d{17}[\dX]$/, { error: 'case.invalidIdNumber' }),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, { error: 'case.invalidPhone' }),
})
export type ApplicantInput = z.infer<typeof applicantInput>

/** The public progress lookup: the case number and the last four digits of the phone. */
export const trackCaseInput = z.object({
  caseNumber: z
    .string()
    .trim()
    .regex(/^\d{14,20}$/, { error: 'case.trackNotFound' }),
  phoneLast4: z
    .string()
    .trim()
    .regex(/^\d{4}$/, { error: 'case.trackNotFound' }),
})
