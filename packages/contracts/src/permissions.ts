import type { Role } from './roles.ts'

/**
 * Every procedure declares one of these. The server checks them; the SPA only uses them to hide
 * menu entries and buttons.
 */
export const permissions = [
  'org.read',
  'center.manage',
  'counter.manage',
  'calendar.manage',
  'catalog.read',
  'catalog.manage',
  'staff.read',
  'staff.manage',
  /** See and end anyone's sign-in sessions: the admin's alone. */
  'session.manage',
  /** Clear anyone's two-factor sign-in (a lost phone): the admin's alone. */
  'twoFactor.reset',
  'operationLog.read',
  'operationLog.verify',
  'queue.read',
  'queue.work',
  'kiosk.manage',
  'appointment.book',
  'case.read',
  'case.process',
  'case.reveal',
  'roster.read',
  'roster.manage',
  'leave.request',
  'balancing.manage',
  'report.read',
  'quota.read',
  'quota.manage',
  'evaluation.read',
  'evaluation.follow',
  'evaluation.decide',
  'audit.read',
  'audit.manage',
  'audit.perform',
  'audit.rectify',
  'anomaly.read',
  'anomaly.manage',
] as const
export type Permission = (typeof permissions)[number]

const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: permissions,
  // Managers run their own center: its hours, counters and staff; never the district catalog.
  manager: [
    'org.read',
    'center.manage',
    'counter.manage',
    'catalog.read',
    'staff.read',
    'staff.manage',
    'operationLog.read',
    'queue.read',
    'queue.work',
    'kiosk.manage',
    'appointment.book',
    'case.read',
    'case.reveal',
    'roster.read',
    'roster.manage',
    'balancing.manage',
    'report.read',
    'quota.read',
    'quota.manage',
    'evaluation.read',
    'evaluation.follow',
    'audit.read',
    'audit.manage',
    'audit.rectify',
    'anomaly.read',
  ],
  // Supervisors audit cases, so they may see who applied (each reveal is logged).
  supervisor: [
    'org.read',
    'catalog.read',
    'staff.read',
    'operationLog.read',
    'queue.read',
    'case.read',
    'case.reveal',
    'roster.read',
    'report.read',
    'quota.read',
    'evaluation.read',
    'evaluation.follow',
    'evaluation.decide',
    'audit.read',
    'audit.perform',
    'audit.rectify',
    'anomaly.read',
    'anomaly.manage',
  ],
  // Staff book next visits for residents at the window or on the phone.
  // Staff see their own published shifts and ask for leave.
  staff: [
    'org.read',
    'catalog.read',
    'queue.read',
    'queue.work',
    'appointment.book',
    'roster.read',
    'leave.request',
    // Their own audit findings only.
    'audit.rectify',
  ],
  // A department's back office processes its cases from every center (全区域通办).
  backoffice: ['org.read', 'catalog.read', 'case.read', 'case.process', 'case.reveal'],
}

export function permissionsOf(role: Role): readonly Permission[] {
  return rolePermissions[role]
}

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission)
}
