import { createHash, randomBytes } from 'node:crypto'
import { type Role, type SessionUser, permissionsOf } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import type { Kysely, Transaction } from 'kysely'
import { sessionPolicy } from '../../config.ts'

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export interface NewSession {
  token: string
  tokenHash: string
  expiresAt: number
}

export async function createSession(
  trx: Transaction<Database>,
  staffId: number,
  client: { ip: string; userAgent: string },
  now = Date.now(),
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url')
  const tokenHash = hashToken(token)
  const expiresAt = now + sessionPolicy.idleMs
  await trx
    .insertInto('session')
    .values({
      token_hash: tokenHash,
      staff_id: staffId,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
      revoked_at: null,
      ip: client.ip.slice(0, 64),
      user_agent: client.userAgent.slice(0, 255),
    })
    .execute()
  return { token, tokenHash, expiresAt }
}

/**
 * The signed-in user behind a session token hash, or null when the session is unknown, revoked,
 * expired, or its account is disabled. Slides the idle expiry, within the absolute maximum.
 */
export async function resolveSession(
  db: Kysely<Database>,
  tokenHash: string,
  now = Date.now(),
): Promise<{ user: SessionUser; expiresAt: number } | null> {
  const row = await db
    .selectFrom('session')
    .innerJoin('staff', 'staff.id', 'session.staff_id')
    .leftJoin('center', 'center.id', 'staff.center_id')
    .select([
      'session.created_at',
      'session.last_seen_at',
      'session.expires_at',
      'session.revoked_at',
      'staff.id',
      'staff.username',
      'staff.display_name',
      'staff.role',
      'staff.status',
      'staff.center_id',
      'staff.district_id',
      'staff.password_reset_at',
      'staff.department_id',
      'center.name as center_name',
    ])
    .where('session.token_hash', '=', tokenHash)
    .executeTakeFirst()
  if (!row || row.revoked_at !== null || Number(row.expires_at) <= now) return null
  if (row.status !== 'active') return null

  let expiresAt = Number(row.expires_at)
  if (now - Number(row.last_seen_at) >= sessionPolicy.touchEveryMs) {
    expiresAt = Math.min(
      now + sessionPolicy.idleMs,
      Number(row.created_at) + sessionPolicy.maxAgeMs,
    )
    await db
      .updateTable('session')
      .set({ last_seen_at: now, expires_at: expiresAt })
      .where('token_hash', '=', tokenHash)
      .execute()
  }
  return {
    expiresAt,
    user: toSessionUser(row),
  }
}

export async function revokeSession(
  trx: Transaction<Database>,
  tokenHash: string,
  now = Date.now(),
) {
  await trx
    .updateTable('session')
    .set({ revoked_at: now })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .execute()
}

/**
 * Ends every live session of an account, e.g. when it is disabled or its password changes, and
 * says how many there were.
 */
export async function revokeSessionsOf(
  trx: Transaction<Database>,
  staffId: number,
  now = Date.now(),
  except?: string,
): Promise<number> {
  const result = await trx
    .updateTable('session')
    .set({ revoked_at: now })
    .where('staff_id', '=', staffId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .$if(except !== undefined, (qb) => qb.where('token_hash', '!=', except!))
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** The signed-in user of a staff row, as every request sees it. */
function toSessionUser(row: {
  id: number
  username: string
  display_name: string
  role: Role
  center_id: number | null
  center_name: string | null
  district_id: number
  department_id: number | null
  password_reset_at: number | null
}): SessionUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    centerId: row.center_id,
    centerName: row.center_name,
    districtId: row.district_id,
    departmentId: row.department_id,
    permissions: [...permissionsOf(row.role)],
    mustChangePassword: row.password_reset_at !== null,
  }
}

/** The session user of a staff member, as sign-in would build it: for work done on their behalf. */
export async function sessionUserOfStaff(db: Kysely<Database>, id: number): Promise<SessionUser> {
  const row = await db
    .selectFrom('staff')
    .leftJoin('center', 'center.id', 'staff.center_id')
    .select([
      'staff.id',
      'staff.username',
      'staff.display_name',
      'staff.role',
      'staff.center_id',
      'staff.district_id',
      'staff.department_id',
      'staff.password_reset_at',
      'center.name as center_name',
    ])
    .where('staff.id', '=', id)
    .executeTakeFirstOrThrow()
  return toSessionUser(row)
}
