import type { Locale } from './errors.ts'
import { z } from 'zod'
import { centerScopeInput, id, pageInput } from './common.ts'
import { rowVersion } from './write-safety.ts'

/*
 * Case audits (案件质量审计): a plan per center says which cases of an ISO week are sampled, how
 * a case is scored, and who audits; a task is one case for one supervisor; a finding goes to the
 * staff member who handled the case, to rectify by a deadline in working days.
 */

/**
 * rate: a share of each service item's cases accepted in the week; the others take every case
 * that matches: overdue (deadline in the week, completed late or still open after it), poorly
 * rated in the week, an immediate ticket settled as a commitment case, served in under a minute.
 */
export const auditRuleKinds = [
  'rate',
  'overdue',
  'poorRating',
  'converted',
  'quickService',
] as const
export type AuditRuleKind = (typeof auditRuleKinds)[number]

/** A service shorter than this counts as suspiciously quick. */
export const quickServiceSeconds = 60
export const defaultSampleRate = 0.05
export const defaultFindingDays = 5

export const auditRule = z.object({
  kind: z.enum(auditRuleKinds),
  /** Only for `rate`: the share of each item's cases, 0 < rate ≤ 1. */
  rate: z.number().gt(0).max(1).optional(),
})
export type AuditRule = z.infer<typeof auditRule>

/** The checklist's standard points; a plan may add its own with a label. */
export const checklistKeys = [
  'materials',
  'correctItem',
  'correctOutcome',
  'courtesy',
  'dataEntry',
] as const
export type ChecklistKey = (typeof checklistKeys)[number]

export const checklistItem = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-zA-Z][a-zA-Z0-9_-]{0,31}$/),
  /** Shown instead of the translated standard name; required for a key of the plan's own. */
  label: z.string().trim().max(40).nullable().default(null),
  weight: z.number().int().min(1).max(100),
})
export type ChecklistItem = z.infer<typeof checklistItem>

export const defaultChecklist: ChecklistItem[] = [
  { key: 'materials', label: null, weight: 30 },
  { key: 'correctItem', label: null, weight: 20 },
  { key: 'correctOutcome', label: null, weight: 25 },
  { key: 'courtesy', label: null, weight: 10 },
  { key: 'dataEntry', label: null, weight: 15 },
]

export const defaultRules: AuditRule[] = [
  { kind: 'rate', rate: defaultSampleRate },
  { kind: 'overdue' },
  { kind: 'poorRating' },
  { kind: 'converted' },
  { kind: 'quickService' },
]

/** How a checklist point was met; na leaves it out of the score. */
export const checkResults = ['pass', 'partial', 'fail', 'na'] as const
export type CheckResult = (typeof checkResults)[number]

export const findingSeverities = ['minor', 'major', 'critical'] as const
export type FindingSeverity = (typeof findingSeverities)[number]
export const findingCategories = [...checklistKeys, 'timeliness', 'other'] as const
export type FindingCategory = (typeof findingCategories)[number]

/** open → acknowledged (by the staff member) → rectified → closed (verified by the auditor). */
export const findingStates = ['open', 'acknowledged', 'rectified', 'closed'] as const
export type FindingState = (typeof findingStates)[number]
/** The list filter adds overdue: past the deadline and not closed. */
export const findingFilters = [...findingStates, 'overdue'] as const
export type FindingFilter = (typeof findingFilters)[number]

export const auditTaskStates = ['pending', 'done'] as const
export type AuditTaskState = (typeof auditTaskStates)[number]
export const auditTaskSources = ['sample', 'adHoc'] as const
export type AuditTaskSource = (typeof auditTaskSources)[number]

const isoWeek = z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/)
const note = z.string().trim().min(1, { error: 'audit.noteRequired' }).max(500)

export const auditPlanInput = z.object({
  centerId: id,
  /** The version of the center's plan the editor loaded; null when it had none yet. */
  version: rowVersion.nullable(),
  name: z.string().trim().min(1).max(60),
  active: z.boolean().default(true),
  rules: z
    .array(auditRule)
    .max(auditRuleKinds.length)
    .refine((rules) => new Set(rules.map((r) => r.kind)).size === rules.length)
    .refine((rules) => rules.every((r) => r.kind !== 'rate' || r.rate !== undefined), {
      error: 'audit.rateRequired',
    }),
  checklist: z
    .array(checklistItem)
    .min(1, { error: 'audit.checklistRequired' })
    .max(20)
    .refine((items) => new Set(items.map((i) => i.key)).size === items.length)
    .refine(
      (items) =>
        items.every((i) => i.label || (checklistKeys as readonly string[]).includes(i.key)),
      { error: 'audit.labelRequired' },
    ),
  poolStaffIds: z.array(id).max(50),
  findingDays: z.number().int().min(1).max(30).default(defaultFindingDays),
})
export type AuditPlanInput = z.input<typeof auditPlanInput>
export const auditPlanListInput = centerScopeInput

export const runSampleInput = z.object({ planId: id, week: isoWeek.optional() })
export const previewSampleInput = runSampleInput

export const auditTaskListInput = centerScopeInput.extend(pageInput.shape).extend({
  state: z.enum(auditTaskStates).optional(),
  /** Everyone's tasks of the center instead of the caller's own. */
  all: z.boolean().default(false),
  week: isoWeek.optional(),
})
export type AuditTaskListInput = z.input<typeof auditTaskListInput>
export const auditTaskIdInput = z.object({ taskId: id })

export const findingInput = z.object({
  severity: z.enum(findingSeverities),
  category: z.enum(findingCategories),
  note,
})
export type FindingInput = z.infer<typeof findingInput>

export const submitAuditInput = z.object({
  taskId: id,
  checks: z
    .array(z.object({ key: z.string(), result: z.enum(checkResults) }))
    .min(1)
    .max(20),
  comment: z.string().trim().max(500).optional(),
  findings: z.array(findingInput).max(10).default([]),
})
export type SubmitAuditInput = z.input<typeof submitAuditInput>

export const findingListInput = centerScopeInput.extend(pageInput.shape).extend({
  filter: z.enum(findingFilters).optional(),
  staffId: id.optional(),
})
export type FindingListInput = z.input<typeof findingListInput>
export const myFindingsInput = pageInput.extend({ filter: z.enum(findingFilters).optional() })
export const findingIdInput = z.object({ findingId: id })
export const findingNoteInput = z.object({ findingId: id, note })
export const verifyFindingInput = z.object({
  findingId: id,
  accepted: z.boolean(),
  note: z.string().trim().max(500).optional(),
})

/** Refusals of the audit feature, in both languages (mounted in errorMessages). */
export const auditErrors = {
  'audit.noteRequired': { 'zh-CN': '请填写说明', 'en-US': 'Please write a note' },
  'audit.rateRequired': {
    'zh-CN': '按比例抽样须填写比例',
    'en-US': 'A sampling share needs its rate',
  },
  'audit.checklistRequired': {
    'zh-CN': '审计清单至少需要一项',
    'en-US': 'The checklist needs at least one point',
  },
  'audit.labelRequired': {
    'zh-CN': '自定义的清单项须填写名称',
    'en-US': 'A checklist point of your own needs a name',
  },
  'audit.planExists': {
    'zh-CN': '该中心已有审计计划，请修改现有计划',
    'en-US': 'This center already has an audit plan; edit it instead',
  },
  'audit.poolNotSupervisors': {
    'zh-CN': '审计人员只能是本中心在岗的督查员',
    'en-US': 'The pool may only hold active supervisors of the center',
  },
  'audit.planInactive': {
    'zh-CN': '审计计划已停用，不能抽样',
    'en-US': 'The audit plan is inactive and cannot sample',
  },
  'audit.futureWeek': {
    'zh-CN': '不能为尚未开始的周抽样',
    'en-US': 'A week that has not started cannot be sampled',
  },
  'audit.noEligibleAuditor': {
    'zh-CN': '没有可分派的督查员：审计人员不能审计自己经办的业务',
    'en-US': 'No supervisor can take this: nobody may audit a case they handled',
  },
  'audit.notYourTask': {
    'zh-CN': '这不是分派给您的审计任务',
    'en-US': 'This audit task is not assigned to you',
  },
  'audit.taskDone': {
    'zh-CN': '该审计任务已提交，请刷新后查看',
    'en-US': 'This audit task was already submitted; refresh to see it',
  },
  'audit.checklistMismatch': {
    'zh-CN': '评分与审计清单不一致，请刷新后重试',
    'en-US': 'The scores do not match the checklist; refresh and try again',
  },
  'audit.findingState': {
    'zh-CN': '该整改事项当前状态不允许此操作，请刷新后查看',
    'en-US': 'The finding is not in a state that allows this; refresh to see it',
  },
  'audit.ownFinding': {
    'zh-CN': '不能核销针对自己的整改事项',
    'en-US': 'You cannot verify a finding about your own work',
  },
} as const satisfies Record<string, Record<Locale, string>>
