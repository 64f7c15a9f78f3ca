import { Secret, TOTP } from 'otpauth'
import { keyFromEnvironment, openText, sealText } from './sealed-text.ts'

/*
 * Two-factor sign-in with time-based one-time passwords (RFC 6238): SHA-1, 6 digits, 30-second
 * steps, the parameters every authenticator app understands. Secrets are kept base32-encoded and,
 * at rest, sealed with AES-256-GCM under TWO_FACTOR_KEY as `v1:<iv>:<tag>:<ciphertext>`.
 */

export const totpIssuer = 'onewindow'
export const totpStepMs = 30_000
/** Codes of the steps just before and after the current one still count (clock drift, typing). */
export const totpWindow = 1

const totp = (secret: string, label = '') =>
  new TOTP({
    issuer: totpIssuer,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: totpStepMs / 1000,
    secret: Secret.fromBase32(secret),
  })

/** A new random 160-bit secret, base32-encoded as authenticator apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32
}

export function totpStepAt(at: number): number {
  return Math.floor(at / totpStepMs)
}

/** The code of one time step (the current one by default). */
export function totpCode(secret: string, step = totpStepAt(Date.now())): string {
  return totp(secret).generate({ timestamp: step * totpStepMs })
}

/** The otpauth:// address an authenticator app reads from the enrolment QR code. */
export function totpUri(secret: string, username: string): string {
  return totp(secret, username).toString()
}

/** The time step whose code `code` is, within the window around `at`; null when none is. */
export function matchTotpStep(secret: string, code: string, at = Date.now()): number | null {
  const delta = totp(secret).validate({ token: code, timestamp: at, window: totpWindow })
  return delta === null ? null : totpStepAt(at) + delta
}

/**
 * The earliest step whose code would be accepted now after `lastStep` was used, or null while
 * every step of the window is spent. The step before the current one is skipped in the current
 * step's last seconds, when it would be out of the window by the time it arrives.
 */
export function nextUsableTotpStep(lastStep: number | null, at = Date.now()): number | null {
  const current = totpStepAt(at)
  const closing = at - current * totpStepMs > totpStepMs - 5_000
  const earliest = Math.max(current - (closing ? 0 : totpWindow), (lastStep ?? -Infinity) + 1)
  return earliest <= current + totpWindow ? earliest : null
}

/** The key from TWO_FACTOR_KEY (keyFromEnvironment's rules). */
export function twoFactorKeyFrom(env: NodeJS.ProcessEnv): Buffer {
  return keyFromEnvironment(env, 'TWO_FACTOR_KEY', 'two-factor')
}

let processKey: Buffer | undefined

/** This process's key, read from the environment once. */
export function twoFactorKey(): Buffer {
  processKey ??= twoFactorKeyFrom(process.env)
  return processKey
}

/** A TOTP secret as stored: sealed under the two-factor key. */
export const sealSecret = (text: string, key = twoFactorKey()) => sealText(text, key)

/** The secret back from its sealed form; throws if it was altered or sealed with another key. */
export const openSecret = (sealed: string, key = twoFactorKey()) => openText(sealed, key)
