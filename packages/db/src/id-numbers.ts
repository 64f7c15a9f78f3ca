import { createHmac } from 'node:crypto'
import { keyFromEnvironment, openText, sealText } from './sealed-text.ts'

/*
 * Resident ID numbers at rest: sealed (sealed-text.ts) next to an HMAC-SHA256 of the normalized
 * number under a second key, for exact-match lookups.
 */

export interface IdNumberKeys {
  encryption: Buffer
  lookup: Buffer
}

/**
 * The keys from ID_ENCRYPTION_KEY and ID_LOOKUP_KEY. Without them a demo or a test uses the
 * development keys; a production installation that is not a demo refuses to go on.
 */
export function idNumberKeysFrom(env: NodeJS.ProcessEnv): IdNumberKeys {
  if (Boolean(env.ID_ENCRYPTION_KEY) !== Boolean(env.ID_LOOKUP_KEY)) {
    throw new Error('Set both ID_ENCRYPTION_KEY and ID_LOOKUP_KEY')
  }
  return {
    encryption: keyFromEnvironment(env, 'ID_ENCRYPTION_KEY', 'id-number encryption'),
    lookup: keyFromEnvironment(env, 'ID_LOOKUP_KEY', 'id-number lookup'),
  }
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
  return sealText(normalizeIdNumber(idNumber), keys.encryption)
}

/** The number back from its stored form; throws if it was altered or sealed with another key. */
export function decryptIdNumber(stored: string, keys = idNumberKeys()): string {
  return openText(stored, keys.encryption)
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
