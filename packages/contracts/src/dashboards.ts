import type { Locale } from './errors.ts'
import { z } from 'zod'
import { centerScopeInput, id } from './common.ts'

/** The longest range one dashboard covers: a year (a leap year's 366 days). */
export const dashboardMaxDays = 366

const day = z.iso.date()
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)

const range = centerScopeInput.extend({ from: day, to: day })

/** Adds the range checks to a dashboard input (refinements must come after extending). */
function ranged<T extends typeof range>(schema: T) {
  return schema
    .refine((input) => input.from <= input.to, { path: ['to'], error: 'dashboard.rangeReversed' })
    .refine((input) => daysBetween(input.from, input.to) < dashboardMaxDays, {
      path: ['to'],
      error: 'dashboard.rangeTooLong',
    })
}

export const trendGranularities = ['day', 'week', 'month'] as const
export type TrendGranularity = (typeof trendGranularities)[number]

/** District overview: every center (or the caller's own) over a range, with a trend. */
export const overviewInput = ranged(
  range.extend({ granularity: z.enum(trendGranularities).default('day') }),
)
export type OverviewInput = z.input<typeof overviewInput>

/** One center's dashboard over a range. */
export const centerDashboardInput = ranged(range)

export const performanceGroupings = ['counter', 'staff'] as const
export type PerformanceGrouping = (typeof performanceGroupings)[number]

/** Per-counter or per-staff performance of one center over a range. */
export const performanceInput = ranged(range.extend({ by: z.enum(performanceGroupings) }))
export type PerformanceInput = z.input<typeof performanceInput>

/** One counter's or person's day: a timeline and the cases handled. */
export const memberDayInput = centerScopeInput.extend({
  day,
  by: z.enum(performanceGroupings),
  memberId: id,
})
export type MemberDayInput = z.input<typeof memberDayInput>

/** Commitment items ranked as candidates to become immediate (即办 potential). */
export const immediatePotentialInput = ranged(range)

/** Refusals of dashboard ranges, in both languages (mounted in errorMessages). */
export const dashboardErrors = {
  'dashboard.rangeReversed': {
    'zh-CN': '结束日期不能早于开始日期',
    'en-US': 'The end date cannot be before the start date',
  },
  'dashboard.rangeTooLong': {
    'zh-CN': `统计区间最长 ${dashboardMaxDays} 天`,
    'en-US': `A dashboard covers at most ${dashboardMaxDays} days`,
  },
} as const satisfies Record<string, Record<Locale, string>>
