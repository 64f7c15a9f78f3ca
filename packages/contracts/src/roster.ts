import { z } from 'zod'
import { centerScopeInput, id } from './common.ts'

const day = z.iso.date()

/** A roster covers one week, Monday to Sunday. */
export const rosterWeekInput = centerScopeInput.extend({
  weekStart: day.refine((value) => new Date(`${value}T00:00:00Z`).getUTCDay() === 1, {
    error: 'roster.notMonday',
  }),
})

export const rosterSolveLimits = { minSeconds: 5, maxSeconds: 120, defaultSeconds: 30 } as const

export const autoScheduleInput = rosterWeekInput.extend({
  timeLimitSeconds: z
    .number()
    .int()
    .min(rosterSolveLimits.minSeconds)
    .max(rosterSolveLimits.maxSeconds)
    .default(rosterSolveLimits.defaultSeconds),
})

export const solveStatusInput = z.object({ jobId: z.string().uuid() })

/** Sets one member's shift on one day of a draft; a null shift gives them the day off. */
export const editShiftInput = z.object({
  rosterId: id,
  staffId: id,
  day,
  shiftCode: z.string().min(1).max(16).nullable(),
  counterId: id.nullable(),
})

export const rosterIdInput = z.object({ rosterId: id })

export const myShiftsInput = z.object({ from: day })

export const leaveRequestInput = z
  .object({
    /** A manager may record leave for a member of their center; staff ask for themselves. */
    staffId: id.optional(),
    fromDay: day,
    toDay: day,
    reason: z.string().trim().min(1).max(200),
  })
  .refine((value) => value.fromDay <= value.toDay, {
    error: 'leave.endBeforeStart',
    path: ['toDay'],
  })

export const leaveIdInput = z.object({ leaveId: id })

export const leaveStatuses = ['pending', 'approved', 'rejected', 'withdrawn'] as const
export type LeaveStatus = (typeof leaveStatuses)[number]

export const listLeaveInput = centerScopeInput.extend({
  status: z.enum(leaveStatuses).optional(),
})

export const decideLeaveInput = leaveIdInput.extend({ approve: z.boolean() })

/** Refusals of the scheduling screens, in both languages (mounted in errorMessages). */
export const rosterErrors = {
  'roster.notMonday': {
    'zh-CN': '排班周须从星期一开始',
    'en-US': 'A roster week starts on a Monday',
  },
  'roster.solving': {
    'zh-CN': '该中心正在自动排班，请等待完成',
    'en-US': 'This center is already being scheduled; wait until it finishes',
  },
  'roster.noJob': {
    'zh-CN': '未找到该排班任务，可能已过期',
    'en-US': 'No such scheduling run; it may have expired',
  },
  'roster.noStaff': {
    'zh-CN': '该中心没有可排班的窗口人员',
    'en-US': 'This center has no window staff to schedule',
  },
  'roster.closedWeek': {
    'zh-CN': '该中心本周不开放，无需排班',
    'en-US': 'The center is closed all week; there is nothing to schedule',
  },
  'roster.noCounters': {
    'zh-CN': '该中心没有开放的窗口',
    'en-US': 'This center has no open counters',
  },
  'roster.notFound': {
    'zh-CN': '未找到该排班表',
    'en-US': 'No such roster',
  },
  'roster.unknownShift': {
    'zh-CN': '班次或窗口不属于该排班表',
    'en-US': 'The shift or counter is not part of this roster',
  },
  'roster.counterRequired': {
    'zh-CN': '请为该班次选择窗口',
    'en-US': 'Choose a counter for the shift',
  },
  'roster.outsideWeek': {
    'zh-CN': '日期不在该排班周内',
    'en-US': 'The day is outside the roster week',
  },
  'roster.cannotPublish': {
    'zh-CN': '排班表违反硬性规则，请先修正后再发布',
    'en-US': 'The roster breaks hard rules; fix them before publishing',
  },
  'roster.solverFailed': {
    'zh-CN': '自动排班失败，请稍后重试',
    'en-US': 'Automatic scheduling failed; try again later',
  },
  'leave.endBeforeStart': {
    'zh-CN': '结束日期不能早于开始日期',
    'en-US': 'The last day cannot be before the first',
  },
  'leave.staffRequired': {
    'zh-CN': '请选择请假人员',
    'en-US': 'Choose whose leave this is',
  },
  'leave.tooLong': {
    'zh-CN': '单次请假不超过 31 天',
    'en-US': 'One request covers at most 31 days',
  },
  'leave.inPast': {
    'zh-CN': '不能为已过去的日期请假',
    'en-US': 'Leave cannot start in the past',
  },
  'leave.overlaps': {
    'zh-CN': '该时段已有请假申请',
    'en-US': 'You already asked for leave on some of these days',
  },
  'leave.notPending': {
    'zh-CN': '该申请已处理',
    'en-US': 'This request has already been decided',
  },
  'leave.notFound': {
    'zh-CN': '未找到该请假申请',
    'en-US': 'No such leave request',
  },
} as const
