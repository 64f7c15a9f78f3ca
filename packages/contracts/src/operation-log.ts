import { z } from 'zod'
import { caseActions } from './cases.ts'
import { centerScopeInput, id, pageInput } from './common.ts'

/**
 * Every action the API writes to the operation log, by feature. The log writer accepts only
 * these codes, and the viewer has a name for each (a web test checks both languages): a new
 * action goes here and into the operation log's messages.
 */
export const operationActionGroups = {
  auth: [
    'login',
    'logout',
    'loginFailed',
    'locked',
    'changePassword',
    'enableTwoFactor',
    'disableTwoFactor',
  ],
  staff: [
    'create',
    'update',
    'setStatus',
    'unlock',
    'resetPassword',
    'setSkill',
    'bulkAssignSkill',
    'endSessions',
    'resetTwoFactor',
  ],
  catalog: [
    'createDepartment',
    'updateDepartment',
    'deleteDepartment',
    'createSkill',
    'updateSkill',
    'setSkillStatus',
    'deleteSkill',
    'createItem',
    'updateItem',
    'setItemStatus',
    'deleteItem',
  ],
  center: ['create', 'update', 'setOpeningHours'],
  counter: ['create', 'update', 'setStatus', 'delete'],
  calendar: ['setDay', 'clearDay'],
  queue: [
    'issue',
    'call',
    'recall',
    'noShow',
    'start',
    'finish',
    'transfer',
    'openCounter',
    'closeCounter',
    'pause',
    'resume',
    'cancelAutoCall',
    'registerKiosk',
    'revokeKiosk',
    'revealIdNumber',
  ],
  appointment: ['book', 'cancel'],
  case: ['accept', 'reveal', 'revealIdNumber', ...caseActions],
  balancing: ['setFocus', 'clearFocus'],
  roster: ['editShift', 'publish', 'autoSchedule', 'autoScheduleStart'],
  leave: ['request', 'approved', 'rejected', 'withdrawn'],
  quota: ['create', 'end', 'allowMore'],
  evaluation: ['rate', 'revisit', 'rectify', 'appeal', 'decideAppeal'],
  audit: ['savePlan', 'runSample', 'adHoc', 'submit', 'acknowledge', 'rectify', 'close', 'reopen'],
  anomaly: ['dismiss', 'audit', 'recompute'],
} as const

type Groups = typeof operationActionGroups
export type OperationActionGroup = keyof Groups
export type OperationAction = {
  [G in OperationActionGroup]: `${G}.${Groups[G][number]}`
}[OperationActionGroup]

export const operationActions = Object.entries(operationActionGroups).flatMap(([group, codes]) =>
  codes.map((code) => `${group}.${code}`),
) as OperationAction[]

/** The kinds of record a log entry names (its target). */
export const operationTargetTypes = [
  'staff',
  'department',
  'skill',
  'service_item',
  'center',
  'counter',
  'calendar_day',
  'ticket',
  'kiosk',
  'appointment',
  'service_case',
  'roster',
  'roster_week',
  'leave_request',
  'quota',
  'evaluation',
  'evaluation_follow_up',
  'audit_plan',
  'audit_sample',
  'audit_task',
  'audit_finding',
  'anomaly_flag',
  'anomaly_day',
] as const
export type OperationTargetType = (typeof operationTargetTypes)[number]

/** An export holds at most this many entries, the newest first. */
export const operationLogExportCap = 5000

export const operationLogFilterInput = centerScopeInput.extend({
  /** Any of these codes; older codes no longer written are still accepted. */
  actions: z.array(z.string().trim().min(1).max(64)).max(100).optional(),
  actorId: id.optional(),
  targetType: z.string().trim().min(1).max(32).optional(),
  targetId: z.string().trim().min(1).max(64).optional(),
  /** Entries at or after `from` and before `to`. */
  from: z.date().optional(),
  to: z.date().optional(),
  /** Free text found in the before or after values (as written, not as a pattern). */
  text: z.string().trim().min(1).max(100).optional(),
})
export type OperationLogFilter = z.infer<typeof operationLogFilterInput>

export const listOperationLogInput = operationLogFilterInput.extend(pageInput.shape)
