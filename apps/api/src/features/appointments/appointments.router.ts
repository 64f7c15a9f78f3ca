import {
  appointmentIdInput,
  appointmentSlotsInput,
  bookAppointmentInput,
  checkInInput,
  listAppointmentsInput,
} from '@onewindow/contracts'
import { centerScopedProcedure, kioskProcedure, permissionProcedure } from '../../trpc.ts'
import { oneCenter } from '../../scope.ts'
import { actorOf } from '../operation-log/log-chain.ts'
import { kioskActor } from '../queue/kiosk-actor.ts'
import {
  bookAppointment,
  cancelAppointment,
  checkIn,
  listAppointments,
  slotsFor,
} from './appointments.service.ts'

/** Booked visits: the front desk books slots for residents, who check in at the kiosk. */
export const appointmentsRouter = {
  slots: centerScopedProcedure('appointment.book')
    .input(appointmentSlotsInput)
    .query(({ ctx, input }) => slotsFor(ctx.db, { ...input, centerId: oneCenter(ctx.scope) })),
  list: centerScopedProcedure('queue.read')
    .input(listAppointmentsInput)
    .query(({ ctx, input }) => listAppointments(ctx.db, ctx.scope, input.day)),
  book: centerScopedProcedure('appointment.book')
    .input(bookAppointmentInput)
    .mutation(({ ctx, input }) =>
      bookAppointment(ctx.db, ctx.user, actorOf(ctx), {
        ...input,
        centerId: oneCenter(ctx.scope),
      }),
    ),
  cancel: permissionProcedure('appointment.book')
    .input(appointmentIdInput)
    .mutation(async ({ ctx, input }) => {
      await cancelAppointment(ctx.db, ctx.user, actorOf(ctx), input.appointmentId)
      return { ok: true as const }
    }),
  checkIn: kioskProcedure
    .input(checkInInput)
    .mutation(({ ctx, input }) => checkIn(ctx.db, kioskActor(ctx), ctx.kioskCenterId, input.code)),
}
