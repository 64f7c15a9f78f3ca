import { z } from 'zod'
import { centerScopeInput, id, pageInput } from './common.ts'
import { roles } from './roles.ts'

export const staffStatuses = ['active', 'disabled'] as const
export type StaffStatus = (typeof staffStatuses)[number]

export const listStaffInput = centerScopeInput.extend(pageInput.shape).extend({
  search: z.string().trim().max(64).optional(),
  role: z.enum(roles).optional(),
})

export const setStaffStatusInput = z.object({
  staffId: id,
  status: z.enum(staffStatuses),
})

export const unlockStaffInput = z.object({ staffId: id })
