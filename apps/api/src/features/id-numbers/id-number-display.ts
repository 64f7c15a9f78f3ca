import { decryptIdNumber } from '@onewindow/db'
import { maskIdNumber } from '@onewindow/domain'

/** A stored ID number as every screen shows it: only its first and last four characters. */
export function maskedIdNumber(encrypted: string | null): string | null {
  return encrypted === null ? null : maskIdNumber(decryptIdNumber(encrypted))
}
