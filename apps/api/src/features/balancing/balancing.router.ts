import { clearFocusInput, setFocusInput } from '@onewindow/contracts'
import { oneCenter } from '../../scope.ts'
import { centerScopedProcedure } from '../../trpc.ts'
import { actorOf } from '../operation-log/log-chain.ts'
import { queueChanges } from '../queue/queue-events.ts'
import { balancingOverview } from './balancing.service.ts'
import { clearFocus, setFocus } from './counter-focus.service.ts'

const manage = centerScopedProcedure('balancing.manage')

/** Live balancing (实时调度): load per skill and counter, alerts, and counters switched in a click. */
export const balancingRouter = {
  overview: manage.query(({ ctx }) => balancingOverview(ctx.db, oneCenter(ctx.scope))),
  /** Pings whenever the center's queue changes (a district admin names the center). */
  changes: manage.subscription(async function* ({ ctx, signal }) {
    yield* queueChanges(oneCenter(ctx.scope), signal)
  }),
  /** Applies a suggestion, or the manager's own choice: the counter calls the skill first. */
  setFocus: manage
    .input(setFocusInput)
    .mutation(({ ctx, input }) => setFocus(ctx.db, ctx.user, actorOf(ctx), ctx.scope, input)),
  clearFocus: manage.input(clearFocusInput).mutation(async ({ ctx, input }) => {
    await clearFocus(ctx.db, ctx.user, actorOf(ctx), ctx.scope, input.counterId)
    return { ok: true as const }
  }),
}
