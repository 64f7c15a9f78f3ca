import type { ListCasesInput, Locale } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'
import type { CaseScope } from '../cases/case-scope.ts'
import { listCases } from '../cases/cases.queries.ts'
import type { Column } from './columns.ts'
import type { Sheet } from './sheet-download.ts'

/** More than a district accepts in a quarter; a bigger export should narrow its filters. */
const maxRows = 50_000

const columns: Column[] = [
  { key: 'caseNumber', zh: '办件编号', en: 'Case number' },
  { key: 'center', zh: '受理中心', en: 'Center' },
  { key: 'item', zh: '服务事项', en: 'Service item' },
  { key: 'department', zh: '部门', en: 'Department' },
  { key: 'kind', zh: '办件类型', en: 'Kind' },
  { key: 'status', zh: '状态', en: 'Status' },
  { key: 'acceptedAt', zh: '受理时间', en: 'Accepted at' },
  { key: 'deadline', zh: '办结时限', en: 'Deadline' },
  { key: 'light', zh: '时限灯', en: 'Light' },
  { key: 'acceptedBy', zh: '受理人', en: 'Accepted by' },
  { key: 'assignee', zh: '后台经办人', en: 'Back office' },
  { key: 'applicant', zh: '申请人', en: 'Applicant' },
  { key: 'phone', zh: '联系电话', en: 'Phone' },
]

const statusNames: Record<string, string> = {
  accepted: '已受理',
  processing: '办理中',
  awaiting_materials: '待补正',
  suspended: '已中止',
  completed: '已办结',
  delivered: '已送达',
  rejected: '不予受理',
}
const lightNames: Record<string, string> = {
  green: '绿灯',
  yellow: '黄灯',
  red: '红灯',
  paused: '暂停计时',
}
const kindNames: Record<string, string> = { immediate: '即办件', commitment: '承诺件' }

/** The cases matching a list's filters, applicants masked as everywhere else. */
export async function casesSheet(
  db: Kysely<Database>,
  scope: CaseScope,
  filters: Omit<ListCasesInput, 'centerId' | 'page' | 'pageSize' | 'sort'>,
  locale: Locale,
): Promise<Sheet> {
  const { rows } = await listCases(db, scope, {
    ...filters,
    sort: 'newest',
    page: 1,
    pageSize: maxRows,
  })
  const zh = locale === 'zh-CN'
  const name = (names: Record<string, string>, key: string | null) =>
    key === null ? '' : zh ? (names[key] ?? key) : key
  return {
    sheetName: zh ? '办件' : 'Cases',
    columns,
    rows: rows.map((row) => [
      row.caseNumber,
      row.centerName,
      row.serviceItemName,
      row.departmentName ?? '',
      name(kindNames, row.kind),
      name(statusNames, row.status),
      row.acceptedAt.toISOString(),
      row.deadline ?? '',
      name(lightNames, row.light),
      row.acceptedBy,
      row.assignee ?? '',
      row.applicantName ?? '',
      row.applicantPhone ?? '',
    ]),
  }
}
