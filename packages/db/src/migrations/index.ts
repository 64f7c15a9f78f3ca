import type { Migration } from 'kysely'
import * as district from './2026-11-26-01-district.ts'
import * as center from './2026-11-26-02-center.ts'
import * as department from './2026-11-26-03-department.ts'
import * as skill from './2026-11-26-04-skill.ts'
import * as serviceItem from './2026-11-26-05-service-item.ts'
import * as counter from './2026-11-26-06-counter.ts'
import * as counterSkill from './2026-11-26-07-counter-skill.ts'
import * as staff from './2026-11-26-08-staff.ts'
import * as staffSkill from './2026-11-26-09-staff-skill.ts'
import * as session from './2026-11-26-10-session.ts'
import * as operationLog from './2026-11-26-11-operation-log.ts'
import * as operationLogHead from './2026-11-26-12-operation-log-head.ts'
import * as serviceItemWorkloadCoefficient from './2026-11-26-13-service-item-workload-coefficient.ts'
import * as serviceItemAvailability from './2026-11-26-14-service-item-availability.ts'
import * as serviceItemCenter from './2026-11-26-15-service-item-center.ts'
import * as skillStatus from './2026-11-26-16-skill-status.ts'
import * as centerOpeningHours from './2026-11-26-17-center-opening-hours.ts'
import * as calendarDay from './2026-11-26-18-calendar-day.ts'
import * as staffWeeklyMinutes from './2026-11-26-19-staff-weekly-minutes.ts'
import * as staffWeeklyMinutesData from './2026-11-26-20-staff-weekly-minutes-data.ts'
import * as staffDropWeeklyHours from './2026-11-26-21-staff-drop-weekly-hours.ts'
import * as staffPasswordReset from './2026-11-26-22-staff-password-reset.ts'
import * as ticket from './2026-11-26-23-ticket.ts'
import * as ticketEvent from './2026-11-26-24-ticket-event.ts'
import * as ticketSequence from './2026-11-26-25-ticket-sequence.ts'
import * as serviceCase from './2026-11-26-26-service-case.ts'
import * as counterSession from './2026-11-26-27-counter-session.ts'
import * as kiosk from './2026-11-26-28-kiosk.ts'
import * as ticketLineIndex from './2026-11-26-29-ticket-line-index.ts'
import * as ticketPriorityIndex from './2026-11-26-30-ticket-priority-index.ts'
import * as ticketCounterIndex from './2026-11-26-31-ticket-counter-index.ts'
import * as appointment from './2026-11-26-32-appointment.ts'
import * as ticketAppointmentIndex from './2026-11-26-33-ticket-appointment-index.ts'
import * as counterSessionAutoCallAt from './2026-11-26-34-counter-session-auto-call-at.ts'
import * as caseWorkflow from './2026-11-26-35-case-workflow.ts'
import * as caseEvent from './2026-11-26-36-case-event.ts'
import * as staffDepartment from './2026-11-26-37-staff-department.ts'
import * as serviceItemRestart from './2026-11-26-38-service-item-restart.ts'
import * as counterPause from './2026-11-26-39-counter-pause.ts'
import * as counterSessionLog from './2026-11-26-39-counter-session-log.ts'
import * as counterFocus from './2026-11-26-40-counter-focus.ts'
import * as roster from './2026-11-26-41-roster.ts'
import * as quota from './2026-11-26-42-quota.ts'
import * as quotaEach from './2026-11-26-43-quota-each.ts'
import * as kpiRollup from './2026-11-26-44-kpi-rollup.ts'
import * as evaluation from './2026-11-26-45-evaluation.ts'
import * as audit from './2026-11-27-46-audit.ts'
import * as anomaly from './2026-11-27-47-anomaly.ts'
import * as oplogIndex from './2026-11-27-48-oplog-index.ts'
import * as kpiSatisfaction from './2026-11-27-49-kpi-satisfaction.ts'
import * as twoFactor from './2026-11-27-50-two-factor.ts'
import * as twoFactorChallenge from './2026-11-27-50-two-factor-challenge.ts'
import * as idempotencyKey from './2026-11-27-51-idempotency-key.ts'
import * as rowVersion from './2026-11-27-52-row-version.ts'
import * as idNumberEncryption from './2026-11-27-53-id-number-encryption.ts'
import * as operationLogSeal from './2026-11-27-54-operation-log-seal.ts'

/** Every migration, in order. Add new ones at the end; never edit a released one. */
export const migrations: Record<string, Migration> = {
  '2026-11-26-01-district': district,
  '2026-11-26-02-center': center,
  '2026-11-26-03-department': department,
  '2026-11-26-04-skill': skill,
  '2026-11-26-05-service-item': serviceItem,
  '2026-11-26-06-counter': counter,
  '2026-11-26-07-counter-skill': counterSkill,
  '2026-11-26-08-staff': staff,
  '2026-11-26-09-staff-skill': staffSkill,
  '2026-11-26-10-session': session,
  '2026-11-26-11-operation-log': operationLog,
  '2026-11-26-12-operation-log-head': operationLogHead,
  '2026-11-26-13-service-item-workload-coefficient': serviceItemWorkloadCoefficient,
  '2026-11-26-14-service-item-availability': serviceItemAvailability,
  '2026-11-26-15-service-item-center': serviceItemCenter,
  '2026-11-26-16-skill-status': skillStatus,
  '2026-11-26-17-center-opening-hours': centerOpeningHours,
  '2026-11-26-18-calendar-day': calendarDay,
  '2026-11-26-19-staff-weekly-minutes': staffWeeklyMinutes,
  '2026-11-26-20-staff-weekly-minutes-data': staffWeeklyMinutesData,
  '2026-11-26-21-staff-drop-weekly-hours': staffDropWeeklyHours,
  '2026-11-26-22-staff-password-reset': staffPasswordReset,
  '2026-11-26-23-ticket': ticket,
  '2026-11-26-24-ticket-event': ticketEvent,
  '2026-11-26-25-ticket-sequence': ticketSequence,
  '2026-11-26-26-service-case': serviceCase,
  '2026-11-26-27-counter-session': counterSession,
  '2026-11-26-28-kiosk': kiosk,
  '2026-11-26-29-ticket-line-index': ticketLineIndex,
  '2026-11-26-30-ticket-priority-index': ticketPriorityIndex,
  '2026-11-26-31-ticket-counter-index': ticketCounterIndex,
  '2026-11-26-32-appointment': appointment,
  '2026-11-26-33-ticket-appointment-index': ticketAppointmentIndex,
  '2026-11-26-34-counter-session-auto-call-at': counterSessionAutoCallAt,
  '2026-11-26-35-case-workflow': caseWorkflow,
  '2026-11-26-36-case-event': caseEvent,
  '2026-11-26-37-staff-department': staffDepartment,
  '2026-11-26-38-service-item-restart': serviceItemRestart,
  '2026-11-26-39-counter-pause': counterPause,
  '2026-11-26-39-counter-session-log': counterSessionLog,
  '2026-11-26-40-counter-focus': counterFocus,
  '2026-11-26-41-roster': roster,
  '2026-11-26-42-quota': quota,
  '2026-11-26-43-quota-each': quotaEach,
  '2026-11-26-44-kpi-rollup': kpiRollup,
  '2026-11-26-45-evaluation': evaluation,
  '2026-11-27-46-audit': audit,
  '2026-11-27-47-anomaly': anomaly,
  '2026-11-27-48-oplog-index': oplogIndex,
  '2026-11-27-49-kpi-satisfaction': kpiSatisfaction,
  '2026-11-27-50-two-factor': twoFactor,
  '2026-11-27-50-two-factor-challenge': twoFactorChallenge,
  '2026-11-27-51-idempotency-key': idempotencyKey,
  '2026-11-27-52-row-version': rowVersion,
  '2026-11-27-53-id-number-encryption': idNumberEncryption,
  '2026-11-27-54-operation-log-seal': operationLogSeal,
}
