import type { Locale } from './errors.ts'
import { z } from 'zod'
import { trackCaseInput } from './cases.ts'
import { centerScopeInput, id, pageInput } from './common.ts'

/*
 * Residents' ratings of a finished visit (好差评) and the follow-up of poor ones (回访整改).
 * The rules a district center runs by, in one place for the screens and the server.
 */

/** 非常不满意 (1) … 非常满意 (5). */
export const evaluationScores = [5, 4, 3, 2, 1] as const
export type EvaluationScore = (typeof evaluationScores)[number]

/** Scores up to this one are poor (差评) and open a follow-up. */
export const poorScoreMax = 2
/** Scores from this one on count as satisfied. */
export const satisfiedScoreMin = 4

export const isPoorScore = (score: number) => score <= poorScoreMax

/** What residents praise (scores 4–5) and what they criticise (scores 1–3). */
export const praiseReasons = ['friendly', 'efficient', 'oneVisit', 'clearGuidance'] as const
export const complaintReasons = ['rude', 'longWait', 'repeatedMaterials', 'unresolved'] as const
export const evaluationReasons = [...praiseReasons, ...complaintReasons] as const
export type EvaluationReason = (typeof evaluationReasons)[number]

/** The reasons offered for a score: praise for a good one, criticism otherwise. */
export function reasonsForScore(score: number): readonly EvaluationReason[] {
  return score >= satisfiedScoreMin ? praiseReasons : complaintReasons
}

export const evaluationCommentMax = 200
/** A visit can be rated for this many days after it finished. */
export const ratingWindowDays = 3
/** A counter tablet offers the visit just finished there for this long. */
export const tabletWindowMinutes = 10
/** Working days to revisit the resident after a poor rating, and to rectify (回访 / 整改). */
export const revisitWorkingDays = 1
export const rectifyWorkingDays = 5

export const evaluationChannels = ['tablet', 'track'] as const
export type EvaluationChannel = (typeof evaluationChannels)[number]

/** revisit: waiting for the revisit; rectify: revisited, waiting for the rectification. */
export const followUpStates = ['revisit', 'rectify', 'closed'] as const
export type FollowUpState = (typeof followUpStates)[number]

export const appealDecisions = ['upheld', 'rejected'] as const
export type AppealDecision = (typeof appealDecisions)[number]

const ratingShape = {
  score: z.number().int().min(1).max(5),
  reasons: z
    .array(z.enum(evaluationReasons))
    .max(evaluationReasons.length)
    .default([])
    .refine((reasons) => new Set(reasons).size === reasons.length),
  comment: z.string().trim().max(evaluationCommentMax).optional(),
}

const reasonsFit = (input: { score: number; reasons: readonly EvaluationReason[] }) =>
  input.reasons.every((reason) => reasonsForScore(input.score).includes(reason))
const reasonsMismatch = { path: ['reasons'], error: 'evaluation.reasonMismatch' }

/** A rating given on a counter's tablet, for the ticket it showed. */
export const tabletRateInput = z
  .object({ counterId: id, ticketId: id, ...ratingShape })
  .refine(reasonsFit, reasonsMismatch)
export type TabletRateInput = z.input<typeof tabletRateInput>

/** A rating given on the progress lookup, proven by the same case number and phone digits. */
export const trackRateInput = trackCaseInput.extend(ratingShape).refine(reasonsFit, reasonsMismatch)
export type TrackRateInput = z.input<typeof trackRateInput>

export const tabletCounterInput = z.object({ counterId: id })

const note = z.string().trim().min(1, { error: 'evaluation.noteRequired' }).max(500)

export const followUpIdInput = z.object({ followUpId: id })
export const followUpNoteInput = z.object({ followUpId: id, note })
export const appealInput = z.object({ followUpId: id, reason: note })
export const decideAppealInput = z.object({
  followUpId: id,
  decision: z.enum(appealDecisions),
  note,
})

export const followUpListInput = centerScopeInput.extend(pageInput.shape).extend({
  state: z.enum(followUpStates).optional(),
  overdue: z.boolean().optional(),
  /** Only follow-ups with an appeal waiting for a decision. */
  appealPending: z.boolean().optional(),
  staffId: id.optional(),
})
export type FollowUpListInput = z.input<typeof followUpListInput>

export const evaluationSummaryDays = [7, 30, 90] as const
export const evaluationSummaryInput = centerScopeInput.extend({
  days: z
    .number()
    .int()
    .refine((days) => (evaluationSummaryDays as readonly number[]).includes(days))
    .default(30),
})

export const myEvaluationsInput = pageInput

/** Refusals of the evaluation feature, in both languages (mounted in errorMessages). */
export const evaluationErrors = {
  'evaluation.notRateable': {
    'zh-CN': `该次办理暂不能评价：只能评价 ${ratingWindowDays} 天内已办结的业务`,
    'en-US': `This visit cannot be rated: only visits finished within ${ratingWindowDays} days can`,
  },
  'evaluation.alreadyRated': {
    'zh-CN': '该次办理已评价过，感谢您的反馈',
    'en-US': 'This visit has already been rated. Thank you for your feedback',
  },
  'evaluation.deviceRequired': {
    'zh-CN': '此设备未登记为评价器，请由中心负责人登记',
    'en-US': 'This device is not a registered rating tablet; a center manager must register it',
  },
  'evaluation.reasonMismatch': {
    'zh-CN': '所选原因与评价等级不符',
    'en-US': 'The reasons chosen do not fit the rating',
  },
  'evaluation.noteRequired': {
    'zh-CN': '请填写说明',
    'en-US': 'Please write a note',
  },
  'evaluation.revisitFirst': {
    'zh-CN': '请先记录回访情况，再记录整改结果',
    'en-US': 'Record the revisit first, then the rectification',
  },
  'evaluation.followUpDone': {
    'zh-CN': '该环节已记录，请刷新后查看',
    'en-US': 'This step has already been recorded; refresh to see it',
  },
  'evaluation.alreadyAppealed': {
    'zh-CN': '每条差评只能申诉一次，该评价已提出过申诉',
    'en-US': 'A poor rating can be appealed only once, and this one already was',
  },
  'evaluation.noPendingAppeal': {
    'zh-CN': '该评价没有待裁定的申诉',
    'en-US': 'This rating has no appeal waiting for a decision',
  },
  'evaluation.ownAppeal': {
    'zh-CN': '不能裁定针对自己的评价的申诉',
    'en-US': 'You cannot decide an appeal about a rating of your own',
  },
} as const satisfies Record<string, Record<Locale, string>>
