import { z } from 'zod'
import { id } from './common.ts'
import type { Locale } from './errors.ts'

/** Why someone needs a full ID number: required, and kept in the operation log with the reveal. */
export const revealReason = z
  .string()
  .trim()
  .min(4, { error: 'idNumber.reasonTooShort' })
  .max(200, { error: 'idNumber.reasonTooLong' })

export const revealCaseIdNumberInput = z.object({ caseId: id, reason: revealReason })
export const revealTicketIdNumberInput = z.object({ ticketId: id, reason: revealReason })

/** Reveals one person may make in an hour: enough for casework, too few to harvest numbers. */
export const idNumberRevealsPerHour = 20

export const idNumberErrors = {
  'idNumber.reasonTooShort': {
    'zh-CN': '请说明查看完整身份证号的原因（至少 4 个字）',
    'en-US': 'Say why you need the full ID number (at least 4 characters)',
  },
  'idNumber.reasonTooLong': {
    'zh-CN': '原因不能超过 200 个字',
    'en-US': 'The reason may be at most 200 characters',
  },
  'idNumber.none': {
    'zh-CN': '该记录没有登记身份证号',
    'en-US': 'No ID number is recorded here',
  },
  'idNumber.revealLimit': {
    'zh-CN': '一小时内查看完整身份证号的次数已达上限，请稍后再试',
    'en-US': 'You have reached the hourly limit of ID number reveals; try again later',
  },
} as const satisfies Record<string, Record<Locale, string>>
