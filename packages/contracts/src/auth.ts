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

/** A six-digit TOTP code; spaces typed between the digits are dropped. */
export const totpCodeInput = z
  .string()
  .transform((code) => code.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/))

/** The token `auth.login` hands out when a code is still due. */
export const challengeInput = z.object({ challenge: z.string().min(20).max(100) })

export const verifyCodeInput = challengeInput.extend({ code: totpCodeInput })

/** Turning two-factor sign-in on from one's account page: the setup shown, and its first code. */
export const enableTwoFactorInput = z.object({
  setup: z.string().min(20).max(500),
  code: totpCodeInput,
})

export const disableTwoFactorInput = z.object({ code: totpCodeInput })

export const twoFactorErrors = {
  'auth.invalidCode': {
    'zh-CN': '验证码错误或已过期，请输入验证器中的最新验证码',
    'en-US': 'Wrong or expired code: enter the latest code from your authenticator',
  },
  'auth.challengeExpired': {
    'zh-CN': '登录已超时，请重新输入用户名和密码',
    'en-US': 'The sign-in timed out: enter your user name and password again',
  },
  'auth.setupExpired': {
    'zh-CN': '设置已超时，请重新开启两步验证',
    'en-US': 'The setup timed out: start turning on two-step verification again',
  },
  'auth.twoFactorRequired': {
    'zh-CN': '您的角色必须使用两步验证，不能关闭',
    'en-US': 'Your role must use two-step verification; it cannot be turned off',
  },
  'auth.twoFactorAlreadyOn': {
    'zh-CN': '两步验证已开启',
    'en-US': 'Two-step verification is already on',
  },
  'auth.twoFactorNotOn': {
    'zh-CN': '两步验证尚未开启',
    'en-US': 'Two-step verification is not on',
  },
  'auth.demoOnly': {
    'zh-CN': '仅演示环境提供此功能',
    'en-US': 'Only a demo installation offers this',
  },
} as const
