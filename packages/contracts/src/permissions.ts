import type { Role } from './roles.ts'

/**
 * Every procedure declares one of these. The server checks them; the SPA only uses them to hide
 * menu entries and buttons.
 */
export const permissions = [
  'org.read',
  'staff.read',
  'staff.manage',
  'operationLog.read',
  'operationLog.verify',
] as const
export type Permission = (typeof permissions)[number]

const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: permissions,
  manager: ['org.read', 'staff.read', 'staff.manage', 'operationLog.read'],
  supervisor: ['org.read', 'staff.read', 'operationLog.read'],
  staff: ['org.read'],
}

export function permissionsOf(role: Role): readonly Permission[] {
  return rolePermissions[role]
}

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission)
}
