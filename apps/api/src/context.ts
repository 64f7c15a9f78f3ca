import type { Locale, SessionUser } from '@onewindow/contracts'
import type { Database, DialectName } from '@onewindow/db'
import type { Kysely } from 'kysely'
import type { LoginThrottle } from './features/auth/login-throttle.ts'

/** Where the session cookie goes; the HTTP adapter writes headers, tests record calls. */
export interface SessionCookieJar {
  set(token: string, expiresAt: number): void
  clear(): void
}

export interface Context {
  db: Kysely<Database>
  dialect: DialectName
  locale: Locale
  ip: string
  userAgent: string
  /** SHA-256 of the session token presented with the request, if any. */
  sessionTokenHash: string | null
  user: SessionUser | null
  /** SHA-256 of a registered kiosk device's token (header x-kiosk-token), if any. */
  kioskTokenHash: string | null
  cookies: SessionCookieJar
  loginThrottle: LoginThrottle
  /** Whether this installation is a demo (its sign-ins may be shown). */
  demo: boolean
  /** The Idempotency-Key header, if the request carried one (see idempotency/). */
  idempotencyKey?: string
}
