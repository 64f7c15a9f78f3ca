import { type SessionUser, requiresTwoFactor } from '@onewindow/contracts'
import { type Database, matchTotpStep, newTotpSecret, openSecret, sealSecret } from '@onewindow/db'
import type { Kysely } from 'kysely'
import { appError, notFound } from '../../errors.ts'
import { assertCenterAccess } from '../../scope.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'
import { challengeTtlMs, enrolmentFor } from './login-challenge.ts'
import type { LoginThrottle } from './login-throttle.ts'
import { revokeSessionsOf } from './session.service.ts'
import { acceptStep, enrol } from './two-factor.service.ts'

const invalidCode = () => appError('BAD_REQUEST', 'auth.invalidCode')

function twoFactorRow(db: Kysely<Database>, staffId: number) {
  return db
    .selectFrom('staff_two_factor')
    .select(['secret', 'enrolled_at'])
    .where('staff_id', '=', staffId)
    .executeTakeFirst()
}

/** Whether one's own account signs in with a code, and whether its role leaves a choice. */
export async function twoFactorStatus(db: Kysely<Database>, user: SessionUser) {
  const row = await twoFactorRow(db, user.id)
  return {
    enabled: row !== undefined,
    enrolledAt: row ? new Date(Number(row.enrolled_at)) : null,
    required: requiresTwoFactor(user.role),
  }
}

/**
 * A new secret to set up in an authenticator app. Nothing is stored until its first code comes
 * back with `setup`, which carries the secret sealed, bound to the account, for five minutes.
 */
export async function twoFactorSetup(db: Kysely<Database>, user: SessionUser) {
  if (await twoFactorRow(db, user.id)) throw appError('CONFLICT', 'auth.twoFactorAlreadyOn')
  const secret = newTotpSecret()
  const setup = sealSecret(
    JSON.stringify({ staffId: user.id, secret, expiresAt: Date.now() + challengeTtlMs }),
  )
  return { setup, ...(await enrolmentFor(secret, user.username)) }
}

function openSetup(setup: string, user: SessionUser): string {
  try {
    const opened = JSON.parse(openSecret(setup)) as {
      staffId: number
      secret: string
      expiresAt: number
    }
    if (opened.staffId === user.id && opened.expiresAt > Date.now()) return opened.secret
  } catch {
    // A setup that was altered, or sealed under another key, is as good as an expired one.
  }
  throw appError('BAD_REQUEST', 'auth.setupExpired')
}

export async function enableTwoFactor(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: { setup: string; code: string },
) {
  const secret = openSetup(input.setup, user)
  const now = Date.now()
  const step = matchTotpStep(secret, input.code, now)
  if (step === null) throw invalidCode()
  await db.transaction().execute(async (trx) => {
    const enrolled = await trx
      .selectFrom('staff_two_factor')
      .select('staff_id')
      .where('staff_id', '=', user.id)
      .executeTakeFirst()
    if (enrolled) throw appError('CONFLICT', 'auth.twoFactorAlreadyOn')
    await enrol(
      trx,
      actor,
      { id: user.id, center_id: user.centerId },
      sealSecret(secret),
      step,
      now,
    )
  })
}

/** Turns the second factor off, for roles that may go without, on a current code. */
export async function disableTwoFactor(
  db: Kysely<Database>,
  throttle: LoginThrottle,
  user: SessionUser,
  actor: Actor,
  code: string,
) {
  if (requiresTwoFactor(user.role)) throw appError('FORBIDDEN', 'auth.twoFactorRequired')
  const row = await twoFactorRow(db, user.id)
  if (!row) throw appError('BAD_REQUEST', 'auth.twoFactorNotOn')
  // Guessing codes from a borrowed session counts against the same budget as signing in.
  await throttle.assertAllowed(actor.ip, user.username)
  const step = matchTotpStep(openSecret(row.secret), code)
  const done =
    step !== null &&
    (await db.transaction().execute(async (trx) => {
      if (!(await acceptStep(trx, user.id, step))) return false
      await trx.deleteFrom('staff_two_factor').where('staff_id', '=', user.id).execute()
      await appendOperation(trx, actor, {
        action: 'auth.disableTwoFactor',
        centerId: user.centerId,
        targetType: 'staff',
        targetId: user.id,
        before: { enrolledAt: Number(row.enrolled_at) },
      })
      return true
    }))
  if (!done) {
    await throttle.recordFailure(actor.ip, user.username)
    throw invalidCode()
  }
}

/**
 * An administrator clears someone's second factor (a lost phone): their sessions end, and their
 * next sign-in sets up a new authenticator if their role needs one.
 */
export async function resetTwoFactor(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  staffId: number,
) {
  await db.transaction().execute(async (trx) => {
    const target = await trx
      .selectFrom('staff')
      .leftJoin('staff_two_factor', 'staff_two_factor.staff_id', 'staff.id')
      .select(['staff.center_id', 'staff_two_factor.enrolled_at'])
      .where('staff.id', '=', staffId)
      .executeTakeFirst()
    if (!target) throw notFound()
    assertCenterAccess(user, target.center_id)
    if (target.enrolled_at === null) throw appError('BAD_REQUEST', 'auth.twoFactorNotOn')
    await trx.deleteFrom('staff_two_factor').where('staff_id', '=', staffId).execute()
    await trx.deleteFrom('login_challenge').where('staff_id', '=', staffId).execute()
    const endedSessions = await revokeSessionsOf(trx, staffId)
    await appendOperation(trx, actor, {
      action: 'staff.resetTwoFactor',
      centerId: target.center_id,
      targetType: 'staff',
      targetId: staffId,
      before: { enrolledAt: Number(target.enrolled_at) },
      after: { enrolledAt: null, endedSessions },
    })
  })
}
