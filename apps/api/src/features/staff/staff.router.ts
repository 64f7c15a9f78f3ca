import {
  bulkAssignSkillInput,
  createStaffInput,
  listStaffInput,
  setStaffSkillInput,
  setStaffStatusInput,
  skillsMatrixInput,
  staffIdInput,
  unlockStaffInput,
  updateStaffInput,
} from '@onewindow/contracts'
import { centerScopedProcedure, permissionProcedure } from '../../trpc.ts'
import { resetTwoFactor } from '../auth/two-factor-account.service.ts'
import { actorOf } from '../operation-log/log-chain.ts'
import { bulkAssignSkill, setStaffSkill } from './skill-assignment.service.ts'
import { getSkillsMatrix } from './skills-matrix.service.ts'
import { endSessions, listActiveSessions } from './staff-sessions.service.ts'
import { createStaff, getStaff, resetStaffPassword, updateStaff } from './staff-admin.service.ts'
import { listStaff, setStaffStatus, unlockStaff } from './staff.service.ts'

export const staffRouter = {
  list: centerScopedProcedure('staff.read')
    .input(listStaffInput)
    .query(({ ctx, input }) => listStaff(ctx.db, { ...input, scope: ctx.scope })),

  get: permissionProcedure('staff.manage')
    .input(staffIdInput)
    .query(({ ctx, input }) => getStaff(ctx.db, ctx.user, input.staffId)),

  create: permissionProcedure('staff.manage')
    .meta({ access: 'staff.manage', secretResult: true })
    .input(createStaffInput)
    .mutation(({ ctx, input }) => createStaff(ctx.db, ctx.user, actorOf(ctx), input)),

  update: permissionProcedure('staff.manage')
    .input(updateStaffInput)
    .mutation(({ ctx, input }) => updateStaff(ctx.db, ctx.user, actorOf(ctx), input)),

  setStatus: permissionProcedure('staff.manage')
    .input(setStaffStatusInput)
    .mutation(async ({ ctx, input }) => {
      await setStaffStatus(ctx.db, ctx.user, actorOf(ctx), input)
      return { ok: true as const }
    }),

  unlock: permissionProcedure('staff.manage')
    .input(unlockStaffInput)
    .mutation(async ({ ctx, input }) => {
      await unlockStaff(ctx.db, ctx.user, actorOf(ctx), input.staffId)
      return { ok: true as const }
    }),

  /** The temporary password is in this answer only; it is never stored or logged in clear. */
  resetPassword: permissionProcedure('staff.manage')
    .meta({ access: 'staff.manage', secretResult: true })
    .input(staffIdInput)
    .mutation(({ ctx, input }) =>
      resetStaffPassword(ctx.db, ctx.user, actorOf(ctx), input.staffId),
    ),

  /** Where an account is signed in now: start, last request, IP and browser of each session. */
  sessions: permissionProcedure('session.manage')
    .input(staffIdInput)
    .query(({ ctx, input }) =>
      listActiveSessions(ctx.db, ctx.user, input.staffId, ctx.sessionTokenHash),
    ),

  endSessions: permissionProcedure('session.manage')
    .input(staffIdInput)
    .mutation(({ ctx, input }) =>
      endSessions(ctx.db, ctx.user, actorOf(ctx), input.staffId, ctx.sessionTokenHash),
    ),

  /** Clears a lost authenticator: the person's sessions end, and they set up a new one. */
  resetTwoFactor: permissionProcedure('twoFactor.reset')
    .input(staffIdInput)
    .mutation(async ({ ctx, input }) => {
      await resetTwoFactor(ctx.db, ctx.user, actorOf(ctx), input.staffId)
      return { ok: true as const }
    }),

  skillsMatrix: centerScopedProcedure('staff.read')
    .input(skillsMatrixInput)
    .query(({ ctx, input }) => getSkillsMatrix(ctx.db, { ...input, scope: ctx.scope })),

  setSkill: permissionProcedure('staff.manage')
    .input(setStaffSkillInput)
    .mutation(({ ctx, input }) => setStaffSkill(ctx.db, ctx.user, actorOf(ctx), input)),

  bulkAssignSkill: permissionProcedure('staff.manage')
    .input(bulkAssignSkillInput)
    .mutation(({ ctx, input }) => bulkAssignSkill(ctx.db, ctx.user, actorOf(ctx), input)),
}
