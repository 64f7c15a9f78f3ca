export const roles = ['admin', 'manager', 'supervisor', 'staff', 'backoffice'] as const
export type Role = (typeof roles)[number]

/** Roles bound to one center; an admin works district-wide. */
export function isDistrictWide(role: Role): boolean {
  return role === 'admin'
}

/**
 * Roles whose reads span every center: the admin, and back offices, which process cases from
 * all of them (全区域通办) and hand results over at any. Changes stay with each role's rules.
 */
export function readsAllCenters(role: Role): boolean {
  return role === 'admin' || role === 'backoffice'
}

/** Roles that must sign in with a second factor (TOTP); for the others it is optional. */
export const twoFactorRoles = ['admin', 'manager', 'supervisor'] as const satisfies readonly Role[]

export function requiresTwoFactor(role: Role): boolean {
  return (twoFactorRoles as readonly Role[]).includes(role)
}
