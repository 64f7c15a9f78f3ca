import { changePasswordInput, loginInput } from '@onewindow/contracts'
import { passwordChangeProcedure, publicProcedure } from '../../trpc.ts'
import { changePassword, login, logout } from './auth.service.ts'

export const authRouter = {
  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const { session, user } = await login(ctx.db, ctx.loginThrottle, input, ctx)
    ctx.cookies.set(session.token, session.expiresAt)
    return user
  }),

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
}
