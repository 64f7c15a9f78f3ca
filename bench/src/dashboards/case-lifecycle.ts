import { shanghaiToday } from '@onewindow/contracts'
import { randomApplicant } from '@onewindow/db/seed'
import {
  type SeededRandom,
  type WorkingCalendar,
  addWorkingDays,
  deadlineAfterPause,
  deadlineAfterRestart,
  shanghaiInstant,
} from '@onewindow/domain'
import { type CaseStatus, sealIdNumber } from '@onewindow/db'
import type { Item } from './district.ts'

const lateShare = 0.05
const materialsShare = 0.12
const deliveredShare = 0.65
const elsewhereDeliveredShare = 0.15
const hour = 3_600_000
const minute = 60_000

export interface CaseInput {
  acceptedAt: number
  item: Item
  /** The back-office account of the item's department, if it has one. */
  assigneeId: number | null
  centerId: number
  centerCount: number
  now: number
}

/** A case row's lifecycle columns, in the writer's order. */
export type CaseState = [
  status: CaseStatus,
  deadlineDay: string | null,
  completedAt: number | null,
  assigneeId: number | null,
  pausedAt: number | null,
  deliveredAt: number | null,
  deliveredCenterId: number | null,
  updatedAt: number,
]

/**
 * The demo seed's case model (caseStory in packages/db), columns only: commitment cases taken by
 * the back office, some waiting for materials (补正), most completed by the deadline and a few
 * late, most then delivered, the unfinished still open at `now`; immediate cases complete at
 * the window. Working-day arithmetic is memoized: unmemoized it cost ~60 µs a case, most of the
 * generator's time at millions of cases.
 */
// Sealing an ID number costs ~15 µs (a fresh IV and cipher): millions of cases share a thousand
// sealed numbers, chosen by their sequence digits, with the same stored size as their own.
const sealedIdNumbers = Array.from({ length: 1000 }, (_, i) =>
  sealIdNumber(`31010119900101${String(i).padStart(3, '0')}X`),
)

export function caseLifecycle(calendar: WorkingCalendar) {
  const add = memo((day: string, n: number) => addWorkingDays(day, n, calendar))
  const afterPause = memo((deadline: string, from: string, to: string) =>
    deadlineAfterPause(deadline, from, to, calendar),
  )
  const afterRestart = memo((day: string, n: number) => deadlineAfterRestart(day, n, calendar))
  const opening = memo((day: string) => shanghaiInstant(day, '09:00'))

  return (random: SeededRandom, input: CaseInput) => {
    const { acceptedAt, item, now } = input
    const applicant = randomApplicant(random)
    const sealed = sealedIdNumbers[Number(applicant.idNumber.slice(14, 17))]!
    const person = [applicant.name, sealed.encrypted, sealed.hash, applicant.phone] as const
    if (item.kind === 'immediate') {
      const state: CaseState = ['completed', null, acceptedAt, null, null, null, null, acceptedAt]
      return { state, person }
    }
    const promised = item.promised_days ?? 0
    const acceptedDay = shanghaiToday(acceptedAt)
    let deadline = add(acceptedDay, promised)
    const open = (status: CaseStatus, at: number, pausedAt: number | null = null) => {
      const assignee = status === 'accepted' ? null : input.assigneeId
      const state: CaseState = [status, deadline, null, assignee, pausedAt, null, null, at]
      return { state, person }
    }

    const takenAt = acceptedAt + Math.round(random.between(0.5, 26) * hour)
    if (takenAt >= now) return open('accepted', acceptedAt)
    let cursor = takenAt
    if (random.chance(materialsShare)) {
      const askedAt = cursor + Math.round(random.between(2, 20) * hour)
      if (askedAt >= now) return open('processing', takenAt)
      const suppliedAt = askedAt + Math.round(random.between(20, 72) * hour)
      if (suppliedAt >= now) return open('awaiting_materials', askedAt, askedAt)
      deadline = item.restart_on_materials
        ? afterRestart(shanghaiToday(suppliedAt), promised)
        : afterPause(deadline, shanghaiToday(askedAt), shanghaiToday(suppliedAt))
      cursor = suppliedAt
    }
    const finishDay = random.chance(lateShare)
      ? add(deadline, random.int(1, 3))
      : add(acceptedDay, random.int(Math.max(1, Math.round(promised * 0.4)), promised))
    const completedAt = Math.max(
      cursor + 30 * minute,
      opening(finishDay) + Math.round(random.between(0, 450) * minute),
    )
    if (completedAt >= now) return open('processing', cursor)
    const deliveredAt = completedAt + Math.round(random.between(4, 96) * hour)
    const assignee = input.assigneeId
    if (deliveredAt >= now || !random.chance(deliveredShare)) {
      const state: CaseState = [
        'completed',
        deadline,
        completedAt,
        assignee,
        null,
        null,
        null,
        completedAt,
      ]
      return { state, person }
    }
    const elsewhere = random.chance(elsewhereDeliveredShare)
    const center = elsewhere ? random.int(1, input.centerCount) : input.centerId
    const state: CaseState = [
      'delivered',
      deadline,
      completedAt,
      assignee,
      null,
      deliveredAt,
      center,
      deliveredAt,
    ]
    return { state, person }
  }
}

function memo<A extends (string | number)[], R>(fn: (...args: A) => R): (...args: A) => R {
  const cache = new Map<string, R>()
  return (...args) => {
    const key = args.join('|')
    if (!cache.has(key)) cache.set(key, fn(...args))
    return cache.get(key)!
  }
}
