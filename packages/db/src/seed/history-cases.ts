import {
  type SeededRandom,
  type WorkingCalendar,
  addWorkingDays,
  shanghaiInstant,
} from '@onewindow/domain'
import type { CaseStatus } from '../tables.ts'
import { minutes } from './history-calendar.ts'

const lateShare = 0.05
const awaitingMaterialsShare = 0.12
const deliveredShare = 0.65

export interface CommitmentProgress {
  status: CaseStatus
  deadline_day: string
  completed_at: number | null
}

/**
 * Where a commitment case accepted on `day` stands at `now`: due `promisedDays` working days on;
 * most finish before the deadline, a few late; those due to finish after `now` are still open.
 */
export function commitmentProgress(
  random: SeededRandom,
  input: { day: string; acceptedAt: number; promisedDays: number; now: number },
  calendar: WorkingCalendar,
): CommitmentProgress {
  const { day, acceptedAt, promisedDays, now } = input
  const deadline_day = addWorkingDays(day, promisedDays, calendar)
  const finishDay = random.chance(lateShare)
    ? addWorkingDays(deadline_day, random.int(1, 3), calendar)
    : addWorkingDays(
        day,
        random.int(Math.max(1, Math.round(promisedDays * 0.4)), promisedDays),
        calendar,
      )
  const finishedAt = Math.max(
    acceptedAt + minutes(30),
    shanghaiInstant(finishDay, '09:00') + minutes(random.between(0, 450)),
  )
  if (finishedAt >= now) {
    const status = random.chance(awaitingMaterialsShare) ? 'awaiting_materials' : 'processing'
    return { status, deadline_day, completed_at: null }
  }
  const status = random.chance(deliveredShare) ? 'delivered' : 'completed'
  return { status, deadline_day, completed_at: finishedAt }
}
