import { z } from 'zod'

export const id = z.number().int().positive()

/** Center-scoped reads: an admin may name any center or none (all); others only their own. */
export const centerScopeInput = z.object({ centerId: id.optional() })

export const pageInput = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(20),
})
