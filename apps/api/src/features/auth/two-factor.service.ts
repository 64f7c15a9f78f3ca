import {
  type Database,
  matchTotpStep,
  nextUsableTotpStep,
  openSecret,
  totpCode,
  totpStepMs,
  totpWindow,
} from '@onewindow/db'
import { demoTwoFactorSecret } from '@onewindow/db/seed'
import type { Kysely, Transaction } from 'kysely'
import { appError } from '../../errors.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'
import {
  type Client,
  type SignInAccount,
  type SignedIn,
  actorOfAccount,
  assertNotLocked,
  openSession,
  refuseSignIn,
  signedIn,
} from './auth.service.ts'
import { consumeChallenge, findChallenge } from './login-challenge.ts'
import type { LoginThrottle } from './login-throttle.ts'

const expired = () => appError('UNAUTHORIZED', 'auth.challengeExpired')

/**
 * The second step of a sign-in: the code for the challenge's account (or, for an enrolment, for
 * the secret just shown) opens the session. A wrong or reused code counts like a wrong password.
 */
export async function verifyCode(
  db: Kysely<Database>,
  throttle: LoginThrottle,
  input: { challenge: string; code: string },
  client: Client,
): Promise<SignedIn> {
  const now = Date.now()
  const challenge = await findChallenge(db, input.challenge, now)
  if (!challenge) throw expired()
  const account: SignInAccount = challenge
  await throttle.assertAllowed(client.ip, account.username)
  await assertNotLocked(throttle, account, client, now)
  if (account.status !== 'active') throw appError('UNAUTHORIZED', 'auth.invalidCredentials')

  const sealed = challenge.kind === 'enrol' ? challenge.pending_secret : challenge.secret
  if (sealed === null) throw expired()
  const step = matchTotpStep(openSecret(sealed), input.code, now)
  const session =
    step === null
      ? null
      : await db.transaction().execute(async (trx) => {
          if (challenge.kind === 'code' && !(await acceptStep(trx, account.id, step))) return null
          if (!(await consumeChallenge(trx, challenge.token_hash))) throw expired()
          if (challenge.kind === 'enrol') {
            await enrol(trx, actorOfAccount(account, client), account, sealed, step, now)
          }
          return openSession(trx, account, client, now)
        })
  if (!session) return refuseSignIn(db, throttle, account, client, now, 'auth.invalidCode')
  return signedIn(db, throttle, account, session, now)
}

/** Records a code's step as used; false when that step or a later one was used already. */
export async function acceptStep(
  trx: Transaction<Database>,
  staffId: number,
  step: number,
): Promise<boolean> {
  const result = await trx
    .updateTable('staff_two_factor')
    .set({ last_step: step })
    .where('staff_id', '=', staffId)
    .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Keeps a secret whose first code (of `step`) was right: from now on the account needs codes. */
export async function enrol(
  trx: Transaction<Database>,
  actor: Actor,
  account: { id: number; center_id: number | null },
  sealedSecret: string,
  step: number,
  now: number,
) {
  await trx
    .insertInto('staff_two_factor')
    .values({ staff_id: account.id, secret: sealedSecret, enrolled_at: now, last_step: step })
    .execute()
  await appendOperation(trx, actor, {
    action: 'auth.enableTwoFactor',
    centerId: account.center_id,
    targetType: 'staff',
    targetId: account.id,
  })
}

/**
 * For a demo's sign-in page: the code an account signing in with the demo secret can use now
 * (null while every step of the window is spent), and how long it stays good for.
 */
export async function demoCode(db: Kysely<Database>, demo: boolean, token: string) {
  if (!demo) throw appError('FORBIDDEN', 'auth.demoOnly')
  const now = Date.now()
  const challenge = await findChallenge(db, token, now)
  if (!challenge || challenge.kind !== 'code' || challenge.secret === null) throw expired()
  // An account that set up its own authenticator keeps its codes to itself, even in a demo.
  if (openSecret(challenge.secret) !== demoTwoFactorSecret) {
    throw appError('FORBIDDEN', 'auth.demoOnly')
  }
  const step = nextUsableTotpStep(challenge.last_step === null ? null : Number(challenge.last_step))
  if (step === null) return { code: null, validForSeconds: 0 }
  // A code counts until its step is more than the window behind the current one.
  const endsAt = (step + totpWindow + 1) * totpStepMs
  return {
    code: totpCode(demoTwoFactorSecret, step),
    validForSeconds: Math.floor((endsAt - now) / 1000),
  }
}
