import type { SessionUser } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'
import { notFound } from '../../errors.ts'
import { assertCenterAccess } from '../../scope.ts'
import { revokeSessionsOf } from '../auth/session.service.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'

async function centerOfStaff(db: Kysely<Database>, user: SessionUser, staffId: number) {
  const row = await db
    .selectFrom('staff')
    .select('center_id')
    .where('id', '=', staffId)
    .executeTakeFirst()
  if (!row) throw notFound()
  assertCenterAccess(user, row.center_id)
  return row.center_id
}

/**
 * The sessions of an account still usable now, newest first; `current` marks the caller's own.
 * Token hashes stay on the server.
 */
export async function listActiveSessions(
  db: Kysely<Database>,
  user: SessionUser,
  staffId: number,
  currentTokenHash: string | null,
  now = Date.now(),
) {
  await centerOfStaff(db, user, staffId)
  const rows = await db
    .selectFrom('session')
    .select(['token_hash', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .where('staff_id', '=', staffId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute()
  return rows.map((row) => ({
    startedAt: new Date(Number(row.created_at)),
    lastSeenAt: new Date(Number(row.last_seen_at)),
    expiresAt: new Date(Number(row.expires_at)),
    ip: row.ip,
    userAgent: row.user_agent,
    current: row.token_hash === currentTokenHash,
  }))
}

/**
 * Signs an account out everywhere at once (a lost device, a leaver). Ending one's own sessions
 * keeps the one in use. Logged even when none was open, so the attempt is on record.
 */
export async function endSessions(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  staffId: number,
  currentTokenHash: string | null,
) {
  const centerId = await centerOfStaff(db, user, staffId)
  const now = Date.now()
  const ended = await db.transaction().execute(async (trx) => {
    const count = await revokeSessionsOf(trx, staffId, now, currentTokenHash ?? undefined)
    await appendOperation(trx, actor, {
      action: 'staff.endSessions',
      centerId,
      targetType: 'staff',
      targetId: staffId,
      after: { ended: count },
    })
    return count
  })
  return { ended }
}
