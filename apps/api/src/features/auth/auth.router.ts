import {
  challengeInput,
  changePasswordInput,
  disableTwoFactorInput,
  enableTwoFactorInput,
  loginInput,
  verifyCodeInput,
} from '@onewindow/contracts'
import type { Context } from '../../context.ts'
import { passwordChangeProcedure, protectedProcedure, publicProcedure } from '../../trpc.ts'
import { actorOf } from '../operation-log/log-chain.ts'
import { type SignedIn, changePassword, login, logout } from './auth.service.ts'
import {
  disableTwoFactor,
  enableTwoFactor,
  twoFactorSetup,
  twoFactorStatus,
} from './two-factor-account.service.ts'
import { demoCode, verifyCode } from './two-factor.service.ts'

/** Hands the session to the browser as its cookie; the answer carries only the user. */
function startSession(ctx: Context, { session, user }: SignedIn) {
  ctx.cookies.set(session.token, session.expiresAt)
  return { step: 'signedIn' as const, user }
}

// Challenges and setup secrets are never kept for a repeated idempotency key.
const signInProcedure = publicProcedure.meta({ access: 'public', secretResult: true })

export const authRouter = {
  /** The password; then either a session, or a challenge to answer with `verifyCode`. */
  login: signInProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const outcome = await login(ctx.db, ctx.loginThrottle, input, ctx)
    return outcome.step === 'signedIn' ? startSession(ctx, outcome) : outcome
  }),

  verifyCode: signInProcedure
    .input(verifyCodeInput)
    .mutation(async ({ ctx, input }) =>
      startSession(ctx, await verifyCode(ctx.db, ctx.loginThrottle, input, ctx)),
    ),

  /** A demo's sign-in page shows the code, so anyone can try the demo; refused elsewhere. */
  demoCode: publicProcedure
    .input(challengeInput)
    .query(({ ctx, input }) => demoCode(ctx.db, ctx.demo, input.challenge)),

  logout: passwordChangeProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionTokenHash) await logout(ctx.db, ctx.user, ctx.sessionTokenHash, ctx.ip)
    ctx.cookies.clear()
    return { ok: true as const }
  }),

  me: passwordChangeProcedure.query(({ ctx }) => ctx.user),

  changePassword: passwordChangeProcedure
    .input(changePasswordInput)
    .mutation(async ({ ctx, input }) => {
      await changePassword(ctx.db, ctx.user, input, ctx.sessionTokenHash ?? '', ctx.ip)
      return { ok: true as const }
    }),

  twoFactor: protectedProcedure.query(({ ctx }) => twoFactorStatus(ctx.db, ctx.user)),

  /** The secret is in this answer only, until its first code turns two-factor sign-in on. */
  twoFactorSetup: protectedProcedure.query(({ ctx }) => twoFactorSetup(ctx.db, ctx.user)),

  enableTwoFactor: protectedProcedure
    .input(enableTwoFactorInput)
    .mutation(async ({ ctx, input }) => {
      await enableTwoFactor(ctx.db, ctx.user, actorOf(ctx), input)
      return { ok: true as const }
    }),

  disableTwoFactor: protectedProcedure
    .input(disableTwoFactorInput)
    .mutation(async ({ ctx, input }) => {
      await disableTwoFactor(ctx.db, ctx.loginThrottle, ctx.user, actorOf(ctx), input.code)
      return { ok: true as const }
    }),
}
