import {
  calendarYearInput,
  deadlineInput,
  deleteCounterInput,
  listCountersInput,
  saveCenterInput,
  saveCounterInput,
  setCalendarDayInput,
  setCounterStatusInput,
  setOpeningHoursInput,
} from '@onewindow/contracts'
import { appError } from '../../errors.ts'
import { centerScopedProcedure, permissionProcedure } from '../../trpc.ts'
import { actorOf } from '../operation-log/log-chain.ts'
import { calendarYear, deadline, setCalendarDay } from './calendar.service.ts'
import {
  deleteCounter,
  listCounters,
  listSkillOptions,
  saveCounter,
  setCounterStatus,
} from './counters.service.ts'
import { getCenter, listCenters, saveCenter, setOpeningHours } from './org.service.ts'

const ok = { ok: true as const }

export const orgRouter = {
  centers: centerScopedProcedure('org.read').query(({ ctx }) => listCenters(ctx.db, ctx.scope)),

  /** One center: the caller's own, or for an admin the one named by `centerId`. */
  center: centerScopedProcedure('org.read').query(({ ctx }) => {
    if (ctx.scope.centerId === null) throw appError('BAD_REQUEST', 'common.badRequest')
    return getCenter(ctx.db, ctx.scope.centerId)
  }),

  saveCenter: permissionProcedure('center.manage')
    .input(saveCenterInput)
    .mutation(({ ctx, input }) => saveCenter(ctx.db, ctx.user, actorOf(ctx), input)),

  setOpeningHours: permissionProcedure('center.manage')
    .input(setOpeningHoursInput)
    .mutation(async ({ ctx, input }) => {
      await setOpeningHours(ctx.db, ctx.user, actorOf(ctx), input)
      return ok
    }),

  counters: centerScopedProcedure('org.read')
    .input(listCountersInput)
    .query(({ ctx, input }) => listCounters(ctx.db, ctx.scope, input.includeRetired)),

  skillOptions: permissionProcedure('org.read').query(({ ctx }) => listSkillOptions(ctx.db)),

  saveCounter: permissionProcedure('counter.manage')
    .input(saveCounterInput)
    .mutation(({ ctx, input }) => saveCounter(ctx.db, ctx.user, actorOf(ctx), input)),

  setCounterStatus: permissionProcedure('counter.manage')
    .input(setCounterStatusInput)
    .mutation(async ({ ctx, input }) => {
      await setCounterStatus(ctx.db, ctx.user, actorOf(ctx), input)
      return ok
    }),

  deleteCounter: permissionProcedure('counter.manage')
    .input(deleteCounterInput)
    .mutation(async ({ ctx, input }) => {
      await deleteCounter(ctx.db, ctx.user, actorOf(ctx), input)
      return ok
    }),

  calendar: permissionProcedure('org.read')
    .input(calendarYearInput)
    .query(({ ctx, input }) => calendarYear(ctx.db, input.year)),

  setCalendarDay: permissionProcedure('calendar.manage')
    .input(setCalendarDayInput)
    .mutation(async ({ ctx, input }) => {
      await setCalendarDay(ctx.db, actorOf(ctx), input)
      return ok
    }),

  deadline: permissionProcedure('org.read')
    .input(deadlineInput)
    .query(({ ctx, input }) => deadline(ctx.db, input)),
}
