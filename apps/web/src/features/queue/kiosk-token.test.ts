import { describe, expect, it } from 'vitest'
import { kioskLink, tokenInLink } from './kiosk-token'

describe('kiosk links', () => {
  it('carries the token in the fragment and reads it back', () => {
    const token = 'Ab-_c9xYz012345678901234567890123456789012'
    const link = kioskLink('https://hall.example/kiosk', token)
    expect(link).toBe(`https://hall.example/kiosk#token=${token}`)
    expect(tokenInLink(new URL(link).hash)).toBe(token)
  })

  it('finds no token in other fragments', () => {
    expect(tokenInLink('')).toBeNull()
    expect(tokenInLink('#')).toBeNull()
    expect(tokenInLink('#token=')).toBeNull()
    expect(tokenInLink('#section-2')).toBeNull()
  })
})
