import type { Locale } from './errors.ts'
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

/** Refusals of bookings and check-ins, in both languages (mounted in errorMessages). */
export const appointmentErrors = {
  'appointment.invalidPhone': {
    'zh-CN': '请输入 11 位手机号码',
    'en-US': 'Enter an 11-digit mobile number',
  },
  'appointment.invalidCode': {
    'zh-CN': '预约码为 6 位数字',
    'en-US': 'The booking code has 6 digits',
  },
  'appointment.noSuchSlot': {
    'zh-CN': '该时段不可预约，请重新选择',
    'en-US': 'This slot cannot be booked; choose another',
  },
  'appointment.slotFull': {
    'zh-CN': '该时段已约满，请选择其他时段',
    'en-US': 'This slot is fully booked; choose another',
  },
  'appointment.notFound': {
    'zh-CN': '未找到今天的该预约，请核对预约码或直接取号',
    'en-US': 'No booking of today has this code; check it or take a normal ticket',
  },
  'appointment.tooLate': {
    'zh-CN': '已超过预约签到时间，请直接取号',
    'en-US': 'The check-in time of this booking has passed; take a normal ticket',
  },
  'appointment.alreadyCheckedIn': {
    'zh-CN': '该预约已签到',
    'en-US': 'This booking is already checked in',
  },
  'appointment.notCancellable': {
    'zh-CN': '该预约已签到、已取消或已过期，无法取消',
    'en-US': 'This booking is checked in, cancelled or past, and cannot be cancelled',
  },
} as const satisfies Record<string, Record<Locale, string>>
