import { randomInt } from 'node:crypto'

// No 0/O/o, 1/l/I/i: the manager reads it out or writes it down for the person.
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789'

/** A random password to hand over once; the person must replace it at next sign-in. */
export function temporaryPassword(length = 10): string {
  let password = ''
  for (let i = 0; i < length; i++) password += alphabet[randomInt(alphabet.length)]
  return password
}
