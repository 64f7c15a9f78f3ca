import { type SessionUser, shanghaiToday } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { isEffective, quotaPeriodOf } from '@onewindow/domain'
import type { Kysely } from 'kysely'
import { appError } from '../../errors.ts'
import { assertCenterAccess } from '../../scope.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'
import { ensureUsage } from './quota-enforcement.ts'
import { memberOfId } from './quota-members.ts'
import { type QuotaRow, termsOf } from './quota-rows.ts'

/**
 * The member a manager lets through further: required for a quota on each member (a person or
 * counter of its center the manager may act for), refused for a quota on the whole. Its name,
 * for the log.
 */
async function memberToAllow(
  db: Kysely<Database>,
  user: SessionUser,
  quota: QuotaRow,
  memberId: number | null,
) {
  if (quota.each === null) {
    if (memberId !== null) throw appError('BAD_REQUEST', 'quota.memberNotInScope')
    return null
  }
  if (memberId === null) throw appError('BAD_REQUEST', 'quota.memberRequired')
  const member = await memberOfId(db, quota.each, memberId)
  const fits =
    member !== undefined &&
    member.centerId !== null &&
    (quota.center_id === null || member.centerId === quota.center_id)
  if (!fits) throw appError('BAD_REQUEST', 'quota.memberNotInScope')
  assertCenterAccess(user, member.centerId)
  return member.name
}

/**
 * Lets `extra` more through a cap in the current period (a manager's override of a full day), for
 * one person or counter of a cap on each member, logged with the reason. The next ticket,
 * booking or case sees it at once.
 */
export async function allowMore(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: { quotaId: number; memberId: number | null; extra: number; reason: string },
) {
  const quota = await db
    .selectFrom('quota')
    .selectAll()
    .where('id', '=', input.quotaId)
    .executeTakeFirst()
  if (!quota) throw appError('NOT_FOUND', 'quota.notFound')
  assertCenterAccess(user, quota.center_id)
  const today = shanghaiToday()
  const period = isEffective(termsOf(quota), today) ? quotaPeriodOf(termsOf(quota), today) : null
  if (quota.kind !== 'cap' || !period) throw appError('BAD_REQUEST', 'quota.notCapActive')
  const memberName = await memberToAllow(db, user, quota, input.memberId)
  const memberId = input.memberId ?? 0
  await ensureUsage(db, quota, period, memberId)
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('quota_usage')
      .set((eb) => ({ extra: eb('extra', '+', input.extra) }))
      .where('quota_id', '=', quota.id)
      .where('period_from', '=', period.from)
      .where('member_id', '=', memberId)
      .execute()
    await appendOperation(trx, actor, {
      action: 'quota.allowMore',
      centerId: quota.center_id,
      targetType: 'quota',
      targetId: quota.id,
      after: {
        periodFrom: period.from,
        extra: input.extra,
        reason: input.reason,
        ...(memberName === null ? {} : { memberId, memberName }),
      },
    })
  })
  return { ok: true as const }
}
