import type { Locale } from './errors.ts'
import { z } from 'zod'
import { centerScopeInput, id, pageInput } from './common.ts'

/*
 * Anomaly flags (异常提示, anti-gaming): patterns in a center's day that a supervisor should look
 * at. The detectors and their thresholds live in @onewindow/domain's anomaly folder.
 */

/**
 * shortService: cases accepted in a fraction of the item's standard minutes;
 * noShows: a counter marking many residents absent (过号);
 * consultations: many visits closed as consultation only, without a case;
 * immediateAsCommitment: tickets of 即办 items settled as 承诺 cases;
 * idlePause: pauses while residents of the person's skills were waiting;
 * ratingBurst: many ratings of one person within a few minutes.
 */
export const anomalyKinds = [
  'shortService',
  'noShows',
  'consultations',
  'immediateAsCommitment',
  'idlePause',
  'ratingBurst',
] as const
export type AnomalyKind = (typeof anomalyKinds)[number]

export const anomalySubjectTypes = ['staff', 'counter'] as const
export type AnomalySubjectType = (typeof anomalySubjectTypes)[number]

/** How a kind's value and threshold read: a share (0–1), minutes, or a number of ratings. */
export const anomalyUnits = {
  shortService: 'share',
  noShows: 'share',
  consultations: 'share',
  immediateAsCommitment: 'share',
  idlePause: 'minutes',
  ratingBurst: 'count',
} as const satisfies Record<AnomalyKind, 'share' | 'minutes' | 'count'>

/** open: to look at; dismissed: looked at, with a reason; audited: turned into audit tasks. */
export const anomalyStatuses = ['open', 'dismissed', 'audited'] as const
export type AnomalyStatus = (typeof anomalyStatuses)[number]

/** The longest stretch of days one list shows. */
export const anomalyMaxDays = 92

const day = z.iso.date()
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)

export const anomalyListInput = centerScopeInput
  .extend(pageInput.shape)
  .extend({
    from: day,
    to: day,
    kind: z.enum(anomalyKinds).optional(),
    status: z.enum(anomalyStatuses).optional(),
  })
  .refine((input) => input.from <= input.to, { path: ['to'], error: 'anomaly.badRange' })
  .refine((input) => daysBetween(input.from, input.to) < anomalyMaxDays, {
    path: ['to'],
    error: 'anomaly.rangeTooLong',
  })
export type AnomalyListInput = z.input<typeof anomalyListInput>

export const anomalyIdInput = z.object({ flagId: id })

const reason = z.string().trim().min(1, { error: 'anomaly.reasonRequired' }).max(500)

export const dismissAnomalyInput = z.object({ flagId: id, reason })
export const auditAnomalyInput = z.object({ flagId: id, reason })

/** Recomputes one past (or today's) day of one center; an admin names the center. */
export const recomputeAnomaliesInput = centerScopeInput.extend({ day })

/** Refusals of the anomaly feature, in both languages (mounted in errorMessages). */
export const anomalyErrors = {
  'anomaly.badRange': {
    'zh-CN': '结束日期不能早于开始日期',
    'en-US': 'The end date cannot be before the start date',
  },
  'anomaly.rangeTooLong': {
    'zh-CN': `查询区间最长 ${anomalyMaxDays} 天`,
    'en-US': `A list covers at most ${anomalyMaxDays} days`,
  },
  'anomaly.reasonRequired': {
    'zh-CN': '请填写原因',
    'en-US': 'Please give a reason',
  },
  'anomaly.notOpen': {
    'zh-CN': '该提示已处理，请刷新后查看',
    'en-US': 'This flag has already been handled; refresh to see it',
  },
  'anomaly.noCases': {
    'zh-CN': '该提示没有关联的办件，无法转为审计任务',
    'en-US': 'No cases lie behind this flag, so it cannot become an audit task',
  },
  'anomaly.futureDay': {
    'zh-CN': '不能计算未来日期',
    'en-US': 'A day in the future cannot be computed',
  },
} as const satisfies Record<string, Record<Locale, string>>
