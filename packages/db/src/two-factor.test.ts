import { describe, expect, it } from 'vitest'
import {
  matchTotpStep,
  newTotpSecret,
  nextUsableTotpStep,
  openSecret,
  sealSecret,
  totpCode,
  totpStepMs,
  twoFactorKeyFrom,
} from './two-factor.ts'

// RFC 6238 appendix B's SHA-1 secret ("12345678901234567890") in base32.
const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'

describe('TOTP codes', () => {
  it('match the RFC 6238 test vectors (last six digits)', () => {
    expect(totpCode(rfcSecret, Math.floor(59_000 / totpStepMs))).toBe('287082')
    expect(totpCode(rfcSecret, Math.floor(1_111_111_109_000 / totpStepMs))).toBe('081804')
    expect(totpCode(rfcSecret, Math.floor(1_234_567_890_000 / totpStepMs))).toBe('005924')
  })

  it('accept the steps one either side of now, and no further', () => {
    const at = 1_234_567_890_000
    const step = Math.floor(at / totpStepMs)
    for (const delta of [-1, 0, 1]) {
      expect(matchTotpStep(rfcSecret, totpCode(rfcSecret, step + delta), at)).toBe(step + delta)
    }
    expect(matchTotpStep(rfcSecret, totpCode(rfcSecret, step - 2), at)).toBeNull()
    expect(matchTotpStep(rfcSecret, totpCode(rfcSecret, step + 2), at)).toBeNull()
  })

  it('find the earliest step not used yet, or none while the window is spent', () => {
    const at = 100 * totpStepMs + 1_000
    expect(nextUsableTotpStep(null, at)).toBe(99)
    expect(nextUsableTotpStep(99, at)).toBe(100)
    expect(nextUsableTotpStep(100, at)).toBe(101)
    expect(nextUsableTotpStep(101, at)).toBeNull()
    // Late in a step, the one before would be out of the window by the time it arrives.
    expect(nextUsableTotpStep(null, 101 * totpStepMs - 2_000)).toBe(100)
  })

  it('make new secrets of 160 random bits', () => {
    const secret = newTotpSecret()
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(newTotpSecret()).not.toBe(secret)
  })
})

describe('sealed secrets', () => {
  const key = twoFactorKeyFrom({ TWO_FACTOR_KEY: Buffer.alloc(32, 7).toString('base64') })

  it('open with the key they were sealed with, and differ each time', () => {
    const sealed = sealSecret('JBSWY3DPEHPK3PXP', key)
    expect(sealed).toMatch(/^v1:/)
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP')
    expect(sealSecret('JBSWY3DPEHPK3PXP', key)).not.toBe(sealed)
    expect(openSecret(sealed, key)).toBe('JBSWY3DPEHPK3PXP')
  })

  it('refuse to open when altered or under another key', () => {
    const sealed = sealSecret('JBSWY3DPEHPK3PXP', key)
    const other = twoFactorKeyFrom({ TWO_FACTOR_KEY: Buffer.alloc(32, 8).toString('base64') })
    expect(() => openSecret(sealed, other)).toThrow()
    const [v, iv, tag, body] = sealed.split(':')
    const flipped = `${body![0] === 'A' ? 'B' : 'A'}${body!.slice(1)}`
    expect(() => openSecret([v, iv, tag, flipped].join(':'), key)).toThrow()
  })

  it('require a key of 32 bytes, and one in production unless it is a demo', () => {
    expect(() => twoFactorKeyFrom({ TWO_FACTOR_KEY: 'c2hvcnQ=' })).toThrow(/32 bytes/)
    const production = { NODE_ENV: 'production', DATABASE_URL: 'mysql://db/x' }
    expect(() => twoFactorKeyFrom(production)).toThrow(/TWO_FACTOR_KEY/)
    expect(twoFactorKeyFrom({ ...production, DEMO_MODE: 'true' })).toHaveLength(32)
  })
})
