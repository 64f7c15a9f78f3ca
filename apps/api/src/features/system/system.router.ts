import { publicProcedure } from '../../trpc.ts'

export const systemRouter = {
  /** What the sign-in page may know before anyone signs in. */
  info: publicProcedure.query(({ ctx }) => ({ demo: ctx.demo })),
}
