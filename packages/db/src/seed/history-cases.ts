import {
  type SeededRandom,
  type WorkingCalendar,
  addWorkingDays,
  deadlineAfterPause,
  deadlineAfterRestart,
  shanghaiInstant,
} from '@onewindow/domain'
import { shanghaiToday } from '@onewindow/contracts'
import type { Selectable } from 'kysely'
import type { CaseEventTable, CaseStatus, ServiceItemTable } from '../tables.ts'
import type { GeneratedCase } from './history-day.ts'
import { minutes } from './history-calendar.ts'
import { givenNames, surnames } from './people.ts'

const lateShare = 0.05
const materialsShare = 0.12
const deliveredShare = 0.65
const elsewhereDeliveredShare = 0.15
const hour = minutes(60)

type CaseEvent = Omit<Selectable<CaseEventTable>, 'id' | 'case_id'>
type CaseFields = Pick<
  GeneratedCase,
  | 'status'
  | 'deadline_day'
  | 'completed_at'
  | 'assignee_id'
  | 'paused_at'
  | 'delivered_at'
  | 'delivered_center_id'
  | 'updated_at'
  | 'applicant_name'
  | 'applicant_id_number'
  | 'applicant_phone'
>

export interface CaseStoryInput {
  acceptedAt: number
  item: Pick<
    Selectable<ServiceItemTable>,
    'kind' | 'promised_days' | 'restart_on_materials' | 'materials'
  >
  staffId: number
  /** The back-office account of the item's department, if it has one. */
  assigneeId: number | null
  centerId: number
  centerCount: number
  now: number
}

/** A resident with a plausible name, Shanghai ID number and mobile number. */
export function randomApplicant(random: SeededRandom) {
  const two = (min: number, max: number) => String(random.int(min, max)).padStart(2, '0')
  const birth = `${random.int(1945, 2005)}${two(1, 12)}${two(1, 28)}`
  const sequence = String(random.int(0, 999)).padStart(3, '0')
  const check = random.pick(['1', '2', '3', '4', '5', 'X'])
  return {
    name: random.pick(surnames)[0] + random.pick(givenNames)[0],
    idNumber: `3101${two(1, 20)}${birth}${sequence}${check}`,
    phone: `1${random.pick(['3', '5', '8'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`,
  }
}

/**
 * A case's whole story up to `now`, consistent with the case state machine: accepted at the
 * window; commitment cases taken by the back office, some sent back for materials (补正), most
 * completed by the deadline and a few late, then most delivered; those not finished by `now`
 * still open. Immediate cases are accepted and completed at the window.
 */
export function caseStory(
  random: SeededRandom,
  input: CaseStoryInput,
  calendar: WorkingCalendar,
): { fields: CaseFields; events: CaseEvent[] } {
  const { acceptedAt, item, now } = input
  const applicant = randomApplicant(random)
  const person = {
    applicant_name: applicant.name,
    applicant_id_number: applicant.idNumber,
    applicant_phone: applicant.phone,
  }
  const events: CaseEvent[] = []
  const step = (
    at: number,
    action: string,
    from: CaseStatus | null,
    to: CaseStatus,
    extra: Partial<CaseEvent> = {},
  ) =>
    events.push({
      at,
      action,
      from_status: from,
      to_status: to,
      staff_id: from === null || action === 'complete' ? input.staffId : input.assigneeId,
      note: null,
      deadline_before: null,
      deadline_after: null,
      materials: null,
      ...extra,
    })

  if (item.kind === 'immediate') {
    step(acceptedAt, 'accept', null, 'accepted')
    step(acceptedAt, 'complete', 'accepted', 'completed')
    const fields = { status: 'completed' as const, deadline_day: null, completed_at: acceptedAt }
    return { fields: { ...empty, ...person, ...fields, updated_at: acceptedAt }, events }
  }

  const acceptedDay = shanghaiToday(acceptedAt)
  const promised = item.promised_days ?? 0
  let deadline = addWorkingDays(acceptedDay, promised, calendar)
  step(acceptedAt, 'accept', null, 'accepted', { deadline_after: deadline })
  const open = (status: CaseStatus, pausedAt: number | null = null): CaseFields => ({
    ...empty,
    ...person,
    status,
    deadline_day: deadline,
    assignee_id: status === 'accepted' ? null : input.assigneeId,
    paused_at: pausedAt,
    updated_at: events.at(-1)!.at,
  })

  // Most are taken the same day; some wait in the inbox overnight.
  const takenAt = acceptedAt + random.between(0.5, 26) * hour
  if (takenAt >= now) return { fields: open('accepted'), events }
  step(takenAt, 'take', 'accepted', 'processing')

  let cursor = takenAt
  if (random.chance(materialsShare)) {
    const askedAt = cursor + random.between(2, 20) * hour
    if (askedAt >= now) return { fields: open('processing'), events }
    const wanted = (JSON.parse(item.materials) as string[]).slice(0, random.int(1, 2))
    step(askedAt, 'requestMaterials', 'processing', 'awaiting_materials', {
      materials: JSON.stringify(wanted),
    })
    const suppliedAt = askedAt + random.between(20, 72) * hour
    if (suppliedAt >= now) return { fields: open('awaiting_materials', askedAt), events }
    const before = deadline
    deadline = item.restart_on_materials
      ? deadlineAfterRestart(shanghaiToday(suppliedAt), promised, calendar)
      : deadlineAfterPause(deadline, shanghaiToday(askedAt), shanghaiToday(suppliedAt), calendar)
    step(suppliedAt, 'supplyMaterials', 'awaiting_materials', 'processing', {
      deadline_before: before,
      deadline_after: deadline,
    })
    cursor = suppliedAt
  }

  const finishDay = random.chance(lateShare)
    ? addWorkingDays(deadline, random.int(1, 3), calendar)
    : addWorkingDays(
        acceptedDay,
        random.int(Math.max(1, Math.round(promised * 0.4)), promised),
        calendar,
      )
  const completedAt = Math.max(
    cursor + minutes(30),
    shanghaiInstant(finishDay, '09:00') + minutes(random.between(0, 450)),
  )
  if (completedAt >= now) return { fields: open('processing'), events }
  step(completedAt, 'complete', 'processing', 'completed')
  const done = { ...open('completed'), completed_at: completedAt }

  const deliveredAt = completedAt + random.between(4, 96) * hour
  if (deliveredAt >= now || !random.chance(deliveredShare)) return { fields: done, events }
  const elsewhere = random.chance(elsewhereDeliveredShare)
  const deliveredCenter = elsewhere ? random.int(1, input.centerCount) : input.centerId
  step(deliveredAt, 'deliver', 'completed', 'delivered')
  return {
    fields: {
      ...done,
      status: 'delivered',
      delivered_at: deliveredAt,
      delivered_center_id: deliveredCenter,
      updated_at: deliveredAt,
    },
    events,
  }
}

const empty = {
  assignee_id: null,
  paused_at: null,
  delivered_at: null,
  delivered_center_id: null,
  completed_at: null,
}
