import type { Locale } from './errors.ts'
import { z } from 'zod'
import { centerScopeInput } from './common.ts'

/** The longest period one fairness report covers, in days: about a quarter. */
export const fairnessMaxDays = 93

const day = z.iso.date()
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)

/** A center's fairness report for the days from `from` to `to`, both included. */
export const fairnessReportInput = centerScopeInput
  .extend({ from: day, to: day })
  .refine((input) => input.from <= input.to, { path: ['to'], error: 'fairness.periodReversed' })
  .refine((input) => daysBetween(input.from, input.to) < fairnessMaxDays, {
    path: ['to'],
    error: 'fairness.periodTooLong',
  })
export type FairnessReportInput = z.input<typeof fairnessReportInput>

/** Refusals of report periods, in both languages (mounted in errorMessages). */
export const fairnessErrors = {
  'fairness.periodReversed': {
    'zh-CN': '结束日期不能早于开始日期',
    'en-US': 'The end date cannot be before the start date',
  },
  'fairness.periodTooLong': {
    'zh-CN': `统计区间最长 ${fairnessMaxDays} 天`,
    'en-US': `A report covers at most ${fairnessMaxDays} days`,
  },
} as const satisfies Record<string, Record<Locale, string>>
