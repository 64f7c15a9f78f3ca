import { describe, expect, it } from 'vitest'
import { demoAccounts } from './demo-accounts.ts'
import { generateDemoData } from './generate.ts'

const options = { passwordHash: 'hash', now: Date.UTC(2026, 10, 26) }

describe('generateDemoData', () => {
  const data = generateDemoData(1, options)

  it('gives identical rows for the same seed', () => {
    expect(generateDemoData(1, options)).toEqual(data)
  })

  it('gives other staff and skills for another seed, but the same catalog', () => {
    const other = generateDemoData(2, options)
    expect(other.staff.map((s) => s.username)).not.toEqual(data.staff.map((s) => s.username))
    expect(other.staff_skill).not.toEqual(data.staff_skill)
    expect(other.department).toEqual(data.department)
    expect(other.skill).toEqual(data.skill)
    expect(other.service_item).toEqual(data.service_item)
  })

  it('numbers every table from 1 without gaps', () => {
    for (const rows of [data.center, data.counter, data.staff, data.service_item]) {
      expect(rows.map((r) => r.id)).toEqual(rows.map((_, i) => i + 1))
    }
  })

  it('gives unique ASCII usernames and the four demo accounts', () => {
    const usernames = data.staff.map((s) => s.username)
    expect(new Set(usernames).size).toBe(usernames.length)
    for (const username of usernames) expect(username).toMatch(/^[a-z]+(\d{2})?$/)
    for (const { username, role } of demoAccounts) {
      const account = data.staff.find((s) => s.username === username)
      expect(account?.role).toBe(role)
      expect(account?.center_id).toBe(role === 'admin' ? null : 1)
    }
  })

  it('keeps the district near 48 counters and 80 staff, over many seeds', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const { center, counter, staff } = generateDemoData(seed, options)
      expect(counter.length).toBe(48)
      // About 80 at the windows, and one back-office account per department.
      expect(staff.length).toBeGreaterThanOrEqual(82)
      expect(staff.length).toBeLessThanOrEqual(102)
      for (const { id } of center) {
        const counters = counter.filter((c) => c.center_id === id).length
        expect(counters).toBeGreaterThanOrEqual(6)
        expect(counters).toBeLessThanOrEqual(10)
        const roles = staff.filter((s) => s.center_id === id).map((s) => s.role)
        expect(roles.filter((r) => r === 'manager')).toHaveLength(1)
        expect(roles.filter((r) => r === 'supervisor')).toHaveLength(1)
      }
    }
  })

  it('never gives a person or a counter the same skill twice', () => {
    const staffSkills = data.staff_skill.map((s) => `${s.staff_id}:${s.skill_id}`)
    expect(new Set(staffSkills).size).toBe(staffSkills.length)
    const counterSkills = data.counter_skill.map((s) => `${s.counter_id}:${s.skill_id}`)
    expect(new Set(counterSkills).size).toBe(counterSkills.length)
  })

  it('certifies skills at levels 1–3 on dates in 2022–2026', () => {
    for (const { level, certified_on } of data.staff_skill) {
      expect([1, 2, 3]).toContain(level)
      expect(certified_on).toMatch(/^202[2-6]-\d{2}-\d{2}$/)
    }
  })
})

describe('the catalog', () => {
  const { department, skill, service_item } = generateDemoData(1, options)
  const immediate = service_item.filter((i) => i.kind === 'immediate')

  it('has 12 departments, about 14 skills and about 200 items with unique names', () => {
    expect(department).toHaveLength(12)
    expect(skill.length).toBeGreaterThanOrEqual(12)
    expect(service_item.length).toBeGreaterThanOrEqual(190)
    expect(service_item.length).toBeLessThanOrEqual(210)
    expect(new Set(service_item.map((i) => i.name)).size).toBe(service_item.length)
    expect(new Set(service_item.map((i) => i.code)).size).toBe(service_item.length)
  })

  it('matches the source: 60% immediate items averaging about 8 minutes', () => {
    expect(immediate.length / service_item.length).toBeCloseTo(0.6, 1)
    const average = immediate.reduce((sum, i) => sum + i.standard_minutes, 0) / immediate.length
    expect(average).toBeGreaterThanOrEqual(7.5)
    expect(average).toBeLessThanOrEqual(8.5)
  })

  it('gives every item sensible days, minutes and materials', () => {
    for (const item of service_item) {
      if (item.kind === 'immediate') {
        expect(item.promised_days).toBeNull()
        expect(item.standard_minutes).toBeGreaterThanOrEqual(5)
        expect(item.standard_minutes).toBeLessThanOrEqual(12)
      } else {
        expect(item.promised_days).toBeGreaterThanOrEqual(3)
        expect(item.promised_days).toBeLessThanOrEqual(20)
        expect(item.standard_minutes).toBeGreaterThanOrEqual(10)
        expect(item.standard_minutes).toBeLessThanOrEqual(25)
      }
      const materials = JSON.parse(item.materials) as string[]
      expect(materials.length).toBeGreaterThanOrEqual(1)
      expect(materials.length).toBeLessThanOrEqual(4)
      expect(skill[item.skill_id - 1]?.department_id).toBe(item.department_id)
    }
  })
})
