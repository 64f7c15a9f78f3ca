import type { Role } from '@onewindow/contracts'
import type { SkillCode } from './catalog.ts'

export const demoPassword = 'onewindow'

/**
 * The authenticator secret (base32) of every seeded admin, manager and supervisor, who must sign
 * in with a code: add it to an authenticator app, or read the code off the demo's sign-in page.
 */
export const demoTwoFactorSecret = 'ONEWINDOWDEMOTOTPSECRETKEY234567'

/**
 * Sign-ins of the demo: a district admin, three people of the first center, and the medical
 * insurance back office (the demo staff's busiest line), which works from the first center.
 */
export const demoAccounts = [
  { username: 'admin', displayName: '系统管理员', role: 'admin' },
  { username: 'manager', displayName: '王经理', role: 'manager' },
  { username: 'supervisor', displayName: '李督查', role: 'supervisor' },
  { username: 'staff', displayName: '张敏', role: 'staff' },
  { username: 'backoffice', displayName: '陈后台', role: 'backoffice' },
] as const satisfies readonly { username: string; displayName: string; role: Role }[]

export type DemoAccount = (typeof demoAccounts)[number]

/** Fixed whatever the seed, so the demo staff account can always serve the busiest lines. */
export const demoStaffSkills: readonly (readonly [SkillCode, level: number])[] = [
  ['medical-insurance', 3],
  ['social-insurance', 2],
  ['civil-aid', 2],
  ['household', 1],
]

/** The department whose back office the demo back-office account works for. */
export const demoBackofficeDepartment = 'YB'
