import {
  type WorkingCalendar,
  addWorkingDays,
  workingDaysBetween,
} from '../calendar/working-days.ts'
import type { CaseStatus, TrafficLight } from '@onewindow/contracts'
import { isClockPaused, isOpenCase } from './case-states.ts'

/**
 * The deadline after the clock was stopped from `pausedOn` to `resumedOn` (suspension, or waiting
 * for materials on an item that does not restart): pushed back by the working days it stood still.
 */
export function deadlineAfterPause(
  deadline: string,
  pausedOn: string,
  resumedOn: string,
  calendar: WorkingCalendar,
): string {
  const stood = Math.max(0, workingDaysBetween(pausedOn, resumedOn, calendar))
  return addWorkingDays(deadline, stood, calendar)
}

/**
 * The deadline when materials supplied (补正) start the promise over, for items configured so: the
 * full promised working days from the day the materials came, counting from the next working day.
 */
export function deadlineAfterRestart(
  suppliedOn: string,
  promisedDays: number,
  calendar: WorkingCalendar,
): string {
  return addWorkingDays(suppliedOn, promisedDays, calendar)
}

/**
 * The light of an open commitment case on `today`: red once the deadline has passed, yellow on
 * the last working day (less than one working day left), green before; paused while its clock is
 * stopped. Closed and immediate cases have none.
 */
export function trafficLight(
  status: CaseStatus,
  deadline: string | null,
  today: string,
  calendar: WorkingCalendar,
): TrafficLight | null {
  if (deadline === null || !isOpenCase(status)) return null
  if (isClockPaused(status)) return 'paused'
  if (today > deadline) return 'red'
  return workingDaysBetween(today, deadline, calendar) < 1 ? 'yellow' : 'green'
}
