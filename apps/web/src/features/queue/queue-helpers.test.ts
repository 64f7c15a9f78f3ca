import { describe, expect, it } from 'vitest'
import { newIdempotencyKey } from './idempotency-key'
import { searchKioskItems } from './kiosk-search'
import { kioskHeaders, kioskToken, saveKioskToken, forgetKioskToken } from './kiosk-token'

const groups = [
  {
    skillId: 1,
    skillName: '医保类',
    waiting: 2,
    items: [
      { id: 1, code: 'MI-001', name: '医保卡补办', kind: 'immediate' },
      { id: 2, code: 'MI-002', name: '医保关系转移', kind: 'promised' },
    ],
  },
  {
    skillId: 2,
    skillName: '户籍类',
    waiting: 0,
    items: [{ id: 3, code: 'HH-001', name: '居住证办理', kind: 'promised' }],
  },
]

describe('kiosk search', () => {
  it('finds items by name or code across categories, with their category', () => {
    expect(searchKioskItems(groups, '医保').map((hit) => hit.id)).toEqual([1, 2])
    expect(searchKioskItems(groups, 'hh-001')).toEqual([
      { id: 3, code: 'HH-001', name: '居住证办理', kind: 'promised', skillName: '户籍类' },
    ])
    expect(searchKioskItems(groups, '医保 补办').map((hit) => hit.id)).toEqual([1])
  })

  it('shows nothing for an empty query and caps the list', () => {
    expect(searchKioskItems(groups, '   ')).toEqual([])
    expect(searchKioskItems(groups, '-0', 2)).toHaveLength(2)
  })
})

describe('idempotency key', () => {
  it('uses randomUUID where it exists', () => {
    expect(
      newIdempotencyKey({
        randomUUID: () => 'a-b-c-d-e' as `${string}-${string}-${string}-${string}-${string}`,
      }),
    ).toBe('a-b-c-d-e')
  })

  it('falls back to 32 random hex digits outside secure contexts', () => {
    const key = newIdempotencyKey({
      getRandomValues: <T extends ArrayBufferView | null>(array: T) => {
        ;(array as unknown as Uint8Array).fill(171)
        return array
      },
    })
    expect(key).toBe('ab'.repeat(16))
  })
})

describe('kiosk token', () => {
  it('is sent as a header only once stored', () => {
    forgetKioskToken()
    expect(kioskHeaders()).toEqual({})
    saveKioskToken('secret-token')
    expect(kioskToken()).toBe('secret-token')
    expect(kioskHeaders()).toEqual({ 'x-kiosk-token': 'secret-token' })
    forgetKioskToken()
    expect(kioskToken()).toBeNull()
  })
})
