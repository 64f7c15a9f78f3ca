import { centerScopedProcedure } from '../../trpc.ts'
import { listCenters } from './org.service.ts'

export const orgRouter = {
  centers: centerScopedProcedure('org.read').query(({ ctx }) => listCenters(ctx.db, ctx.scope)),
}
