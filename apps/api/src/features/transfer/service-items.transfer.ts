import {
  type ImportIssue,
  type Locale,
  catalogCode,
  createItemInput,
  errorMessage,
} from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { insertItem, updateItemIn } from '../catalog/items.service.ts'
import { translateZodIssue } from '../../zod-messages.ts'
import type { Actor } from '../operation-log/log-chain.ts'
import { choice, optionalNumber, requiredNumber, splitList } from './cell-values.ts'
import { type Column, columnLabel } from './columns.ts'
import type { ImportPlan, ParsedRow } from './import-runner.ts'

export const serviceItemColumns = [
  { key: 'code', zh: '事项编码', en: 'Code', required: true },
  { key: 'name', zh: '事项名称', en: 'Name', required: true },
  { key: 'department', zh: '部门编码', en: 'Department code', required: true },
  { key: 'skill', zh: '技能编码', en: 'Skill code', required: true },
  { key: 'kind', zh: '类型', en: 'Kind', required: true },
  { key: 'promisedDays', zh: '承诺工作日', en: 'Promised working days' },
  { key: 'standardMinutes', zh: '标准时长(分钟)', en: 'Standard minutes', required: true },
  { key: 'workloadCoefficient', zh: '折算系数', en: 'Workload coefficient' },
  { key: 'materials', zh: '所需材料', en: 'Materials' },
  { key: 'centers', zh: '办理中心', en: 'Centers' },
  { key: 'status', zh: '状态', en: 'Status' },
] as const satisfies readonly Column[]

type Key = (typeof serviceItemColumns)[number]['key']

const allCenters = ['全区', '全部', 'all']
const kinds = { immediate: ['即办件', '即办'], commitment: ['承诺件', '承诺'] } as const
const statuses = { active: ['启用', '在用'], retired: ['停用', '已停用'] } as const

const rowSchema = z.object({
  code: catalogCode,
  name: z.string().min(1).max(128),
  department: catalogCode,
  skill: catalogCode,
  kind: choice(kinds),
  promisedDays: optionalNumber,
  standardMinutes: requiredNumber,
  workloadCoefficient: optionalNumber,
  materials: z.string().transform(splitList),
  centers: z
    .string()
    .transform((cell) =>
      cell === '' || allCenters.includes(cell.toLowerCase()) ? [] : splitList(cell),
    ),
  status: choice(statuses, 'active'),
}) satisfies z.ZodType<unknown, Record<Key, string>>
type ItemRow = z.output<typeof rowSchema>

interface Lookups {
  departments: Map<string, number>
  skills: Map<string, { id: number; status: string }>
  centers: Map<string, number>
  items: Map<string, number>
}

async function loadLookups(db: Kysely<Database>): Promise<Lookups> {
  const [departments, skills, centers, items] = await Promise.all([
    db.selectFrom('department').select(['id', 'code']).execute(),
    db.selectFrom('skill').select(['id', 'code', 'status']).execute(),
    db.selectFrom('center').select(['id', 'code']).execute(),
    db.selectFrom('service_item').select(['id', 'code']).execute(),
  ])
  const byCode = <T extends { code: string }, V>(rows: T[], value: (row: T) => V) =>
    new Map(rows.map((row) => [row.code.toLowerCase(), value(row)]))
  return {
    departments: byCode(departments, (d) => d.id),
    skills: byCode(skills, (s) => ({ id: s.id, status: s.status })),
    centers: byCode(centers, (c) => c.id),
    items: byCode(items, (i) => i.id),
  }
}

/** The item as the catalog's own create schema sees it, codes resolved to ids. */
function toItemInput(row: ItemRow, lookups: Lookups) {
  return createItemInput.safeParse({
    code: row.code,
    name: row.name,
    departmentId: lookups.departments.get(row.department.toLowerCase()),
    skillId: lookups.skills.get(row.skill.toLowerCase())?.id,
    kind: row.kind,
    promisedDays: row.promisedDays,
    standardMinutes: row.standardMinutes,
    workloadCoefficient: row.workloadCoefficient,
    materials: row.materials,
    availability: row.centers.length ? 'selected' : 'all',
    centerIds: row.centers.map((code) => lookups.centers.get(code.toLowerCase())),
  })
}

const columnOfField: Record<string, Key> = {
  departmentId: 'department',
  skillId: 'skill',
  centerIds: 'centers',
}

/** Service items, created or updated by code; all rules are the catalog's own. */
export async function serviceItemsImportPlan(
  db: Kysely<Database>,
  actor: Actor,
  locale: Locale,
): Promise<ImportPlan<Key, ItemRow>> {
  const lookups = await loadLookups(db)
  const label = (key: Key) => columnLabel(serviceItemColumns, key, locale)
  const issue = (line: number, key: Key, message: string): ImportIssue => ({
    line,
    column: label(key),
    message,
  })
  const count = async (rows: ParsedRow<ItemRow>[]) => {
    const updated = rows.filter(({ row }) => lookups.items.has(row.code.toLowerCase())).length
    return { created: rows.length - updated, updated }
  }
  return {
    columns: serviceItemColumns,
    schema: rowSchema,
    uniqueBy: 'code',
    check(row, line) {
      const issues: ImportIssue[] = []
      const unknown = errorMessage('transfer.unknownReference', locale)
      if (!lookups.departments.has(row.department.toLowerCase())) {
        issues.push(issue(line, 'department', `${unknown}: ${row.department}`))
      }
      const skill = lookups.skills.get(row.skill.toLowerCase())
      if (!skill) issues.push(issue(line, 'skill', `${unknown}: ${row.skill}`))
      else if (skill.status !== 'active') {
        issues.push(issue(line, 'skill', errorMessage('catalog.skillRetired', locale)))
      }
      for (const code of row.centers) {
        if (!lookups.centers.has(code.toLowerCase())) {
          issues.push(issue(line, 'centers', `${unknown}: ${code}`))
        }
      }
      if (issues.length > 0) return issues
      const parsed = toItemInput(row, lookups)
      if (parsed.success) return []
      return parsed.error.issues.map((zodIssue) => {
        const field = String(zodIssue.path[0] ?? '')
        const key = (columnOfField[field] ?? field) as Key
        return issue(line, key, translateZodIssue(zodIssue, locale))
      })
    },
    preview: count,
    async write(rows) {
      const outcome = await count(rows)
      await db.transaction().execute(async (trx) => {
        for (const { row } of rows) {
          const input = toItemInput(row, lookups)
          if (!input.success) throw input.error
          const id = lookups.items.get(row.code.toLowerCase())
          if (id === undefined) await insertItem(trx, actor, input.data, row.status)
          else await updateItemIn(trx, actor, { ...input.data, id, version: null }, row.status)
        }
      })
      return outcome
    },
  }
}

/** Every item, one row each, in the import's own columns: an export is also a template. */
export async function serviceItemsSheet(db: Kysely<Database>, locale: Locale) {
  const [items, offered] = await Promise.all([
    db
      .selectFrom('service_item')
      .innerJoin('department', 'department.id', 'service_item.department_id')
      .innerJoin('skill', 'skill.id', 'service_item.skill_id')
      .select([
        'service_item.id',
        'service_item.code',
        'service_item.name',
        'department.code as department',
        'skill.code as skill',
        'service_item.kind',
        'service_item.promised_days',
        'service_item.standard_minutes',
        'service_item.workload_coefficient',
        'service_item.materials',
        'service_item.availability',
        'service_item.status',
      ])
      .orderBy('service_item.code')
      .execute(),
    db
      .selectFrom('service_item_center')
      .innerJoin('center', 'center.id', 'service_item_center.center_id')
      .select(['service_item_center.service_item_id as item_id', 'center.code'])
      .orderBy('center.code')
      .execute(),
  ])
  const centersOf = new Map<number, string[]>()
  for (const { item_id, code } of offered)
    centersOf.set(item_id, [...(centersOf.get(item_id) ?? []), code])
  const zh = locale === 'zh-CN'
  const rows = items.map((item) => [
    item.code,
    item.name,
    item.department,
    item.skill,
    zh ? kinds[item.kind][0] : item.kind,
    item.promised_days ?? '',
    item.standard_minutes,
    Number(item.workload_coefficient),
    (JSON.parse(item.materials) as string[]).join('、'),
    item.availability === 'all'
      ? zh
        ? allCenters[0]!
        : 'all'
      : (centersOf.get(item.id) ?? []).join('、'),
    zh ? statuses[item.status][0] : item.status,
  ])
  return { sheetName: zh ? '服务事项' : 'Service items', columns: serviceItemColumns, rows }
}
