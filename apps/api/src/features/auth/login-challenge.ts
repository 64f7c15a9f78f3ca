import { randomBytes } from 'node:crypto'
import { type Database, newTotpSecret, sealSecret, totpUri } from '@onewindow/db'
import type { Kysely, Transaction } from 'kysely'
import QRCode from 'qrcode'
import { hashToken } from './session.service.ts'

/** How long the sign-in page has to send the code after the password was right. */
export const challengeTtlMs = 5 * 60_000

/** What an authenticator app needs to add an account: the secret, scanned or typed. */
export interface Enrolment {
  secret: string
  /** The otpauth:// address inside the QR code. */
  uri: string
  /** The QR code as an SVG data URL, ready for an <img>. */
  qrCode: string
}

export type SecondStep =
  { step: 'code'; challenge: string } | { step: 'enrol'; challenge: string; enrolment: Enrolment }

export async function enrolmentFor(secret: string, username: string): Promise<Enrolment> {
  const uri = totpUri(secret, username)
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
  return { secret, uri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` }
}

/** A new challenge for the account; it voids the account's earlier one, and expired ones go. */
async function issueChallenge(
  db: Kysely<Database>,
  staffId: number,
  kind: 'code' | 'enrol',
  pendingSecret: string | null,
  now: number,
): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('login_challenge')
      .where((eb) => eb.or([eb('staff_id', '=', staffId), eb('expires_at', '<=', now)]))
      .execute()
    await trx
      .insertInto('login_challenge')
      .values({
        token_hash: hashToken(token),
        staff_id: staffId,
        kind,
        pending_secret: pendingSecret,
        created_at: now,
        expires_at: now + challengeTtlMs,
      })
      .execute()
  })
  return token
}

export async function challengeForCode(
  db: Kysely<Database>,
  staffId: number,
  now: number,
): Promise<Extract<SecondStep, { step: 'code' }>> {
  return { step: 'code', challenge: await issueChallenge(db, staffId, 'code', null, now) }
}

/** For an account whose role needs a second factor it does not have yet: a secret to set up. */
export async function challengeForEnrolment(
  db: Kysely<Database>,
  account: { id: number; username: string },
  now: number,
): Promise<SecondStep> {
  const secret = newTotpSecret()
  const challenge = await issueChallenge(db, account.id, 'enrol', sealSecret(secret), now)
  return { step: 'enrol', challenge, enrolment: await enrolmentFor(secret, account.username) }
}

/** A live challenge with its account and the account's sealed secret, or undefined. */
export function findChallenge(db: Kysely<Database>, token: string, now: number) {
  return db
    .selectFrom('login_challenge')
    .innerJoin('staff', 'staff.id', 'login_challenge.staff_id')
    .leftJoin('staff_two_factor', 'staff_two_factor.staff_id', 'staff.id')
    .select([
      'login_challenge.token_hash',
      'login_challenge.kind',
      'login_challenge.pending_secret',
      'staff_two_factor.secret',
      'staff_two_factor.last_step',
      'staff.id',
      'staff.username',
      'staff.role',
      'staff.status',
      'staff.failed_logins',
      'staff.locked_until',
      'staff.center_id',
    ])
    .where('login_challenge.token_hash', '=', hashToken(token))
    .where('login_challenge.expires_at', '>', now)
    .executeTakeFirst()
}

/** Uses a challenge up; false when another request already did. */
export async function consumeChallenge(
  trx: Transaction<Database>,
  tokenHash: string,
): Promise<boolean> {
  const result = await trx
    .deleteFrom('login_challenge')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst()
  return Number(result.numDeletedRows) === 1
}
