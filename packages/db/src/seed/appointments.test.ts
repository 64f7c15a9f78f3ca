import { describe, expect, it } from 'vitest'
import { generateAppointments } from './appointments.ts'
import { generateDemoData } from './generate.ts'

const now = Date.parse('2026-11-26T02:00:00Z') // Thursday 10:00 in Shanghai
const data = generateDemoData(1, { passwordHash: 'x', now })
const rows = generateAppointments(data, 1, now)

describe('demo appointments', () => {
  it('books slots still to come at every center, about one in three', () => {
    expect(rows.length).toBeGreaterThan(data.center.length * 20)
    expect(new Set(rows.map((r) => r.center_id)).size).toBe(data.center.length)
    expect(rows.every((r) => Number(r.slot_start) > now)).toBe(true)
    expect(rows.every((r) => Number(r.slot_end) - Number(r.slot_start) === 30 * 60_000)).toBe(true)
  })

  it('gives every booking a code unique for its center and day', () => {
    const keys = rows.map((r) => `${r.center_id}/${r.day}/${r.code}`)
    expect(new Set(keys).size).toBe(keys.length)
    expect(rows.every((r) => /^\d{6}$/.test(r.code) && /^1\d{10}$/.test(r.resident_phone))).toBe(
      true,
    )
  })

  it('is the same for the same seed and instant', () => {
    expect(generateAppointments(data, 1, now)).toEqual(rows)
  })
})
