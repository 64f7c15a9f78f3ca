import { z } from 'zod'
import { applicantInput } from './cases.ts'
import { id } from './common.ts'

export const ticketStatuses = [
  'waiting',
  'called',
  'serving',
  'done',
  'no_show',
  'transferred',
] as const
export type TicketStatus = (typeof ticketStatuses)[number]

export const ticketOutcomes = ['case', 'consultation', 'rejected'] as const
export type TicketOutcome = (typeof ticketOutcomes)[number]

export const pauseReasons = ['lunch', 'training', 'backOffice', 'meeting', 'other'] as const
export type PauseReason = (typeof pauseReasons)[number]

/** A called ticket is announced again at most this often before it may be marked a no-show. */
export const maxRecalls = 3

export const issueTicketInput = z.object({
  serviceItemId: id,
  /** Green channel (elderly, disabled, pregnant): flagged by the floor guide. */
  priority: z.boolean().default(false),
})

export const openCounterInput = z.object({
  counterId: id,
  /** Call the next ticket automatically this many seconds after finishing; null: by hand. */
  autoCallSeconds: z.number().int().min(0).max(600).nullable().default(null),
})

export const ticketActionInput = z.object({ ticketId: id })

export const finishTicketInput = z
  .object({
    ticketId: id,
    outcome: z.enum(ticketOutcomes),
    /** The item actually handled, when it differs from the ticket's. */
    serviceItemId: id.optional(),
    note: z.string().trim().max(255).optional(),
    /** The same key on a retried or double-submitted finish makes it a no-op. */
    idempotencyKey: z.string().trim().min(8).max(64),
    /** Commitment cases: who applied (for delivery and the progress lookup). */
    applicant: applicantInput.optional(),
  })
  .refine((input) => input.outcome !== 'rejected' || Boolean(input.note), {
    path: ['note'],
    message: 'queue.rejectReasonRequired',
  })

export const transferTicketInput = z
  .object({ ticketId: id, skillId: id.optional(), staffId: id.optional() })
  .refine((input) => (input.skillId === undefined) !== (input.staffId === undefined), {
    path: ['skillId'],
    message: 'queue.transferTargetRequired',
  })

export const pauseInput = z.object({ reason: z.enum(pauseReasons) })

export const registerKioskInput = z.object({
  name: z.string().trim().min(1).max(64),
  /** Required of a district admin; a manager registers devices of the own center. */
  centerId: id.optional(),
})
export const kioskIdInput = z.object({ kioskId: id })
