import type { RosterInstance } from '@onewindow/contracts'
import { addCalendarDays, weekdayOf } from '../calendar/working-days.ts'
import { SeededRandom } from '../random/seeded-random.ts'
import { minutesToClock } from './prepare.ts'

export interface RosterInstanceShape {
  staff: number
  skills: number
  days?: number
  /** A Monday. */
  start?: string
  seed?: number
}

const skillNames = [
  'civil',
  'pension',
  'medical',
  'household',
  'family',
  'tax',
  'housing',
  'veterans',
  'disability',
  'justice',
]

/** Demand over a weekday, peaking mid-morning and early afternoon like the demo centers. */
function dayProfile(slot: number): number {
  const hour = slot / 60
  return 0.6 + 0.5 * Math.exp(-((hour - 10) ** 2) / 2) + 0.3 * Math.exp(-((hour - 14.5) ** 2) / 2)
}

/**
 * A realistic random instance for tests and benchmarks: a Monday-to-Saturday week, staff with one
 * to three skills, full-timers and part-timers, a few days of leave, and demand sized so that the
 * team can cover most but not all of it.
 */
export function generateRosterInstance(shape: RosterInstanceShape): RosterInstance {
  const random = new SeededRandom(shape.seed ?? 1)
  const days = shape.days ?? 7
  const start = shape.start ?? '2026-12-07'
  const skills = Array.from({ length: shape.skills }, (_, index) =>
    index < skillNames.length ? skillNames[index]! : `skill${index + 1}`,
  )
  const popularity = skills.map(() => random.between(0.4, 1.6))
  const dates = Array.from({ length: days }, (_, day) => addCalendarDays(start, day))
  const staff = Array.from({ length: shape.staff }, (_, index) => {
    const fullTime = random.chance(0.8)
    const held = new Set([random.weighted(skills, (skill) => popularity[skills.indexOf(skill)]!)])
    while (held.size < 3 && random.chance(0.5)) held.add(random.pick(skills))
    const unavailable = dates.filter(() => random.chance(0.06))
    // Leave reduces the hours owed, as a day of leave counts as a worked day.
    const minMinutes = Math.max(0, (fullTime ? 1800 : 720) - 450 * unavailable.length)
    return {
      id: `S${String(index + 1).padStart(3, '0')}`,
      skills: [...held],
      minMinutes,
      maxMinutes: fullTime ? 2400 : 1440,
      maxDays: fullTime ? 5 : 3,
      unavailable,
      preferredOff: dates.filter(() => random.chance(0.08)),
    }
  })
  const dedicated = Math.max(1, Math.round(shape.staff / 12))
  const comprehensive = Math.ceil(shape.staff * 0.9) - dedicated
  const counters: RosterInstance['counters'] = [
    ...Array.from({ length: comprehensive }, (_, index) => ({
      id: `W${String(index + 1).padStart(2, '0')}`,
      kind: 'comprehensive' as const,
    })),
    ...Array.from({ length: dedicated }, (_, index) => ({
      id: `D${String(index + 1).padStart(2, '0')}`,
      kind: 'dedicated' as const,
      skills: [skills[index % skills.length]!],
    })),
  ]
  const openingHours = [1, 2, 3, 4, 5]
    .map((weekday) => ({ weekday, open: '08:30', close: '17:00' }))
    .concat([{ weekday: 6, open: '09:00', close: '12:00' }])
  // About 70% of the team's weekly minutes are needed, unevenly over skills and the day.
  const teamMinutes = staff.reduce((sum, member) => sum + member.maxMinutes, 0) * 0.7
  const slotShare = teamMinutes / 30 / (5 * 17 + 6 * 0.5)
  const totalPopularity = popularity.reduce((sum, value) => sum + value, 0)
  const demand = dates.flatMap((date) => {
    const weekday = weekdayOf(date)
    const hours = openingHours.find((entry) => entry.weekday === weekday)
    if (!hours) return []
    const dayWeight = weekday === 6 ? 0.5 : weekday === 1 ? 1.15 : 1
    const rows: RosterInstance['demand'] = []
    const [open, close] = [hours.open, hours.close].map(
      (clock) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3)),
    )
    for (let slot = open!; slot + 30 <= close!; slot += 30) {
      skills.forEach((skill, index) => {
        const mean =
          (slotShare * dayWeight * dayProfile(slot) * popularity[index]!) / totalPopularity
        const required = Math.max(0, Math.round(random.normal(mean, Math.sqrt(mean) / 2)))
        if (required > 0) rows.push({ date, slot: minutesToClock(slot), skill, required })
      })
    }
    return rows
  })
  return {
    center: `GEN-${shape.staff}x${shape.skills}-${shape.seed ?? 1}`,
    horizon: { start, days },
    slotMinutes: 30,
    openingHours,
    skills,
    counters,
    shiftTemplates: [
      {
        id: 'FULL',
        intervals: [
          ['08:30', '12:00'],
          ['13:00', '17:00'],
        ],
      },
      { id: 'AM', intervals: [['08:30', '12:00']] },
      { id: 'PM', intervals: [['13:00', '17:00']] },
      { id: 'MID', intervals: [['10:30', '14:30']] },
      { id: 'SAT', intervals: [['09:00', '12:00']] },
    ],
    staff,
    demand,
    rules: { minRestMinutes: 660, weights: { shortfall: 100, surplus: 1, preference: 5 } },
  }
}
