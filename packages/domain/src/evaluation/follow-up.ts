import {
  type FollowUpState,
  type TrafficLight,
  rectifyWorkingDays,
  revisitWorkingDays,
} from '@onewindow/contracts'
import {
  type WorkingCalendar,
  addWorkingDays,
  workingDaysBetween,
} from '../calendar/working-days.ts'

/** The last working days to revisit the resident and to rectify (回访 / 整改), 'YYYY-MM-DD'. */
export interface FollowUpDeadlines {
  revisitDue: string
  rectifyDue: string
}

/**
 * The deadlines of a follow-up opened by a poor rating on `ratedDay`, counted in working days as
 * case deadlines are: from the next working day, so a rating on Friday is revisited by Monday.
 */
export function followUpDeadlines(
  ratedDay: string,
  calendar: WorkingCalendar,
  days = { revisit: revisitWorkingDays, rectify: rectifyWorkingDays },
): FollowUpDeadlines {
  return {
    revisitDue: addWorkingDays(ratedDay, days.revisit, calendar),
    rectifyDue: addWorkingDays(ratedDay, days.rectify, calendar),
  }
}

export interface FollowUpClock extends FollowUpDeadlines {
  state: FollowUpState
}

/** The deadline of the step the follow-up waits for; null once it is closed. */
export function currentDue(followUp: FollowUpClock): string | null {
  if (followUp.state === 'revisit') return followUp.revisitDue
  if (followUp.state === 'rectify') return followUp.rectifyDue
  return null
}

/** Whether the step the follow-up waits for is past its deadline on `today`. */
export function isFollowUpOverdue(followUp: FollowUpClock, today: string): boolean {
  const due = currentDue(followUp)
  return due !== null && today > due
}

/**
 * The light of an open follow-up, as cases have: red once its current deadline passed, yellow on
 * the last working day, green before; none once closed.
 */
export function followUpLight(
  followUp: FollowUpClock,
  today: string,
  calendar: WorkingCalendar,
): Exclude<TrafficLight, 'paused'> | null {
  const due = currentDue(followUp)
  if (due === null) return null
  if (today > due) return 'red'
  return workingDaysBetween(today, due, calendar) < 1 ? 'yellow' : 'green'
}

export type FollowUpStep = 'revisit' | 'rectify'

/** Why a step cannot be recorded in this state, as an error code; null when it can. */
export function followUpStepRefusal(
  state: FollowUpState,
  step: FollowUpStep,
): 'evaluation.revisitFirst' | 'evaluation.followUpDone' | null {
  if (state === step) return null
  if (step === 'rectify' && state === 'revisit') return 'evaluation.revisitFirst'
  return 'evaluation.followUpDone'
}

/** The state after a step is recorded: a revisit leaves the rectification, which closes it. */
export function stateAfter(step: FollowUpStep): FollowUpState {
  return step === 'revisit' ? 'rectify' : 'closed'
}
