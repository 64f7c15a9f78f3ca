// Properties that must hold on any day, checked on random multi-skill days with split shifts.
import { describe, expect, it } from 'vitest'
import { dispatchPolicyNames } from '../dispatch/choose.ts'
import { formatClock, parseClock } from './clock.ts'
import { simulate } from './simulate.ts'
import { seededRandom } from './test-days.ts'
import type { SimulationInput } from './types.ts'

const skills = ['civil', 'medical', 'tax']
const shifts: [string, string][][] = [
  [
    ['08:30', '12:00'],
    ['13:00', '17:00'],
  ],
  [['09:00', '16:00']],
  [['12:00', '17:30']],
]

function randomDay(random: () => number): SimulationInput {
  const pickSome = () =>
    skills.filter(() => random() < 0.5).concat(skills[Math.floor(random() * 3)]!)
  const counters = Array.from({ length: 6 }, (_, index) =>
    index < 2
      ? { id: `D${index}`, kind: 'dedicated' as const, skills: [skills[index]!] }
      : { id: `W${index}`, kind: 'comprehensive' as const },
  )
  const staff = Array.from({ length: 3 + Math.floor(random() * 4) }, (_, index) => ({
    id: `S${index}`,
    skills: [...new Set(pickSome())],
    counter: counters[Math.floor(random() * counters.length)]!.id,
    onDuty: shifts[Math.floor(random() * shifts.length)]!,
  }))
  const arrivals = Array.from({ length: 60 + Math.floor(random() * 120) }, (_, index) => {
    const at = 8 * 3600 + Math.floor(random() * 9.5 * 3600)
    return {
      id: `T${index}`,
      at: formatClock(at),
      skill: skills[Math.floor(random() * 3)]!,
      serviceSeconds: Math.round(-Math.log(1 - random()) * 480),
      priority: random() < 0.1,
      appointmentAt: random() < 0.05 ? formatClock(at + 600) : null,
    }
  })
  return { staff, counters, arrivals, targetWaitSeconds: 900 }
}

/** Stretches when a staff member was on duty and not serving. */
function freeStretches(onDuty: [number, number][], busy: [number, number][]): [number, number][] {
  return onDuty.flatMap(([start, end]) => {
    const free: [number, number][] = []
    let from = start
    for (const [busyFrom, busyTo] of [...busy].sort((a, b) => a[0] - b[0])) {
      if (busyFrom > from) free.push([from, Math.min(busyFrom, end)])
      from = Math.max(from, busyTo)
    }
    if (from < end) free.push([from, end])
    return free.filter(([a, b]) => a < b)
  })
}

describe('simulate on random multi-skill days', () => {
  it.each(dispatchPolicyNames)('keeps every invariant with the %s policy', (policy) => {
    const random = seededRandom(42)
    for (let round = 0; round < 30; round++) {
      const input = randomDay(random)
      const output = simulate({ ...input, policy })
      expect(output.tickets.map((ticket) => ticket.id)).toEqual(input.arrivals.map((a) => a.id))
      for (const member of input.staff) {
        const counter = input.counters.find((c) => c.id === member.counter)!
        const able = member.skills.filter(
          (s) => counter.kind === 'comprehensive' || counter.skills.includes(s),
        )
        const onDuty = member.onDuty.map(([start, end]): [number, number] => [
          parseClock(start)!,
          parseClock(end)!,
        ])
        const served = output.tickets.flatMap((ticket, index) => {
          if (ticket.staff !== member.id) return []
          const arrival = input.arrivals[index]!
          const calledAt = parseClock(ticket.calledAt!)!
          expect(able).toContain(arrival.skill)
          expect(onDuty.some(([start, end]) => start <= calledAt && calledAt < end)).toBe(true)
          expect(ticket.waitSeconds).toBe(calledAt - parseClock(arrival.at)!)
          return [[calledAt, calledAt + arrival.serviceSeconds] as [number, number]]
        })
        served.sort((a, b) => a[0] - b[0])
        served
          .slice(1)
          .forEach(([start], index) => expect(start).toBeGreaterThanOrEqual(served[index]![1]))
        // Work-conserving: while one of their tickets waited, this member was never on duty and free.
        const free = freeStretches(onDuty, served)
        output.tickets.forEach((ticket, index) => {
          const arrival = input.arrivals[index]!
          if (!able.includes(arrival.skill)) return
          const from = parseClock(arrival.at)!
          const to = ticket.calledAt === null ? Infinity : parseClock(ticket.calledAt)!
          const idle = free.find(([start, end]) => Math.max(start, from) < Math.min(end, to))
          expect(idle, `${member.id} idle while ${ticket.id} waited`).toBeUndefined()
        })
      }
    }
  })
})
