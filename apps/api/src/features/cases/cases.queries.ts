import { type CaseStatus, type ListCasesInput, shanghaiToday } from '@onewindow/contracts'
import { type Database, idNumberLookupHash } from '@onewindow/db'
import {
  allowedCaseActions,
  caseNumber,
  maskName,
  maskPhone,
  trafficLight,
} from '@onewindow/domain'
import { type Kysely, sql } from 'kysely'
import { caseCalendar, urgencyOrder, whereLight } from './case-calendar.ts'
import { type CaseScope, whereCaseInScope } from './case-scope.ts'

type CaseFilters = Omit<ListCasesInput, 'centerId' | 'page' | 'pageSize' | 'sort'>

/** The cases in scope matching the filters, joined with the names a list shows. */
export function casesMatching(
  db: Kysely<Database>,
  scope: CaseScope,
  filters: CaseFilters,
  days: CaseDays,
) {
  const dayStart = (day: string) => Date.parse(`${day}T00:00:00+08:00`)
  return whereCaseInScope(
    db
      .selectFrom('service_case')
      .innerJoin('service_item', 'service_item.id', 'service_case.service_item_id')
      .innerJoin('center', 'center.id', 'service_case.center_id')
      .innerJoin('staff as accepted_by', 'accepted_by.id', 'service_case.staff_id')
      .leftJoin('department', 'department.id', 'service_case.department_id')
      .leftJoin('staff as assignee', 'assignee.id', 'service_case.assignee_id'),
    scope,
  )
    .$if(filters.departmentId !== undefined, (qb) =>
      qb.where('service_case.department_id', '=', filters.departmentId!),
    )
    .$if(filters.serviceItemId !== undefined, (qb) =>
      qb.where('service_case.service_item_id', '=', filters.serviceItemId!),
    )
    .$if(filters.status !== undefined, (qb) =>
      qb.where('service_case.status', '=', filters.status!),
    )
    .$if(filters.staffId !== undefined, (qb) =>
      qb.where('service_case.staff_id', '=', filters.staffId!),
    )
    .$if(filters.idNumber !== undefined, (qb) =>
      qb.where('service_case.applicant_id_number_hash', '=', idNumberLookupHash(filters.idNumber!)),
    )
    .$if(filters.from !== undefined, (qb) =>
      qb.where('service_case.accepted_at', '>=', dayStart(filters.from!)),
    )
    .$if(filters.to !== undefined, (qb) =>
      qb.where('service_case.accepted_at', '<', dayStart(filters.to!) + 86_400_000),
    )
    .$if(filters.light !== undefined, (qb) => whereLight(qb, filters.light!, days))
}

const listColumns = [
  'service_case.id',
  'service_case.status',
  'service_case.kind',
  'service_case.accepted_at',
  'service_case.deadline_day',
  'service_case.completed_at',
  'service_case.applicant_name',
  'service_case.applicant_phone',
  'service_case.center_id',
  'center.name as center_name',
  'service_item.name as item_name',
  'department.name as department_name',
  'accepted_by.display_name as accepted_by',
  'assignee.display_name as assignee',
] as const

/** One page of cases, residents masked, each with its number and traffic light. */
export async function listCases(
  db: Kysely<Database>,
  scope: CaseScope,
  input: Required<Pick<ListCasesInput, 'page' | 'pageSize' | 'sort'>> &
    CaseFilters & {
      /** The steps the caller may take on each row (back offices). */
      withActions?: boolean
    },
) {
  const days = await caseCalendar(db)
  const matching = casesMatching(db, scope, input, days)
  const [total, rows] = await Promise.all([
    matching.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    matching
      .select(listColumns)
      .$if(input.sort === 'urgency', (qb) =>
        qb
          .orderBy(urgencyOrder)
          .orderBy(sql`service_case.deadline_day is null`)
          .orderBy('service_case.deadline_day')
          .orderBy('service_case.id'),
      )
      .$if(input.sort === 'newest', (qb) =>
        qb.orderBy('service_case.accepted_at', 'desc').orderBy('service_case.id', 'desc'),
      )
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
  ])
  return {
    total: Number(total.n),
    rows: rows.map((row) => ({
      ...toListRow(row, days),
      actions: input.withActions ? allowedCaseActions(row.status) : [],
    })),
  }
}

interface ListRow {
  id: number
  status: CaseStatus
  kind: 'immediate' | 'commitment'
  accepted_at: number
  deadline_day: string | null
  completed_at: number | null
  applicant_name: string | null
  applicant_phone: string | null
  center_id: number
  center_name: string
  item_name: string
  department_name: string | null
  accepted_by: string
  assignee: string | null
}

type CaseDays = Awaited<ReturnType<typeof caseCalendar>>

function toListRow(row: ListRow, days: CaseDays) {
  const acceptedAt = Number(row.accepted_at)
  return {
    id: row.id,
    caseNumber: caseNumber(row.id, shanghaiToday(acceptedAt)),
    status: row.status,
    kind: row.kind,
    acceptedAt: new Date(acceptedAt),
    deadline: row.deadline_day,
    completedAt: row.completed_at === null ? null : new Date(Number(row.completed_at)),
    light: trafficLight(row.status, row.deadline_day, days.today, days.calendar),
    applicantName: row.applicant_name === null ? null : maskName(row.applicant_name),
    applicantPhone: row.applicant_phone === null ? null : maskPhone(row.applicant_phone),
    centerId: row.center_id,
    centerName: row.center_name,
    serviceItemName: row.item_name,
    departmentName: row.department_name,
    acceptedBy: row.accepted_by,
    assignee: row.assignee,
  }
}
