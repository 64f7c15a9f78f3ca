import {
  type Role,
  type SessionUser,
  isDistrictWide,
  managerAssignableRoles,
  needsCenter,
} from '@onewindow/contracts'
import { appError } from '../../errors.ts'
import { assertCenterAccess } from '../../scope.ts'

const managerMayHandle = (role: Role) => (managerAssignableRoles as readonly Role[]).includes(role)

/**
 * Throws unless `user` may give an account this role and home center: a manager only staff and
 * supervisors of the own center; an admin anything, but an admin account has no center and every
 * other account has one.
 */
export function assertMayAssign(user: SessionUser, role: Role, centerId: number | null): void {
  if (!isDistrictWide(user.role)) {
    assertCenterAccess(user, centerId)
    if (!managerMayHandle(role)) throw appError('FORBIDDEN', 'staff.roleNotAllowed')
  }
  if (needsCenter(role) && centerId === null) throw appError('BAD_REQUEST', 'staff.centerRequired')
  if (!needsCenter(role) && centerId !== null) {
    throw appError('BAD_REQUEST', 'staff.adminHasNoCenter')
  }
}

/** Throws unless `user` may edit or reset the existing account `target`. */
export function assertMayManage(
  user: SessionUser,
  target: { role: Role; center_id: number | null },
): void {
  assertCenterAccess(user, target.center_id)
  if (!isDistrictWide(user.role) && !managerMayHandle(target.role)) {
    throw appError('FORBIDDEN', 'staff.roleNotAllowed')
  }
}
