import type { Role, SessionUser } from '@onewindow/contracts'
import { type Database, type DatabaseHandle, hashPassword } from '@onewindow/db'
import { enrolDemoAccounts } from '@onewindow/db/seed'
import type { Kysely } from 'kysely'
import type { Context } from '../context.ts'
import { LoginThrottle } from '../features/auth/login-throttle.ts'
import { sessionUserOfStaff } from '../features/auth/session.service.ts'
import { appRouter } from '../router.ts'
import { createCallerFactory } from '../trpc.ts'

export const fixturePassword = 'correct horse battery'

/** Two centers, and one account of every role in each (admin is district-wide). */
export async function insertFixture(db: Kysely<Database>) {
  const passwordHash = await hashPassword(fixturePassword)
  const now = Date.now()
  await db.insertInto('district').values({ id: 1, code: 'D1', name: '测试区' }).execute()
  await db
    .insertInto('center')
    .values([
      {
        id: 1,
        district_id: 1,
        code: 'C1',
        name: '甲街道受理中心',
        address: '',
        phone: '',
        status: 'open',
        opening_hours: '[]',
      },
      {
        id: 2,
        district_id: 1,
        code: 'C2',
        name: '乙街道受理中心',
        address: '',
        phone: '',
        status: 'open',
        opening_hours: '[]',
      },
    ])
    .execute()
  const accounts: Array<[number, string, Role, number | null, string]> = [
    [1, 'admin', 'admin', null, '管理员'],
    [2, 'manager1', 'manager', 1, '甲经理'],
    [3, 'supervisor1', 'supervisor', 1, '甲督查'],
    [4, 'staff1', 'staff', 1, '甲窗口'],
    [5, 'manager2', 'manager', 2, '乙经理'],
    [6, 'staff2', 'staff', 2, '乙窗口'],
  ]
  await db
    .insertInto('staff')
    .values(
      accounts.map(([id, username, role, centerId, name]) => ({
        id,
        district_id: 1,
        center_id: centerId,
        username,
        display_name: name,
        role,
        password_hash: passwordHash,
        status: 'active' as const,
        phone: `1380000000${id}`,
        weekly_minutes: 2400,
        failed_logins: 0,
        locked_until: null,
        password_reset_at: null,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute()
  // Like the demo, the accounts whose role needs a second factor have one: the demo secret.
  await db.transaction().execute((trx) =>
    enrolDemoAccounts(
      trx,
      accounts.map(([id, , role]) => ({ id, role })),
      now,
    ),
  )
}

export async function sessionUserOf(db: Kysely<Database>, username: string): Promise<SessionUser> {
  const { id } = await db
    .selectFrom('staff')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow()
  return sessionUserOfStaff(db, id)
}

export interface CookieLog {
  set: string[]
  cleared: number
}

const createCaller = createCallerFactory(appRouter)

/** A tRPC caller as `user` (or anonymous), with its own login throttle and cookie log. */
export function callerFor(
  database: DatabaseHandle,
  user: SessionUser | null,
  options: {
    ip?: string
    sessionTokenHash?: string
    kioskTokenHash?: string
    loginThrottle?: LoginThrottle
    idempotencyKey?: string
  } = {},
) {
  const cookies: CookieLog = { set: [], cleared: 0 }
  const ctx: Context = {
    db: database.db,
    dialect: database.dialect,
    locale: 'zh-CN',
    ip: options.ip ?? '127.0.0.1',
    userAgent: 'vitest',
    sessionTokenHash: options.sessionTokenHash ?? null,
    user,
    kioskTokenHash: options.kioskTokenHash ?? null,
    loginThrottle: options.loginThrottle ?? new LoginThrottle(),
    demo: false,
    idempotencyKey: options.idempotencyKey,
    cookies: {
      set: (token) => void cookies.set.push(token),
      clear: () => void (cookies.cleared += 1),
    },
  }
  return { caller: createCaller(ctx), cookies }
}
