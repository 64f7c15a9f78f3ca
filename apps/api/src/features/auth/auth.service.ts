import type { LoginInput, SessionUser } from '@onewindow/contracts'
import { type Database, hashPassword, verifyPassword } from '@onewindow/db'
import type { Kysely } from 'kysely'
import { loginPolicy } from '../../config.ts'
import { appError } from '../../errors.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'
import type { LoginThrottle } from './login-throttle.ts'
import {
  createSession,
  revokeSession,
  revokeSessionsOf,
  resolveSession,
} from './session.service.ts'

export interface Client {
  ip: string
  userAgent: string
}

// Unknown user names still cost one hash verification, so timing does not tell them apart.
let decoyHash: Promise<string> | undefined
const decoy = () => (decoyHash ??= hashPassword('decoy password that never matches'))

/** Checks the credentials, applies lockout, opens a session. Failures say nothing specific. */
export async function login(
  db: Kysely<Database>,
  throttle: LoginThrottle,
  input: LoginInput,
  client: Client,
) {
  await throttle.assertAllowed(client.ip, input.username)
  const now = Date.now()
  const account = await db
    .selectFrom('staff')
    .select([
      'id',
      'username',
      'password_hash',
      'status',
      'failed_logins',
      'locked_until',
      'center_id',
    ])
    .where('username', '=', input.username)
    .executeTakeFirst()

  if (!account) {
    await verifyPassword(await decoy(), input.password)
    await throttle.recordFailure(client.ip, input.username)
    throw appError('UNAUTHORIZED', 'auth.invalidCredentials')
  }
  if (account.locked_until !== null && Number(account.locked_until) > now) {
    await throttle.recordFailure(client.ip, input.username)
    throw appError('UNAUTHORIZED', 'auth.locked')
  }
  const passwordOk = await verifyPassword(account.password_hash, input.password)
  const actor: Actor = { id: account.id, name: account.username, ip: client.ip }

  if (!passwordOk || account.status !== 'active') {
    await throttle.recordFailure(client.ip, input.username)
    const failures = account.failed_logins + 1
    const locks = failures >= loginPolicy.failuresBeforeLock
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('staff')
        .set({
          failed_logins: locks ? 0 : failures,
          locked_until: locks ? now + loginPolicy.lockMs : null,
        })
        .where('id', '=', account.id)
        .execute()
      await appendOperation(trx, actor, {
        action: locks ? 'auth.locked' : 'auth.loginFailed',
        centerId: account.center_id,
        targetType: 'staff',
        targetId: account.id,
        after: { failedLogins: failures },
      })
    })
    throw appError('UNAUTHORIZED', locks ? 'auth.locked' : 'auth.invalidCredentials')
  }

  const session = await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff')
      .set({ failed_logins: 0, locked_until: null })
      .where('id', '=', account.id)
      .execute()
    const created = await createSession(trx, account.id, client, now)
    await appendOperation(trx, actor, {
      action: 'auth.login',
      centerId: account.center_id,
      targetType: 'staff',
      targetId: account.id,
    })
    return created
  })
  await throttle.forgive(input.username)
  const resolved = await resolveSession(db, session.tokenHash, now)
  if (!resolved) throw appError('INTERNAL_SERVER_ERROR', 'common.internal')
  return { session, user: resolved.user }
}

export async function logout(
  db: Kysely<Database>,
  user: SessionUser,
  tokenHash: string,
  ip: string,
) {
  await db.transaction().execute(async (trx) => {
    await revokeSession(trx, tokenHash)
    await appendOperation(
      trx,
      { id: user.id, name: user.username, ip },
      {
        action: 'auth.logout',
        centerId: user.centerId,
        targetType: 'staff',
        targetId: user.id,
      },
    )
  })
}

/** Changes one's own password and ends one's other sessions. */
export async function changePassword(
  db: Kysely<Database>,
  user: SessionUser,
  input: { currentPassword: string; newPassword: string },
  currentTokenHash: string,
  ip: string,
) {
  const row = await db
    .selectFrom('staff')
    .select('password_hash')
    .where('id', '=', user.id)
    .executeTakeFirstOrThrow()
  if (!(await verifyPassword(row.password_hash, input.currentPassword))) {
    throw appError('BAD_REQUEST', 'auth.wrongCurrentPassword')
  }
  const passwordHash = await hashPassword(input.newPassword)
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff')
      .set({ password_hash: passwordHash, password_reset_at: null, updated_at: Date.now() })
      .where('id', '=', user.id)
      .execute()
    await revokeSessionsOf(trx, user.id, Date.now(), currentTokenHash)
    await appendOperation(
      trx,
      { id: user.id, name: user.username, ip },
      {
        action: 'auth.changePassword',
        centerId: user.centerId,
        targetType: 'staff',
        targetId: user.id,
      },
    )
  })
}
