import { z } from 'zod'
import { centerScopeInput, id } from './common.ts'

/** What a quota counts. */
export const quotaMetrics = [
  'tickets_issued',
  'appointments_booked',
  'cases_accepted',
  'cases_completed',
  'workload_points',
] as const
export type QuotaMetric = (typeof quotaMetrics)[number]

/** The metrics a cap can block at the moment they happen (the others are measured after). */
export const enforceableMetrics: readonly QuotaMetric[] = [
  'tickets_issued',
  'appointments_booked',
  'cases_accepted',
]

/**
 * The metrics that happen at a counter, by a person: only these can apply to each staff member
 * or each counter of the scope separately.
 */
export const memberMetrics: readonly QuotaMetric[] = [
  'cases_accepted',
  'cases_completed',
  'workload_points',
]

/** A quota for the scope as a whole (null), or the same amount for each staff member or counter. */
export const quotaEachKinds = ['staff', 'counter'] as const
export type QuotaEach = (typeof quotaEachKinds)[number]

export const quotaPeriods = ['day', 'week', 'month', 'range'] as const
export type QuotaPeriod = (typeof quotaPeriods)[number]

/** cap: at most `amount`; target: at least `amount`, a goal. */
export const quotaKinds = ['cap', 'target'] as const
export type QuotaKind = (typeof quotaKinds)[number]

/** hard caps block; soft caps only warn, at `warnAt` and at 100%. */
export const quotaEnforcements = ['hard', 'soft'] as const
export type QuotaEnforcement = (typeof quotaEnforcements)[number]

const day = z.iso.date()

/** Who and what a quota covers; null parts mean "any" (all null: the whole district). */
export const quotaScope = z.object({
  centerId: id.nullable(),
  counterId: id.nullable(),
  staffId: id.nullable(),
  serviceItemId: id.nullable(),
  skillId: id.nullable(),
})
export type QuotaScope = z.infer<typeof quotaScope>

export const quotaDefinition = z
  .object({
    name: z.string().trim().min(1).max(60),
    scope: quotaScope,
    metric: z.enum(quotaMetrics),
    period: z.enum(quotaPeriods),
    /** Only for period 'range': the first and last day it counts over. */
    rangeFrom: day.nullable().default(null),
    rangeTo: day.nullable().default(null),
    amount: z.number().positive({ error: 'quota.amountPositive' }).max(1_000_000),
    kind: z.enum(quotaKinds),
    /** Only for caps. */
    enforcement: z.enum(quotaEnforcements).nullable().default(null),
    /** The share of the amount at which managers are warned. */
    warnAt: z.number().min(0.1).max(0.99).default(0.8),
    effectiveFrom: day,
    effectiveTo: day.nullable().default(null),
    /** The amount applies to each staff member (or counter) of the scope separately. */
    each: z.enum(quotaEachKinds).nullable().default(null),
  })
  .superRefine((quota, context) => {
    const issue = (path: string, error: string) =>
      context.addIssue({ code: 'custom', path: [path], message: error })
    if (quota.period === 'range' && (quota.rangeFrom === null || quota.rangeTo === null)) {
      issue('rangeFrom', 'quota.rangeRequired')
    }
    if (quota.rangeFrom && quota.rangeTo && quota.rangeTo < quota.rangeFrom) {
      issue('rangeTo', 'quota.endBeforeStart')
    }
    if (quota.effectiveTo && quota.effectiveTo < quota.effectiveFrom) {
      issue('effectiveTo', 'quota.endBeforeStart')
    }
    if (quota.kind === 'cap' && quota.enforcement === null) {
      issue('enforcement', 'quota.enforcementRequired')
    }
    if (quota.kind === 'target' && quota.enforcement !== null) {
      issue('enforcement', 'quota.targetNotEnforced')
    }
    const counts = quota.metric !== 'workload_points'
    if (counts && !Number.isInteger(quota.amount)) issue('amount', 'quota.wholeAmount')
    const { scope } = quota
    if ((scope.counterId !== null || scope.staffId !== null) && scope.centerId === null) {
      issue('scope', 'quota.centerRequired')
    }
    if (quota.each !== null && !memberMetrics.includes(quota.metric)) {
      issue('each', 'quota.eachNeedsMember')
    }
    const named = quota.each === 'staff' ? scope.staffId : scope.counterId
    if (quota.each !== null && named !== null) issue('each', 'quota.eachNarrowerScope')
  })
export type QuotaDefinition = z.infer<typeof quotaDefinition>

export const createQuotaInput = quotaDefinition
export const quotaIdInput = z.object({ quotaId: id })
/** Ends a quota after `lastDay` (a new one may then take over): history stays. */
export const endQuotaInput = quotaIdInput.extend({ lastDay: day })
/** A manager lets more through this period than the amount (a busy day), with a reason. */
export const allowMoreInput = quotaIdInput.extend({
  /** For a quota on each member: the staff member or counter let through further. */
  memberId: id.nullable().default(null),
  extra: z.number().int().min(1).max(10_000),
  reason: z.string().trim().min(1, { error: 'quota.reasonRequired' }).max(200),
})
/** The kiosk asks, after a refusal, when the item has places again. */
export const nextAvailableInput = z.object({ serviceItemId: id })
export const listQuotasInput = centerScopeInput.extend({
  includeEnded: z.boolean().default(false),
})

/** Refusals about quotas, in both languages (mounted in errorMessages). */
export const quotaErrors = {
  'quota.full': {
    'zh-CN': '今日该事项的号源已满，请改日再来或预约其他时段',
    'en-US': "Today's places for this service are taken; please come another day",
  },
  'quota.bookingsFull': {
    'zh-CN': '该日该事项的预约名额已满，请选择其他日期',
    'en-US': 'Bookings for this service are full that day; choose another day',
  },
  'quota.casesFull': {
    'zh-CN': '今日该事项受理量已达上限，请联系中心负责人追加额度',
    'en-US': "Today's intake for this service is full; ask the center manager to allow more",
  },
  'quota.staffCasesFull': {
    'zh-CN': '您今日的受理量已达个人上限，请联系中心负责人追加额度',
    'en-US': 'You have reached your own intake cap for today; ask the center manager to allow more',
  },
  'quota.counterCasesFull': {
    'zh-CN': '本窗口今日的受理量已达上限，请联系中心负责人追加额度',
    'en-US': "This counter's intake for today is full; ask the center manager to allow more",
  },
  'quota.eachNeedsMember': {
    'zh-CN': '只有受理件数、办结件数和工作量点数可以按每人或每窗口设定',
    'en-US':
      'Only cases accepted, cases completed and workload points can apply to each person or counter',
  },
  'quota.eachNarrowerScope': {
    'zh-CN': '范围已限定到某一人员（或窗口），不能再按每人（或每窗口）设定',
    'en-US': 'The scope already names one person (or counter); it cannot apply to each of them',
  },
  'quota.memberRequired': {
    'zh-CN': '该额度按每人或每窗口计算，请选择为谁追加',
    'en-US': 'This quota applies to each person or counter; choose whom to allow more',
  },
  'quota.memberNotInScope': {
    'zh-CN': '所选人员或窗口不在该额度的范围内',
    'en-US': 'That person or counter is not covered by this quota',
  },
  'quota.reasonRequired': {
    'zh-CN': '请填写追加额度的原因',
    'en-US': 'Give a reason for allowing more',
  },
  'quota.notCapActive': {
    'zh-CN': '只能为今天生效中的上限追加额度',
    'en-US': 'Only a cap in force today can allow more',
  },
  'quota.overlap': {
    'zh-CN': '同一范围、同一指标在这段时间已有额度，请先结束原额度或调整生效日期',
    'en-US':
      'A quota for the same scope and measure already covers these dates; end it first or change the dates',
  },
  'quota.amountPositive': {
    'zh-CN': '额度必须大于 0',
    'en-US': 'The amount must be above 0',
  },
  'quota.wholeAmount': {
    'zh-CN': '计数类额度必须是整数',
    'en-US': 'A count must be a whole number',
  },
  'quota.rangeRequired': {
    'zh-CN': '自定义时段须填写起止日期',
    'en-US': 'A custom period needs its first and last day',
  },
  'quota.endBeforeStart': {
    'zh-CN': '结束日期不能早于开始日期',
    'en-US': 'The end cannot be before the start',
  },
  'quota.enforcementRequired': {
    'zh-CN': '上限须选择硬性（拦截）或软性（预警）',
    'en-US': 'Choose whether the cap blocks (hard) or warns (soft)',
  },
  'quota.targetNotEnforced': {
    'zh-CN': '目标值不拦截业务，无需选择硬性或软性',
    'en-US': 'A target never blocks; it takes no hard or soft setting',
  },
  'quota.centerRequired': {
    'zh-CN': '窗口或人员范围须同时选定中心',
    'en-US': 'A counter or person scope needs its center',
  },
  'quota.unknownScope': {
    'zh-CN': '范围中的中心、窗口、人员、事项或技能不存在，或不属于所选中心',
    'en-US': 'The scope names a center, counter, person, item or skill that does not exist or fit',
  },
  'quota.tooLong': {
    'zh-CN': '统计区间最长一年',
    'en-US': 'The stretch can be a year at most',
  },
  'quota.notFound': {
    'zh-CN': '未找到该额度',
    'en-US': 'No such quota',
  },
  'quota.endInPast': {
    'zh-CN': '只能从今天或以后结束额度',
    'en-US': 'A quota can only end today or later',
  },
} as const

/** Targets met period by period over a stretch of days (at most a year). */
export const attainmentInput = centerScopeInput
  .extend({ from: day, to: day })
  .refine((value) => value.from <= value.to, { error: 'quota.endBeforeStart', path: ['to'] })
  .refine((value) => Date.parse(value.to) - Date.parse(value.from) <= 366 * 86_400_000, {
    error: 'quota.tooLong',
    path: ['to'],
  })
