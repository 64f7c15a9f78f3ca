export const roles = ['admin', 'manager', 'supervisor', 'staff', 'backoffice'] as const
export type Role = (typeof roles)[number]

/** Roles bound to one center; an admin works district-wide. */
export function isDistrictWide(role: Role): boolean {
  return role === 'admin'
}
