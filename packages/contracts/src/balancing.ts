import type { Locale } from './errors.ts'
import { z } from 'zod'
import { centerScopeInput, id } from './common.ts'

/** How long a manager may point a counter at one skill (实时调度), in minutes. */
export const focusMinutesRange = { min: 15, max: 240 } as const

/** Waits above this target are alerted on (DESIGN §3: 15 minutes). */
export const balancingTargetWaitMinutes = 15

/** Points a counter at a skill for a while: its calls take that skill's tickets first. */
export const setFocusInput = centerScopeInput.extend({
  counterId: id,
  skillId: id,
  minutes: z.number().int().min(focusMinutesRange.min).max(focusMinutesRange.max),
})

export const clearFocusInput = centerScopeInput.extend({ counterId: id })

/** Refusals of the balancing page, in both languages (mounted in errorMessages). */
export const balancingErrors = {
  'balancing.counterUnstaffed': {
    'zh-CN': '该窗口当前无人上岗，无法调度',
    'en-US': 'Nobody works at this counter now, so it cannot be switched',
  },
  'balancing.notCertified': {
    'zh-CN': '该窗口人员未取得此业务的上岗资格',
    'en-US': 'The person at this counter is not certified for this skill',
  },
} as const satisfies Record<string, Record<Locale, string>>
