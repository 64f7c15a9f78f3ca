import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'
import { insertSpareStaff } from '../../testing/samples.ts'
import { versionOf } from '../../testing/versions.ts'
import { enrolForTest } from '../../testing/sign-in.ts'

/**
 * A valid input per procedure, for the generated permission tests (see permissions.test.ts).
 * Inputs act on center 1 of the fixture and must succeed for every role allowed to call them,
 * again and again; the functions make each call a real change, so each call is logged.
 */
let calls = 0
const next = () => (calls += 1)

/** A past date that differs from call to call. */
const pastDate = (n: number) =>
  new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10)

export const staffSamples: Record<string, unknown> = {
  'staff.list': {},
  'staff.get': { staffId: 4 },
  'staff.create': () => ({
    username: `sample-${process.pid}-${next()}`,
    displayName: '样例人员',
    role: 'staff',
    centerId: 1,
    phone: '',
    weeklyMinutes: 2400,
  }),
  'staff.update': async (db: Kysely<Database>) => ({
    staffId: 4,
    version: await versionOf(db, 'staff', 4),
    displayName: '甲窗口',
    role: 'staff',
    centerId: 1,
    phone: '13800000004',
    weeklyMinutes: 1200 + next(),
  }),
  'staff.setStatus': { staffId: 4, status: 'active' },
  'staff.unlock': { staffId: 4 },
  // A spare account of its own each time: a reset blocks an account until its password changes.
  'staff.resetPassword': async (db: Kysely<Database>) => ({
    staffId: await insertSpareStaff(db, `spare-${process.pid}-${next()}`),
  }),
  // A spare account with an authenticator each time: a reset takes it away.
  'staff.resetTwoFactor': async (db: Kysely<Database>) => {
    const staffId = await insertSpareStaff(db, `spare-2fa-${process.pid}-${next()}`)
    await enrolForTest(db, staffId)
    return { staffId }
  },
  'staff.sessions': { staffId: 4 },
  'staff.endSessions': { staffId: 4 },
  'staff.skillsMatrix': {},
  'staff.setSkill': () => {
    const n = next()
    return { staffId: 4, skillId: 1, level: (n % 3) + 1, certifiedOn: pastDate(n) }
  },
  'staff.bulkAssignSkill': () => {
    const n = next()
    return { skillId: 2, level: (n % 3) + 1, certifiedOn: pastDate(n), staffIds: [3, 4] }
  },
}
