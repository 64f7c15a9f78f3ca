import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto'
import { defaultDatabaseUrl, dialectOf } from './connect.ts'

/*
 * Resident ID numbers at rest: AES-256-GCM with a random IV per value, stored as
 * `v1:<iv>:<tag>:<ciphertext>` (base64url), next to an HMAC-SHA256 of the normalized number under a
 * second key, for exact-match lookups. The prefix names the key: a rotated key would write `v2`
 * while `v1` values stay readable until re-encrypted (rotation itself is not built yet).
 */

export interface IdNumberKeys {
  encryption: Buffer
  lookup: Buffer
}

const version = 'v1'
const ivBytes = 12

const devKey = (purpose: string) =>
  createHash('sha256').update(`onewindow development ${purpose} key`).digest()

/** Fixed keys that anyone can derive: for demos and tests only. */
const developmentKeys: IdNumberKeys = {
  encryption: devKey('id-number encryption'),
  lookup: devKey('id-number lookup'),
}

/** Whether these settings make a demo installation: DEMO_MODE, else the embedded database. */
export function isDemoEnvironment(env: NodeJS.ProcessEnv): boolean {
  if (env.DEMO_MODE) return env.DEMO_MODE === 'true'
  return dialectOf(env.DATABASE_URL || defaultDatabaseUrl) === 'sqlite'
}

function parseKey(name: string, value: string): Buffer {
  const key = Buffer.from(value, 'base64')
  if (key.length !== 32) throw new Error(`${name} must be 32 bytes, base64-encoded`)
  return key
}

/**
 * The keys from ID_ENCRYPTION_KEY and ID_LOOKUP_KEY. Without them a demo or a test uses the
 * development keys; a production installation that is not a demo refuses to go on.
 */
export function idNumberKeysFrom(env: NodeJS.ProcessEnv): IdNumberKeys {
  const { ID_ENCRYPTION_KEY: encryption, ID_LOOKUP_KEY: lookup } = env
  if (encryption && lookup) {
    return {
      encryption: parseKey('ID_ENCRYPTION_KEY', encryption),
      lookup: parseKey('ID_LOOKUP_KEY', lookup),
    }
  }
  if (encryption || lookup) throw new Error('Set both ID_ENCRYPTION_KEY and ID_LOOKUP_KEY')
  if (env.NODE_ENV === 'production' && !isDemoEnvironment(env)) {
    throw new Error(
      'ID_ENCRYPTION_KEY and ID_LOOKUP_KEY are required in production (32 random bytes each, base64)',
    )
  }
  return developmentKeys
}

let processKeys: IdNumberKeys | undefined

/** This process's keys, read from the environment once (the server reads them at start-up). */
export function idNumberKeys(): IdNumberKeys {
  processKeys ??= idNumberKeysFrom(process.env)
  return processKeys
}

/** The form an ID number is compared in: trimmed, upper case (the check character may be x). */
export function normalizeIdNumber(idNumber: string): string {
  return idNumber.trim().toUpperCase()
}

export function encryptIdNumber(idNumber: string, keys = idNumberKeys()): string {
  const iv = randomBytes(ivBytes)
  const cipher = createCipheriv('aes-256-gcm', keys.encryption, iv)
  const ciphertext = Buffer.concat([
    cipher.update(normalizeIdNumber(idNumber), 'utf8'),
    cipher.final(),
  ])
  return [version, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join(':')
}

/** The number back from its stored form; throws if it was altered or sealed with another key. */
export function decryptIdNumber(stored: string, keys = idNumberKeys()): string {
  const [prefix, iv, tag, ciphertext, ...rest] = stored.split(':')
  if (prefix !== version || !iv || !tag || ciphertext === undefined || rest.length > 0) {
    throw new Error('Not an encrypted ID number of a known version')
  }
  const decipher = createDecipheriv('aes-256-gcm', keys.encryption, Buffer.from(iv, 'base64url'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([
    decipher.update(Buffer.from(ciphertext, 'base64url')),
    decipher.final(),
  ]).toString('utf8')
}

/** Equal for equal numbers (after normalizing), so a column of these can be searched. */
export function idNumberLookupHash(idNumber: string, keys = idNumberKeys()): string {
  return createHmac('sha256', keys.lookup).update(normalizeIdNumber(idNumber)).digest('hex')
}

/** The two stored columns of an ID number, or nulls for none. */
export function sealIdNumber(idNumber: string | null | undefined, keys = idNumberKeys()) {
  if (!idNumber) return { encrypted: null, hash: null }
  return { encrypted: encryptIdNumber(idNumber, keys), hash: idNumberLookupHash(idNumber, keys) }
}
