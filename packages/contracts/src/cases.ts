import type { Locale } from './errors.ts'
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

/** An 18-character resident ID number, in upper case (the check character may be x). */
const idNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{17}[\dX]$/, { error: 'case.invalidIdNumber' })

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
  /** The applicant's full ID number: found through its lookup hash, never compared in plain. */
  idNumber: idNumber.optional(),
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
  idNumber,
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

/** Refusals of case steps and lookups, in both languages (mounted in errorMessages). */
export const caseErrors = {
  'case.illegalTransition': {
    'zh-CN': '该办件当前状态下不能进行此操作，请刷新后重试',
    'en-US': "This step is not possible in the case's current state; reload and try again",
  },
  'case.unknownCenter': {
    'zh-CN': '领取中心不存在',
    'en-US': 'No such center to collect at',
  },
  'case.reasonRequired': {
    'zh-CN': '请填写原因',
    'en-US': 'Please give the reason',
  },
  'case.materialsRequired': {
    'zh-CN': '请至少列出一项需补正的材料',
    'en-US': 'List at least one missing material',
  },
  'case.invalidIdNumber': {
    'zh-CN': '请输入 18 位身份证号码',
    'en-US': 'Enter the 18-character ID number',
  },
  'case.invalidPhone': {
    'zh-CN': '请输入 11 位手机号码',
    'en-US': 'Enter an 11-digit mobile number',
  },
  'case.applicantRequired': {
    'zh-CN': '承诺件须登记申请人姓名、身份证号和手机号',
    'en-US': "A commitment case needs the applicant's name, ID number and mobile number",
  },
  'case.trackNotFound': {
    'zh-CN': '未查询到办件，请核对办件编号和手机号后四位',
    'en-US': 'No case found: check the case number and the last four digits of the phone',
  },
  'case.trackRateLimited': {
    'zh-CN': '查询过于频繁，请稍后再试',
    'en-US': 'Too many lookups; try again later',
  },
} as const satisfies Record<string, Record<Locale, string>>
