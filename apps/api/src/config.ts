import { resolve } from 'node:path'
import { defaultDatabaseUrl, dialectOf, workspaceRoot } from '@onewindow/db'

const minutes = 60_000

/** Everything the server reads from the environment, read once at start-up. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const databaseUrl = env.DATABASE_URL || defaultDatabaseUrl
  const demo = env.DEMO_MODE ? env.DEMO_MODE === 'true' : dialectOf(databaseUrl) === 'sqlite'
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    /** A demo shows its sign-ins on the login page; the embedded database is one by default. */
    demo,
    /** Residents arrive and virtual staff serve them (live demo mode); on in a demo by default. */
    simulate: env.DEMO_SIMULATE ? env.DEMO_SIMULATE === 'true' : demo,
    production: env.NODE_ENV === 'production',
    webDist: resolve(workspaceRoot, env.WEB_DIST ?? 'apps/web/dist'),
    trustProxy: env.TRUST_PROXY === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
  }
}

export type Config = ReturnType<typeof loadConfig>

export const sessionPolicy = {
  /** A session ends after this long without a request. */
  idleMs: 2 * 60 * minutes,
  /** And after this long in any case: one working day. */
  maxAgeMs: 12 * 60 * minutes,
  /** last_seen_at is written at most this often, to keep reads cheap. */
  touchEveryMs: 1 * minutes,
}

export const loginPolicy = {
  failuresBeforeLock: 5,
  lockMs: 15 * minutes,
  attemptsPerIp: 30,
  attemptsPerUsername: 10,
  windowSeconds: 15 * 60,
}
