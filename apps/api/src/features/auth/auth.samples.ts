import type { SessionUser } from '@onewindow/contracts'
import { type Database, totpCode } from '@onewindow/db'
import type { Kysely } from 'kysely'
import { fixturePassword } from '../../testing/fixture.ts'
import { insertSpareStaff } from '../../testing/samples.ts'
import { enrolForTest } from '../../testing/sign-in.ts'
import { challengeForCode } from './login-challenge.ts'
import { twoFactorSetup } from './two-factor-account.service.ts'

let spares = 0
const challengeLength = 43

/** A valid input per procedure, for the generated permission tests (see permissions.test.ts). */
export const authSamples: Record<string, unknown> = {
  'auth.login': { username: 'staff1', password: fixturePassword },
  // A spare account with an authenticator, halfway through signing in.
  'auth.verifyCode': async (db: Kysely<Database>) => {
    const staffId = await insertSpareStaff(db, `spare-code-${process.pid}-${(spares += 1)}`)
    const secret = await enrolForTest(db, staffId)
    const { challenge } = await challengeForCode(db, staffId, Date.now())
    return { challenge, code: totpCode(secret) }
  },
  'auth.demoCode': { challenge: 'c'.repeat(challengeLength) },
  'auth.logout': undefined,
  'auth.me': undefined,
  // Called once, as the admin, by the generated tests.
  'auth.changePassword': { currentPassword: fixturePassword, newPassword: 'another password 1' },
  'auth.twoFactor': undefined,
  'auth.twoFactorSetup': undefined,
  // The caller sets up a new authenticator (dropping the one it had) and sends its first code.
  'auth.enableTwoFactor': async (db: Kysely<Database>, user: SessionUser | null) => {
    if (!user) return { setup: 's'.repeat(challengeLength), code: '000000' }
    await db.deleteFrom('staff_two_factor').where('staff_id', '=', user.id).execute()
    const { setup, secret } = await twoFactorSetup(db, user)
    return { setup, code: totpCode(secret) }
  },
  // Called as staff1 (see permissions.test.ts), who may go without: a fresh authenticator's code.
  'auth.disableTwoFactor': async (db: Kysely<Database>, user: SessionUser | null) => ({
    code: user ? totpCode(await enrolForTest(db, user.id)) : '000000',
  }),
}
