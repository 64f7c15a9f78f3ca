import type { SessionUser } from '@onewindow/contracts'
import type { SelectQueryBuilder } from 'kysely'
import { outOfScope } from '../../errors.ts'
import { assertCenterAccess, resolveCenterScope } from '../../scope.ts'

/**
 * Which cases a user sees: a back office its department's, from every center (全区域通办); a
 * manager or supervisor their center's; an admin all, or one center.
 */
export interface CaseScope {
  centerId: number | null
  departmentId: number | null
}

export function caseScopeOf(user: SessionUser, requestedCenter?: number): CaseScope {
  if (user.role === 'backoffice') {
    return { centerId: requestedCenter ?? null, departmentId: user.departmentId ?? -1 }
  }
  return { centerId: resolveCenterScope(user, requestedCenter).centerId, departmentId: null }
}

export function assertCaseAccess(
  user: SessionUser,
  serviceCase: { center_id: number; department_id: number | null },
): void {
  if (user.role !== 'backoffice') return assertCenterAccess(user, serviceCase.center_id)
  if (serviceCase.department_id !== user.departmentId) throw outOfScope()
}

/** Limits a query over service_case (joined as it likes) to the scope. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any joins, any selection
export function whereCaseInScope<QB extends SelectQueryBuilder<any, any, any>>(
  qb: QB,
  scope: CaseScope,
): QB {
  let scoped = qb
  if (scope.centerId !== null)
    scoped = scoped.where('service_case.center_id', '=', scope.centerId) as QB
  if (scope.departmentId !== null) {
    scoped = scoped.where('service_case.department_id', '=', scope.departmentId) as QB
  }
  return scoped
}
