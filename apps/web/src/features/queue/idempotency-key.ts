/**
 * A fresh key for one finish dialog. randomUUID exists only in secure contexts (https,
 * localhost); a counter PC on plain http inside the center's LAN falls back to random bytes.
 */
export function newIdempotencyKey(source: Partial<Crypto> = globalThis.crypto): string {
  if (typeof source.randomUUID === 'function') return source.randomUUID()
  const bytes = new Uint8Array(16)
  source.getRandomValues!(bytes)
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}
