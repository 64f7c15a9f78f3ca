import { z } from 'zod'
import { centerScopeInput, pageInput } from './common.ts'

export const listOperationLogInput = centerScopeInput.extend(pageInput.shape).extend({
  action: z.string().trim().max(64).optional(),
})
