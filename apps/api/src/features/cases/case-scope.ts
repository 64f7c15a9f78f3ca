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
  /** Back offices see commitment cases only: immediate ones never leave the window. */
  commitmentOnly: boolean
}

export function caseScopeOf(user: SessionUser, requestedCenter?: number): CaseScope {
  if (user.role === 'backoffice') {
    return {
      centerId: requestedCenter ?? null,
      departmentId: user.departmentId ?? -1,
      commitmentOnly: true,
    }
  }
  const { centerId } = resolveCenterScope(user, requestedCenter)
  return { centerId, departmentId: null, commitmentOnly: false }
}

export function assertCaseAccess(
  user: SessionUser,
  serviceCase: { center_id: number; department_id: number | null; kind: string },
): void {
  if (user.role !== 'backoffice') return assertCenterAccess(user, serviceCase.center_id)
  if (serviceCase.department_id !== user.departmentId) throw outOfScope()
  if (serviceCase.kind !== 'commitment') throw outOfScope()
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
  if (scope.commitmentOnly) scoped = scoped.where('service_case.kind', '=', 'commitment') as QB
  return scoped
}
