import { Faker, base } from '@faker-js/faker'
import type { Role } from '@onewindow/contracts'
import type { Selectable } from 'kysely'
import type {
  CalendarDayTable,
  CenterTable,
  CounterSkillTable,
  CounterTable,
  DistrictTable,
  StaffSkillTable,
  StaffTable,
} from '../tables.ts'
import { demoCalendar } from './calendar.ts'
import { type Catalog, buildCatalog } from './catalog.ts'
import {
  type DemoAccount,
  demoAccounts,
  demoBackofficeDepartment,
  demoStaffSkills,
} from './demo-accounts.ts'
import { givenNames, surnames } from './people.ts'

export interface DemoData extends Catalog {
  district: Selectable<DistrictTable>[]
  center: Selectable<CenterTable>[]
  counter: Selectable<CounterTable>[]
  counter_skill: CounterSkillTable[]
  staff: Selectable<StaffTable>[]
  staff_skill: StaffSkillTable[]
  calendar_day: CalendarDayTable[]
}

export interface GenerateOptions {
  /** Hash of the demo password, computed once by the caller: argon2 is slow on purpose. */
  passwordHash: string
  /** created_at and updated_at of every staff row, epoch milliseconds. */
  now: number
}

const district = { id: 1, code: 'SJ', name: '申江区' }

const centers = [
  ['SJ-BJ', '滨江街道', '滨江大道'],
  ['SJ-MY', '梅园街道', '梅园路'],
  ['SJ-DM', '东明街道', '东明路'],
  ['SJ-XG', '新港街道', '新港路'],
  ['SJ-YT', '云台街道', '云台路'],
  ['SJ-CS', '春申镇', '春申路'],
] as const

const countersPerCenter = { average: 8, min: 6, max: 10 }
const dedicatedCounterShare = 0.3
const certifiedFrom = Date.UTC(2022, 0, 1)
const certifiedTo = Date.UTC(2026, 9, 31)

/**
 * The demo district for one seed: the fixed catalog, then centers, counters and staff drawn from
 * a PRNG seeded with it, all with ids 1..n. Pure: the same seed and options give the same rows.
 */
export function generateDemoData(seed: number, options: GenerateOptions): DemoData {
  const faker = new Faker({ locale: base, seed })
  const catalog = buildCatalog()
  const skillIds = catalog.skill.map((s) => s.id)
  const data: DemoData = {
    ...catalog,
    district: [district],
    center: [],
    counter: [],
    counter_skill: [],
    staff: [],
    staff_skill: [],
    calendar_day: demoCalendar(),
  }
  const usernameCounts = new Map<string, number>()

  const addStaff = (
    centerId: number | null,
    role: Role,
    demo?: DemoAccount,
    departmentId: number | null = null,
  ) => {
    const person = demo
      ? { username: demo.username, display_name: demo.displayName }
      : randomPerson(faker, usernameCounts)
    const mayWorkPartTime = role === 'staff' && !demo
    const row: Selectable<StaffTable> = {
      id: data.staff.length + 1,
      version: 1,
      district_id: district.id,
      center_id: centerId,
      ...person,
      role,
      password_hash: options.passwordHash,
      status: 'active',
      phone: `13${faker.string.numeric(9)}`,
      weekly_minutes: 60 * (mayWorkPartTime ? randomWeeklyHours(faker) : 40),
      department_id: departmentId,
      failed_logins: 0,
      locked_until: null,
      password_reset_at: null,
      created_at: options.now,
      updated_at: options.now,
    }
    data.staff.push(row)
    return row.id
  }
  const certify = (staffId: number, skillId: number, level: number) => {
    const certifiedAt = new Date(faker.number.int({ min: certifiedFrom, max: certifiedTo }))
    const certified_on = certifiedAt.toISOString().slice(0, 10)
    data.staff_skill.push({ staff_id: staffId, skill_id: skillId, level, certified_on })
  }

  const [demoAdmin, demoManager, demoSupervisor, demoStaff, demoBackoffice] = demoAccounts
  addStaff(null, 'admin', demoAdmin)

  const counterCounts = spreadCounters(faker, centers.length)
  centers.forEach(([code, street, road], centerIndex) => {
    const centerId = centerIndex + 1
    data.center.push({
      id: centerId,
      version: 1,
      district_id: district.id,
      code,
      name: `${district.name}${street}社区事务受理服务中心`,
      address: `上海市${district.name}${road}${faker.number.int({ min: 1, max: 999 })}号`,
      phone: `021-5${faker.string.numeric(7)}`,
      status: 'open',
      // Every center opens on weekdays; about half also on Saturday mornings.
      opening_hours: JSON.stringify(openingHours(faker.datatype.boolean())),
    })

    const counterCount = counterCounts[centerIndex] ?? countersPerCenter.average
    const dedicatedCount = Math.round(counterCount * dedicatedCounterShare)
    const dedicated = new Set(faker.helpers.arrayElements(range(1, counterCount), dedicatedCount))
    // About half the centers have one window closed (under repair, or no one to staff it).
    const closed = faker.datatype.boolean() ? faker.number.int({ min: 1, max: counterCount }) : 0
    for (const number of range(1, counterCount)) {
      const counterId = data.counter.length + 1
      data.counter.push({
        id: counterId,
        version: 1,
        center_id: centerId,
        code: String(number).padStart(2, '0'),
        name: `${number}号窗口`,
        kind: dedicated.has(number) ? 'dedicated' : 'comprehensive',
        status: number === closed ? 'closed' : 'open',
      })
      if (!dedicated.has(number)) continue
      for (const skillId of faker.helpers.arrayElements(skillIds, { min: 1, max: 3 })) {
        data.counter_skill.push({ counter_id: counterId, skill_id: skillId })
      }
    }

    const demo = centerIndex === 0 ? [demoManager, demoSupervisor, demoStaff] : []
    // A few more people than counters, so rosters have slack for leave and part-timers.
    const peopleCount = counterCount + faker.number.int({ min: 4, max: 6 })
    for (const index of range(0, peopleCount - 1)) {
      const role = index === 0 ? 'manager' : index === 1 ? 'supervisor' : 'staff'
      const staffId = addStaff(centerId, role, demo[index])
      if (demo[index] === demoStaff) {
        for (const [skillCode, level] of demoStaffSkills) {
          certify(staffId, skillIdOf(catalog, skillCode), level)
        }
        continue
      }
      for (const skillId of faker.helpers.arrayElements(skillIds, randomSkillCount(faker))) {
        certify(staffId, skillId, randomLevel(faker))
      }
    }
  })

  // One back-office account per department, each housed at a center (after everyone else, so
  // the ids of the window staff stay what they were).
  for (const department of catalog.department) {
    const demo = department.code === demoBackofficeDepartment ? demoBackoffice : undefined
    const centerId = demo ? 1 : faker.number.int({ min: 1, max: centers.length })
    addStaff(centerId, 'backoffice', demo, department.id)
  }
  return data
}

function randomPerson(faker: Faker, usernameCounts: Map<string, number>) {
  const [surname, surnamePinyin] = faker.helpers.arrayElement(surnames)
  const [givenName, givenPinyin] = faker.helpers.arrayElement(givenNames)
  const pinyin = surnamePinyin + givenPinyin
  const count = (usernameCounts.get(pinyin) ?? 0) + 1
  usernameCounts.set(pinyin, count)
  return {
    username: `${pinyin}${String(count).padStart(2, '0')}`,
    display_name: surname + givenName,
  }
}

const openingHours = (saturdayMornings: boolean) => [
  ...range(1, 5).map((weekday) => ({ weekday, opens: '08:30', closes: '17:00' })),
  ...(saturdayMornings ? [{ weekday: 6, opens: '09:00', closes: '12:00' }] : []),
]

const randomWeeklyHours = (faker: Faker) =>
  faker.helpers.weightedArrayElement([
    { weight: 80, value: 40 },
    { weight: 12, value: 32 },
    { weight: 8, value: 20 },
  ])

const randomSkillCount = (faker: Faker) =>
  faker.helpers.weightedArrayElement([
    { weight: 20, value: 1 },
    { weight: 35, value: 2 },
    { weight: 30, value: 3 },
    { weight: 15, value: 4 },
  ])

const randomLevel = (faker: Faker) =>
  faker.helpers.weightedArrayElement([
    { weight: 30, value: 1 },
    { weight: 45, value: 2 },
    { weight: 25, value: 3 },
  ])

/** Counters per center varying between min and max, always adding up to average × centers. */
function spreadCounters(faker: Faker, centerCount: number): number[] {
  const counts = Array.from({ length: centerCount }, () => countersPerCenter.average)
  for (let move = 0; move < centerCount * 3; move++) {
    const from = faker.number.int({ min: 0, max: centerCount - 1 })
    const to = faker.number.int({ min: 0, max: centerCount - 1 })
    if (counts[from]! > countersPerCenter.min && counts[to]! < countersPerCenter.max) {
      counts[from]!--
      counts[to]!++
    }
  }
  return counts
}

function skillIdOf(catalog: Catalog, code: string): number {
  const skill = catalog.skill.find((s) => s.code === code)
  if (!skill) throw new Error(`Unknown skill ${code}`)
  return skill.id
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i)
}
