import type { SessionUser } from '@onewindow/contracts'
import {
  type Database,
  type DatabaseHandle,
  newTotpSecret,
  nextUsableTotpStep,
  sealSecret,
  totpCode,
} from '@onewindow/db'
import { demoTwoFactorSecret } from '@onewindow/db/seed'
import type { Kysely } from 'kysely'
import type { RouterOutputs } from '../router.ts'
import { callerFor } from './fixture.ts'

type LoginOutcome = RouterOutputs['auth']['login']

/** The user of a sign-in that opened a session at once; anything else fails the test. */
export function userOf(outcome: LoginOutcome): SessionUser {
  if (outcome.step !== 'signedIn') throw new Error(`a session was expected, not "${outcome.step}"`)
  return outcome.user
}

/** The challenge of a sign-in that asked for a code. */
export function challengeOf(outcome: LoginOutcome): string {
  if (outcome.step === 'signedIn') throw new Error('a code step was expected, not a session')
  return outcome.challenge
}

/** A code of `secret` (the demo's by default) that `username` has not used yet. */
export async function unusedDemoCode(
  db: Kysely<Database>,
  username: string,
  secret = demoTwoFactorSecret,
): Promise<string> {
  const row = await db
    .selectFrom('staff_two_factor')
    .innerJoin('staff', 'staff.id', 'staff_two_factor.staff_id')
    .select('staff_two_factor.last_step')
    .where('staff.username', '=', username)
    .executeTakeFirstOrThrow()
  const step = nextUsableTotpStep(row.last_step === null ? null : Number(row.last_step))
  if (step === null) throw new Error(`every code of the window was used for ${username}`)
  return totpCode(secret, step)
}

// The authenticators set up by signInFully, for the sign-ins after.
const enrolledSecrets = new Map<string, string>()

/**
 * Signs in as a person at the sign-in page would: the password, then a code, setting up an
 * authenticator when the account must have one and has none.
 */
export async function signInFully(
  database: DatabaseHandle,
  username: string,
  password: string,
  options: { ip?: string } = {},
) {
  const { caller, cookies } = callerFor(database, null, options)
  const outcome = await caller.auth.login({ username, password })
  if (outcome.step === 'signedIn') return { user: outcome.user, cookies }
  let code: string
  if (outcome.step === 'enrol') {
    enrolledSecrets.set(username, outcome.enrolment.secret)
    code = totpCode(outcome.enrolment.secret)
  } else {
    code = await unusedDemoCode(database.db, username, enrolledSecrets.get(username))
  }
  const done = await caller.auth.verifyCode({ challenge: outcome.challenge, code })
  return { user: userOf(done), cookies }
}

/** Gives an account a fresh authenticator secret (replacing any), as if it had enrolled. */
export async function enrolForTest(
  db: Kysely<Database>,
  staffId: number,
  secret = newTotpSecret(),
): Promise<string> {
  await db.deleteFrom('staff_two_factor').where('staff_id', '=', staffId).execute()
  await db
    .insertInto('staff_two_factor')
    .values({
      staff_id: staffId,
      secret: sealSecret(secret),
      enrolled_at: Date.now(),
      last_step: null,
    })
    .execute()
  return secret
}
