import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { defaultDatabaseUrl, dialectOf } from './connect.ts'

/*
 * Secrets at rest (ID numbers, authenticator secrets): AES-256-GCM with a random IV per value,
 * stored as `v1:<iv>:<tag>:<ciphertext>` (base64url). The prefix names the key: a rotated key
 * would write `v2` while `v1` values stay readable until re-encrypted (rotation is not built yet).
 */

const version = 'v1'
const ivBytes = 12

export function sealText(text: string, key: Buffer): string {
  const iv = randomBytes(ivBytes)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const ciphertext = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()])
  return [version, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join(':')
}

/** The text back from its sealed form; throws if it was altered or sealed with another key. */
export function openText(sealed: string, key: Buffer): string {
  const [prefix, iv, tag, ciphertext, ...rest] = sealed.split(':')
  if (prefix !== version || !iv || !tag || ciphertext === undefined || rest.length > 0) {
    throw new Error('Not a sealed value of a known version')
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([
    decipher.update(Buffer.from(ciphertext, 'base64url')),
    decipher.final(),
  ]).toString('utf8')
}

/** Whether these settings make a demo installation: DEMO_MODE, else the embedded database. */
export function isDemoEnvironment(env: NodeJS.ProcessEnv): boolean {
  if (env.DEMO_MODE) return env.DEMO_MODE === 'true'
  return dialectOf(env.DATABASE_URL || defaultDatabaseUrl) === 'sqlite'
}

/** A fixed key anyone can derive: for demos and tests only. */
export const developmentKey = (purpose: string) =>
  createHash('sha256').update(`onewindow development ${purpose} key`).digest()

/**
 * The 32-byte key in environment variable `name` (base64). Without it a demo or a test uses the
 * development key of `purpose`; a production installation that is not a demo refuses to go on.
 */
export function keyFromEnvironment(env: NodeJS.ProcessEnv, name: string, purpose: string): Buffer {
  const value = env[name]
  if (value) {
    const key = Buffer.from(value, 'base64')
    if (key.length !== 32) throw new Error(`${name} must be 32 bytes, base64-encoded`)
    return key
  }
  if (env.NODE_ENV === 'production' && !isDemoEnvironment(env)) {
    throw new Error(`${name} is required in production (32 random bytes, base64)`)
  }
  return developmentKey(purpose)
}
