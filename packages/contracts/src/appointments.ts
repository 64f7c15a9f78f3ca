import { z } from 'zod'
import { centerScopeInput, id } from './common.ts'

/** Appointments are booked in slots of this length within the center's opening hours. */
export const appointmentSlotMinutes = 30
/** A resident may check in until this long after the slot starts; later, they take a normal ticket. */
export const appointmentGraceMinutes = 15
/** How far ahead a slot may be booked, in calendar days. */
export const appointmentHorizonDays = 14

export const appointmentStatuses = ['booked', 'checked_in', 'cancelled', 'missed'] as const
export type AppointmentStatus = (typeof appointmentStatuses)[number]

const day = z.iso.date()

export const appointmentSlotsInput = centerScopeInput.extend({ serviceItemId: id, day })

export const bookAppointmentInput = centerScopeInput.extend({
  serviceItemId: id,
  slotStart: z.number().int().positive(),
  residentName: z.string().trim().min(1).max(32),
  // Mainland mobile numbers: the resident gets the check-in code by text message.
  residentPhone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, { error: 'appointment.invalidPhone' }),
})

export const listAppointmentsInput = centerScopeInput.extend({ day })

export const appointmentIdInput = z.object({ appointmentId: id })

export const checkInInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { error: 'appointment.invalidCode' }),
})
