import { describe, expect, it } from 'vitest'
import { erlangC } from '../erlang/erlang-c.ts'
import {
  type SkillDemand,
  type StaffedCounter,
  assessBalance,
  focusMinutes,
  servableAt,
} from './balance.ts'
import { activeFocus, callOrder } from './focus.ts'
import { predictWait } from './predicted-wait.ts'

const minute = 60_000
const now = Date.UTC(2026, 10, 26, 2, 0) // 10:00 in Shanghai

describe('predictWait', () => {
  it('is Erlang C while the line is short', () => {
    const line = { waiting: 2, arrivalsPerHour: 30, meanServiceMinutes: 8, servers: 5 }
    const prediction = predictWait({ ...line, idleServers: 2 })
    expect(prediction.erlangSeconds).toBeCloseTo(erlangC(5, 30, 8).meanWaitSeconds, 9)
    expect(prediction.backlogSeconds).toBeCloseTo(((2 - 2 + 1) * 480) / 5, 9)
    expect(prediction.waitSeconds).toBeCloseTo(265.974, 3)
    expect(prediction).toMatchObject({ offeredLoad: 4, overloaded: false })
  })

  it('lets the backlog decide once the line is long: (n − f + 1) · S / c', () => {
    const prediction = predictWait({
      waiting: 12,
      arrivalsPerHour: 30,
      meanServiceMinutes: 8,
      servers: 5,
      idleServers: 0,
    })
    expect(prediction.backlogSeconds).toBe((13 * 480) / 5)
    expect(prediction.waitSeconds).toBe(1248)
  })

  it('uses the backlog alone when the load reaches the servers', () => {
    const prediction = predictWait({
      waiting: 3,
      arrivalsPerHour: 12,
      meanServiceMinutes: 10,
      servers: 2,
      idleServers: 1,
    })
    expect(prediction).toMatchObject({ overloaded: true, erlangSeconds: null })
    expect(prediction.waitSeconds).toBe((3 * 600) / 2)
  })

  it('calls a line with demand and nobody able unbounded, and a quiet one zero', () => {
    const nobody = { arrivalsPerHour: 4, meanServiceMinutes: 10, servers: 0, idleServers: 0 }
    expect(predictWait({ ...nobody, waiting: 1 })).toMatchObject({
      waitSeconds: null,
      overloaded: true,
    })
    expect(predictWait({ ...nobody, waiting: 0 })).toMatchObject({
      waitSeconds: null,
      overloaded: false,
    })
    expect(predictWait({ ...nobody, waiting: 0, arrivalsPerHour: 0 }).waitSeconds).toBe(0)
  })

  it('adds nothing for an empty line and nothing while free counters outnumber the waiting', () => {
    const line = { arrivalsPerHour: 6, meanServiceMinutes: 10, servers: 3 }
    expect(predictWait({ ...line, waiting: 0, idleServers: 0 }).backlogSeconds).toBe(0)
    expect(predictWait({ ...line, waiting: 1, idleServers: 3 }).backlogSeconds).toBe(0)
  })
})

describe('focusMinutes', () => {
  const line = { arrivalsPerHour: 6, meanServiceMinutes: 10, idleServers: 0 }
  it('stays until the backlog is back within the target, in quarter hours', () => {
    // 2 counters: 15 min allows 3 − 1 = 2 waiting; 10 − 2 = 8 to work off at 0.2 − 0.1 a minute.
    expect(focusMinutes({ ...line, waiting: 10, servers: 2 }, 900)).toBe(90)
    expect(focusMinutes({ ...line, waiting: 2, servers: 2 }, 900)).toBe(15)
  })

  it('takes the longest focus when even the strengthened line keeps growing', () => {
    expect(focusMinutes({ ...line, arrivalsPerHour: 20, waiting: 10, servers: 2 }, 900)).toBe(240)
    expect(focusMinutes({ ...line, waiting: 1000, servers: 2 }, 900)).toBe(240)
  })
})

describe('servableAt and activeFocus', () => {
  const focus = { skillId: 3, until: now + 30 * minute }
  it('offers a dedicated counter’s skills, and its focus while it lasts', () => {
    const counter = { comprehensive: false, skills: [1, 2], focus }
    expect(servableAt(counter, [1, 3, 4], now)).toEqual([1, 3])
    expect(servableAt(counter, [1, 3, 4], now + 30 * minute)).toEqual([1])
    expect(
      servableAt({ ...counter, focus: { skillId: 5, until: now + minute } }, [1], now),
    ).toEqual([1])
    expect(servableAt({ comprehensive: true, skills: [], focus: null }, [1, 4], now)).toEqual([
      1, 4,
    ])
  })

  it('knows an expired focus from an active one', () => {
    expect(activeFocus(focus, now)).toBe(focus)
    expect(activeFocus(focus, focus.until)).toBeNull()
    expect(activeFocus(null, now)).toBeNull()
  })
})

describe('callOrder', () => {
  const ticket = (id: string, skill: string, waitedMinutes: number, priority = false) => ({
    id,
    skill,
    issuedAt: now - waitedMinutes * minute,
    priority,
  })
  const waiting = [
    ticket('T1', 'tax', 13),
    ticket('S1', 'social', 5),
    ticket('T2', 'tax', 4),
    ticket('S2', 'social', 2, true),
  ]
  const server = { skills: ['tax', 'social'] }

  it('is the policy’s order without a focus', () => {
    expect(callOrder(waiting, server, now).map((t) => t.id)).toEqual(['T1', 'S2', 'S1', 'T2'])
  })

  it('calls the focus skill first, even before a rescued ticket of another line', () => {
    expect(callOrder(waiting, server, now, 'social').map((t) => t.id)).toEqual([
      'S2',
      'S1',
      'T1',
      'T2',
    ])
  })

  it('falls back to the other skills when nothing of the focus waits, and ignores a foreign focus', () => {
    const taxOnly = waiting.filter((t) => t.skill === 'tax')
    expect(callOrder(taxOnly, server, now, 'social').map((t) => t.id)).toEqual(['T1', 'T2'])
    expect(callOrder(waiting, { skills: ['tax'] }, now, 'social').map((t) => t.id)).toEqual([
      'T1',
      'T2',
    ])
  })
})

describe('assessBalance', () => {
  const social: SkillDemand = {
    skillId: 3,
    name: '社会保险类',
    waiting: 8,
    arrivalsPerHour: 8,
    meanServiceMinutes: 10,
  }
  const tax: SkillDemand = {
    skillId: 13,
    name: '税务类',
    waiting: 0,
    arrivalsPerHour: 2,
    meanServiceMinutes: 6,
  }
  const counter = (overrides: Partial<StaffedCounter>): StaffedCounter => ({
    counterId: 1,
    code: '01',
    staffName: '张敏',
    status: 'serving',
    since: now - 5 * minute,
    servable: [],
    certified: [],
    focus: null,
    ...overrides,
  })
  const busySocial = counter({ counterId: 2, code: '02', servable: [3], certified: [3] })
  const idleTaxCertifiedSocial = counter({
    counterId: 10,
    code: '10',
    staffName: '范杰',
    status: 'idle',
    since: now - 25 * minute,
    servable: [13],
    certified: [3, 13],
  })

  it('alerts on a line above target while a counter idles, and suggests the certified idle one', () => {
    const balance = assessBalance([social, tax], [busySocial, idleTaxCertifiedSocial], { now })
    const [socialLine, taxLine] = balance.skills
    expect(socialLine).toMatchObject({ servers: 1, idleServers: 0, alert: true })
    expect(socialLine!.prediction.waitSeconds).toBe(9 * 600)
    expect(taxLine).toMatchObject({ servers: 1, idleServers: 1, alert: false })
    expect(balance.idleCounters).toBe(1)
    expect(balance.suggestions).toEqual([
      {
        counterId: 10,
        code: '10',
        staffName: '范*',
        status: 'idle',
        since: now - 25 * minute,
        skillId: 3,
        skillName: '社会保险类',
        minutes: 75,
        waitBeforeSeconds: 5400,
        waitAfterSeconds: (8 - 1 + 1) * 300,
      },
    ])
  })

  it('raises no alert when every counter is busy, nor for an empty line', () => {
    const busyTax = { ...idleTaxCertifiedSocial, status: 'serving' as const }
    expect(assessBalance([social], [busySocial, busyTax], { now }).skills[0]!.alert).toBe(false)
    const empty = { ...social, waiting: 0, arrivalsPerHour: 30 }
    expect(
      assessBalance([empty], [idleTaxCertifiedSocial], { now }).skills[0]!.prediction.waitSeconds,
    ).toBeNull()
    expect(assessBalance([empty], [idleTaxCertifiedSocial], { now }).suggestions).toEqual([])
  })

  it('alerts on a line nobody on duty may serve and ranks idle before serving, longest idle first', () => {
    const idleLong = counter({
      counterId: 5,
      code: '05',
      staffName: '王小明',
      status: 'idle',
      since: now - 40 * minute,
      servable: [13],
      certified: [3, 13],
    })
    const serving = counter({ counterId: 7, code: '07', servable: [13], certified: [3, 13] })
    const balance = assessBalance(
      [{ ...social, waiting: 20 }, tax],
      [serving, idleTaxCertifiedSocial, idleLong],
      { now },
    )
    expect(balance.skills[0]!.prediction.waitSeconds).toBeNull()
    expect(balance.suggestions.map((s) => [s.code, s.staffName])).toEqual([
      ['05', '王*明'],
      ['10', '范*'],
      ['07', '张*'],
    ])
    expect(balance.suggestions[0]!.waitBeforeSeconds).toBeNull()
    expect(balance.suggestions[2]!.waitAfterSeconds).toBe(((20 - 2 + 1) * 600) / 3)
  })

  it('stops suggesting once the line is back under target, and caps the count', () => {
    const idle = (counterId: number) =>
      counter({ counterId, code: `0${counterId}`, status: 'idle', certified: [3] })
    const small = { ...social, waiting: 3 }
    const two = assessBalance([small], [busySocial, idle(4), idle(5)], { now })
    expect(two.suggestions.map((s) => s.counterId)).toEqual([4])
    const many = [idle(4), idle(5), idle(6), idle(7), idle(8)]
    const capped = assessBalance([{ ...social, waiting: 200 }], many, {
      now,
      maxSuggestionsPerSkill: 2,
    })
    expect(capped.suggestions).toHaveLength(2)
  })

  it('leaves paused counters, focused ones and counters of another alerted line alone', () => {
    const health: SkillDemand = { ...social, skillId: 7, name: '卫健计生类' }
    const paused = counter({ counterId: 4, status: 'paused', certified: [3] })
    const focused = counter({
      counterId: 5,
      status: 'idle',
      certified: [3, 13],
      servable: [13],
      focus: { skillId: 13, until: now + 10 * minute },
    })
    const healthIdle = counter({ counterId: 6, status: 'idle', certified: [3, 7], servable: [7] })
    const balance = assessBalance([social, health], [busySocial, paused, focused, healthIdle], {
      now,
    })
    expect(balance.skills.map((s) => s.alert)).toEqual([true, true])
    expect(balance.skills[0]!.pausedServers).toBe(0)
    expect(balance.suggestions).toEqual([])
  })

  it('suggests an idle counter already able when no other can help, once', () => {
    const ableIdle = counter({
      counterId: 9,
      status: 'idle',
      servable: [3, 13],
      certified: [3, 13],
    })
    const onlySocial = counter({ counterId: 8, status: 'idle', servable: [3], certified: [3] })
    const balance = assessBalance([{ ...social, waiting: 30 }], [onlySocial, ableIdle], { now })
    expect(balance.skills[0]!.alert).toBe(true)
    expect(balance.suggestions.map((s) => s.counterId)).toEqual([9])
    expect(balance.suggestions[0]!.waitAfterSeconds).toBe(balance.suggestions[0]!.waitBeforeSeconds)
  })
})
