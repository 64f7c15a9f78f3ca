import { type SessionUser, isDistrictWide, readsAllCenters } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import type { Kysely, SelectQueryBuilder } from 'kysely'
import { appError, notFound, outOfScope } from './errors.ts'

/** Which centers a request may see: one center, or every center when `centerId` is null. */
export interface CenterScope {
  centerId: number | null
}

export function resolveCenterScope(user: SessionUser, requested: number | undefined): CenterScope {
  if (readsAllCenters(user.role)) return { centerId: requested ?? null }
  if (user.centerId === null) throw outOfScope()
  if (requested !== undefined && requested !== user.centerId) throw outOfScope()
  return { centerId: user.centerId }
}

/** The one center a call acts on: a district-wide user must name it. */
export function oneCenter(scope: CenterScope): number {
  if (scope.centerId === null) throw appError('BAD_REQUEST', 'common.centerRequired')
  return scope.centerId
}

/** Throws FORBIDDEN unless the user may touch a record of this center. */
export function assertCenterAccess(user: SessionUser, centerId: number | null): void {
  if (isDistrictWide(user.role)) return
  if (centerId === null || centerId !== user.centerId) throw outOfScope()
}

/** Throws NOT_FOUND for a center id that names no center (an admin may name any number). */
export async function assertCenterExists(db: Kysely<Database>, centerId: number): Promise<void> {
  const center = await db
    .selectFrom('center')
    .select('id')
    .where('id', '=', centerId)
    .executeTakeFirst()
  if (!center) throw notFound()
}

/** Limits a query to the scope's center through the given center column. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any table, any selection
export function whereInScope<QB extends SelectQueryBuilder<any, any, any>>(
  qb: QB,
  centerColumn: string,
  scope: CenterScope,
): QB {
  return scope.centerId === null ? qb : (qb.where(centerColumn, '=', scope.centerId) as QB)
}
