import {
  type LoginInput,
  type Role,
  type SessionUser,
  type StaffStatus,
  requiresTwoFactor,
} from '@onewindow/contracts'
import { type Database, hashPassword, verifyPassword } from '@onewindow/db'
import type { Kysely, Transaction } from 'kysely'
import { loginPolicy } from '../../config.ts'
import { appError } from '../../errors.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'
import type { LoginThrottle } from './login-throttle.ts'
import { type SecondStep, challengeForCode, challengeForEnrolment } from './login-challenge.ts'
import {
  type NewSession,
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

/** An account as sign-in sees it. */
export interface SignInAccount {
  id: number
  username: string
  role: Role
  status: StaffStatus
  failed_logins: number
  locked_until: number | null
  center_id: number | null
}

/**
 * Checks the password and applies lockout. Accounts with a second factor (or whose role needs
 * one) get a challenge to answer with a code; the others a session. Failures say nothing specific.
 */
export async function login(
  db: Kysely<Database>,
  throttle: LoginThrottle,
  input: LoginInput,
  client: Client,
): Promise<SignedIn | SecondStep> {
  await throttle.assertAllowed(client.ip, input.username)
  const now = Date.now()
  const account = await db
    .selectFrom('staff')
    .leftJoin('staff_two_factor', 'staff_two_factor.staff_id', 'staff.id')
    .select([
      'staff.id',
      'staff.username',
      'staff.role',
      'staff.password_hash',
      'staff.status',
      'staff.failed_logins',
      'staff.locked_until',
      'staff.center_id',
      'staff_two_factor.staff_id as enrolled',
    ])
    .where('staff.username', '=', input.username)
    .executeTakeFirst()

  if (!account) {
    await verifyPassword(await decoy(), input.password)
    await throttle.recordFailure(client.ip, input.username)
    throw appError('UNAUTHORIZED', 'auth.invalidCredentials')
  }
  await assertNotLocked(throttle, account, client, now)
  const passwordOk = await verifyPassword(account.password_hash, input.password)
  if (!passwordOk || account.status !== 'active') {
    await refuseSignIn(db, throttle, account, client, now, 'auth.invalidCredentials')
  }
  // The failure count stays until the code is right, so guessing codes still ends in a lock.
  if (account.enrolled !== null) return challengeForCode(db, account.id, now)
  if (requiresTwoFactor(account.role)) return challengeForEnrolment(db, account, now)
  const session = await db.transaction().execute((trx) => openSession(trx, account, client, now))
  return signedIn(db, throttle, account, session, now)
}

export async function assertNotLocked(
  throttle: LoginThrottle,
  account: SignInAccount,
  client: Client,
  now: number,
) {
  if (account.locked_until !== null && Number(account.locked_until) > now) {
    await throttle.recordFailure(client.ip, account.username)
    throw appError('UNAUTHORIZED', 'auth.locked')
  }
}

/** Counts a failed password or code toward the lockout, logs it, and throws `message`. */
export async function refuseSignIn(
  db: Kysely<Database>,
  throttle: LoginThrottle,
  account: SignInAccount,
  client: Client,
  now: number,
  message: 'auth.invalidCredentials' | 'auth.invalidCode',
): Promise<never> {
  await throttle.recordFailure(client.ip, account.username)
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
    await appendOperation(trx, actorOfAccount(account, client), {
      action: locks ? 'auth.locked' : 'auth.loginFailed',
      centerId: account.center_id,
      targetType: 'staff',
      targetId: account.id,
      after: {
        failedLogins: failures,
        ...(message === 'auth.invalidCode' ? { wrongCode: true } : {}),
      },
    })
  })
  throw appError('UNAUTHORIZED', locks ? 'auth.locked' : message)
}

/** Ends a complete sign-in inside the caller's transaction: failures cleared, session opened. */
export async function openSession(
  trx: Transaction<Database>,
  account: SignInAccount,
  client: Client,
  now: number,
): Promise<NewSession> {
  await trx
    .updateTable('staff')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', account.id)
    .execute()
  const session = await createSession(trx, account.id, client, now)
  await appendOperation(trx, actorOfAccount(account, client), {
    action: 'auth.login',
    centerId: account.center_id,
    targetType: 'staff',
    targetId: account.id,
  })
  return session
}

export interface SignedIn {
  step: 'signedIn'
  session: NewSession
  user: SessionUser
}

/** The answer to a complete sign-in, once its transaction is committed. */
export async function signedIn(
  db: Kysely<Database>,
  throttle: LoginThrottle,
  account: SignInAccount,
  session: NewSession,
  now: number,
): Promise<SignedIn> {
  await throttle.forgive(account.username)
  const resolved = await resolveSession(db, session.tokenHash, now)
  if (!resolved) throw appError('INTERNAL_SERVER_ERROR', 'common.internal')
  return { step: 'signedIn', session, user: resolved.user }
}

export function actorOfAccount(account: SignInAccount, client: Client): Actor {
  return { id: account.id, name: account.username, ip: client.ip }
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
