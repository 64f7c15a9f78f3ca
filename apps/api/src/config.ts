import { resolve } from 'node:path'
import { defaultDatabaseUrl, isDemoEnvironment, workspaceRoot } from '@onewindow/db'

const minutes = 60_000

/** Everything the server reads from the environment, read once at start-up. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const databaseUrl = env.DATABASE_URL || defaultDatabaseUrl
  const demo = isDemoEnvironment(env)
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
    /** Live updates cross API instances through Redis pub/sub; in-process without it. */
    redisUrl: env.REDIS_URL || null,
  }
}

export type Config = ReturnType<typeof loadConfig>

/** How long sessions last: SESSION_IDLE_MINUTES (default 30) and SESSION_MAX_HOURS (default 8). */
export function loadSessionPolicy(env: NodeJS.ProcessEnv = process.env) {
  return {
    /** A session ends after this long without a request. */
    idleMs: positiveNumber(env, 'SESSION_IDLE_MINUTES', 30) * minutes,
    /** And after this long in any case: one working day. */
    maxAgeMs: positiveNumber(env, 'SESSION_MAX_HOURS', 8) * 60 * minutes,
    /** last_seen_at is written at most this often, to keep reads cheap. */
    touchEveryMs: 1 * minutes,
  }
}

export const sessionPolicy = loadSessionPolicy()

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} must be a positive number, not "${raw}"`)
  }
  return value
}

export const loginPolicy = {
  failuresBeforeLock: 5,
  lockMs: 15 * minutes,
  attemptsPerIp: 30,
  attemptsPerUsername: 10,
  windowSeconds: 15 * 60,
}
