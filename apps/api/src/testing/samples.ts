import type { SessionUser } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'

/**
 * A sample input made anew for each call, possibly after inserting the rows it acts on for the
 * user about to call (null for anonymous calls).
 */
export type SampleFactory = (db: Kysely<Database>, user: SessionUser | null) => unknown

/**
 * Inserts a spare account in center 1 for samples that change an account for good; with a
 * password hash, one that can sign in.
 */
export async function insertSpareStaff(
  db: Kysely<Database>,
  username: string,
  passwordHash = 'not a hash: this account never signs in',
): Promise<number> {
  const now = Date.now()
  const result = await db
    .insertInto('staff')
    .values({
      district_id: 1,
      center_id: 1,
      username,
      display_name: '备用人员',
      role: 'staff',
      password_hash: passwordHash,
      status: 'active',
      phone: '',
      weekly_minutes: 2400,
      failed_logins: 0,
      locked_until: null,
      password_reset_at: null,
      created_at: now,
      updated_at: now,
    })
    .executeTakeFirst()
  return Number(result.insertId)
}
