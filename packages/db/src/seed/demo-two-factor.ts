import { type Role, requiresTwoFactor } from '@onewindow/contracts'
import type { Transaction } from 'kysely'
import type { Database } from '../tables.ts'
import { sealSecret } from '../two-factor.ts'
import { demoTwoFactorSecret } from './demo-accounts.ts'

/** Enrols every seeded account whose role must use two-factor sign-in, with the demo secret. */
export async function enrolDemoAccounts(
  trx: Transaction<Database>,
  staff: readonly { id: number; role: Role }[],
  now: number,
): Promise<void> {
  const rows = staff
    .filter((member) => requiresTwoFactor(member.role))
    .map((member) => ({
      staff_id: member.id,
      secret: sealSecret(demoTwoFactorSecret),
      enrolled_at: now,
      last_step: null,
    }))
  if (rows.length > 0) await trx.insertInto('staff_two_factor').values(rows).execute()
}
