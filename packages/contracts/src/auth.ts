import { z } from 'zod'
import { permissions } from './permissions.ts'
import { roles } from './roles.ts'

export const loginInput = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
})
export type LoginInput = z.infer<typeof loginInput>

export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1).max(256),
    newPassword: z.string().min(8).max(256),
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    path: ['newPassword'],
    message: 'auth.samePassword',
  })

export const sessionUser = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  centerId: z.number().int().nullable(),
  centerName: z.string().nullable(),
  districtId: z.number().int(),
  /** Back-office accounts: the department whose cases they process. */
  departmentId: z.number().int().nullable(),
  permissions: z.array(z.enum(permissions)),
  /** An administrator reset the password: nothing but choosing a new one is allowed. */
  mustChangePassword: z.boolean(),
})
export type SessionUser = z.infer<typeof sessionUser>
