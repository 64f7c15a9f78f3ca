import {
  finishTicketInput,
  issueTicketInput,
  kioskIdInput,
  openCounterInput,
  pauseInput,
  registerKioskInput,
  revealTicketIdNumberInput,
  ticketActionInput,
  transferTicketInput,
} from '@onewindow/contracts'
import { centerScopedProcedure, kioskProcedure, permissionProcedure } from '../../trpc.ts'
import { revealTicketIdNumber } from '../id-numbers/id-number-reveal.service.ts'
import { actorOf } from '../operation-log/log-chain.ts'
import { boardOf } from './board.service.ts'
import { callNext, stepTicket } from './calling.service.ts'
import {
  cancelAutoCall,
  closeCounter,
  colleaguesAtCounters,
  openCounter,
  setPaused,
} from './counter-sessions.service.ts'
import { finishTicket, transferTicket } from './finishing.service.ts'
import { kioskActor } from './kiosk-actor.ts'
import { kioskMenu } from './kiosk-menu.ts'
import { listKiosks, registerKiosk, revokeKiosk } from './kiosks.service.ts'
import { queueChanges } from './queue-events.ts'
import { issueTicket } from './tickets.service.ts'
import { workbenchState } from './workbench.service.ts'

const work = permissionProcedure('queue.work')
const ok = { ok: true as const }

/**
 * The live queue. Kiosk-facing calls accept a registered kiosk device (x-kiosk-token) or a
 * signed-in member of the center; `kioskProcedure` resolves which center they act for.
 */
export const queueRouter = {
  kiosk: {
    menu: kioskProcedure.query(({ ctx }) => kioskMenu(ctx.db, ctx.kioskCenterId)),
    issue: kioskProcedure
      .input(issueTicketInput)
      .mutation(({ ctx, input }) =>
        issueTicket(ctx.db, kioskActor(ctx), { ...input, centerId: ctx.kioskCenterId }),
      ),
  },

  board: kioskProcedure.query(({ ctx }) => boardOf(ctx.db, ctx.kioskCenterId)),

  /** Pings pages of a center whenever its queue changes; they refetch what they show. */
  changes: kioskProcedure.subscription(async function* ({ ctx, signal }) {
    yield* queueChanges(ctx.kioskCenterId, signal)
  }),

  kiosks: {
    list: centerScopedProcedure('kiosk.manage').query(({ ctx }) => listKiosks(ctx.db, ctx.scope)),
    register: permissionProcedure('kiosk.manage')
      .meta({ access: 'kiosk.manage', secretResult: true })
      .input(registerKioskInput)
      .mutation(({ ctx, input }) => registerKiosk(ctx.db, ctx.user, actorOf(ctx), input)),
    revoke: permissionProcedure('kiosk.manage')
      .input(kioskIdInput)
      .mutation(async ({ ctx, input }) => {
        await revokeKiosk(ctx.db, ctx.user, actorOf(ctx), input.kioskId)
        return ok
      }),
  },

  workbench: {
    state: work.query(({ ctx }) => workbenchState(ctx.db, ctx.user)),
    colleagues: work.query(({ ctx }) => colleaguesAtCounters(ctx.db, ctx.user)),
    open: work.input(openCounterInput).mutation(async ({ ctx, input }) => {
      await openCounter(ctx.db, ctx.user, actorOf(ctx), input)
      return ok
    }),
    close: work.mutation(async ({ ctx }) => {
      await closeCounter(ctx.db, ctx.user, actorOf(ctx))
      return ok
    }),
    pause: work.input(pauseInput).mutation(async ({ ctx, input }) => {
      await setPaused(ctx.db, ctx.user, actorOf(ctx), input.reason)
      return ok
    }),
    resume: work.mutation(async ({ ctx }) => {
      await setPaused(ctx.db, ctx.user, actorOf(ctx), null)
      return ok
    }),
    /** Stops this round's auto-call; the next finished ticket arms it again. */
    cancelAutoCall: work.mutation(async ({ ctx }) => {
      await cancelAutoCall(ctx.db, ctx.user, actorOf(ctx))
      return ok
    }),
    callNext: work.mutation(({ ctx }) => callNext(ctx.db, ctx.user, actorOf(ctx))),
    recall: work.input(ticketActionInput).mutation(async ({ ctx, input }) => {
      await stepTicket(ctx.db, ctx.user, actorOf(ctx), input.ticketId, 'recall')
      return ok
    }),
    noShow: work.input(ticketActionInput).mutation(async ({ ctx, input }) => {
      await stepTicket(ctx.db, ctx.user, actorOf(ctx), input.ticketId, 'noShow')
      return ok
    }),
    start: work.input(ticketActionInput).mutation(async ({ ctx, input }) => {
      await stepTicket(ctx.db, ctx.user, actorOf(ctx), input.ticketId, 'start')
      return ok
    }),
    /** The resident's full ID number, once, for a reason kept in the operation log. */
    revealIdNumber: work
      .meta({ access: 'queue.work', secretResult: true })
      .input(revealTicketIdNumberInput)
      .mutation(({ ctx, input }) => revealTicketIdNumber(ctx.db, ctx.user, actorOf(ctx), input)),
    finish: work
      .input(finishTicketInput)
      .mutation(({ ctx, input }) => finishTicket(ctx.db, ctx.user, actorOf(ctx), input)),
    transfer: work.input(transferTicketInput).mutation(async ({ ctx, input }) => {
      await transferTicket(ctx.db, ctx.user, actorOf(ctx), input)
      return ok
    }),
  },
}
