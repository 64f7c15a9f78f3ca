import type { ItemSortField, ListItemsInput } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'
import { notFound } from '../../errors.ts'
import { inUseSql } from './catalog-references.ts'
import { containsLiteral } from '../../text-search.ts'

type ListItemsQuery = Required<Pick<ListItemsInput, 'page' | 'pageSize' | 'sortBy' | 'sortOrder'>> &
  Omit<ListItemsInput, 'page' | 'pageSize' | 'sortBy' | 'sortOrder'>

const sortColumns = {
  code: 'service_item.code',
  name: 'service_item.name',
  standardMinutes: 'service_item.standard_minutes',
  workloadCoefficient: 'service_item.workload_coefficient',
  promisedDays: 'service_item.promised_days',
} as const satisfies Record<ItemSortField, string>

function parseMaterials(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? value.filter((m): m is string => typeof m === 'string') : []
  } catch {
    return []
  }
}

/** The centers listed for each item (only 'selected' items have rows), with their names. */
async function centersOf(db: Kysely<Database>, itemIds: number[]) {
  const byItem = new Map<number, { id: number; name: string }[]>()
  if (itemIds.length === 0) return byItem
  const rows = await db
    .selectFrom('service_item_center')
    .innerJoin('center', 'center.id', 'service_item_center.center_id')
    .select(['service_item_center.service_item_id as item_id', 'center.id', 'center.name'])
    .where('service_item_center.service_item_id', 'in', itemIds)
    .orderBy('center.id')
    .execute()
  for (const { item_id, ...center } of rows) {
    byItem.set(item_id, [...(byItem.get(item_id) ?? []), center])
  }
  return byItem
}

function itemQuery(db: Kysely<Database>) {
  return db
    .selectFrom('service_item')
    .innerJoin('department', 'department.id', 'service_item.department_id')
    .innerJoin('skill', 'skill.id', 'service_item.skill_id')
}

const itemColumns = [
  'service_item.id',
  'service_item.code',
  'service_item.name',
  'service_item.department_id',
  'department.name as department_name',
  'service_item.skill_id',
  'skill.name as skill_name',
  'skill.status as skill_status',
  'service_item.kind',
  'service_item.promised_days',
  'service_item.restart_on_materials',
  'service_item.standard_minutes',
  'service_item.workload_coefficient',
  'service_item.materials',
  'service_item.status',
  'service_item.availability',
  'service_item.version',
] as const

/** One page of items, filtered and sorted by the server (a stable order: ties break on id). */
export async function listItems(db: Kysely<Database>, query: ListItemsQuery) {
  const search = query.search || null
  const filtered = itemQuery(db)
    .$if(search !== null, (qb) =>
      qb.where((eb) =>
        eb.or([
          containsLiteral('service_item.name', search!),
          containsLiteral('service_item.code', search!),
        ]),
      ),
    )
    .$if(query.departmentId !== undefined, (qb) =>
      qb.where('service_item.department_id', '=', query.departmentId!),
    )
    .$if(query.skillId !== undefined, (qb) =>
      qb.where('service_item.skill_id', '=', query.skillId!),
    )
    .$if(query.kind !== undefined, (qb) => qb.where('service_item.kind', '=', query.kind!))
    .$if(query.status !== undefined, (qb) => qb.where('service_item.status', '=', query.status!))
    .$if(query.centerId !== undefined, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('service_item.availability', '=', 'all'),
          eb.exists(
            eb
              .selectFrom('service_item_center')
              .select('service_item_center.center_id')
              .whereRef('service_item_center.service_item_id', '=', 'service_item.id')
              .where('service_item_center.center_id', '=', query.centerId!),
          ),
        ]),
      ),
    )
  const [rows, total] = await Promise.all([
    filtered
      .select(itemColumns)
      .select(inUseSql('service_item', 'service_item.id').as('in_use'))
      .orderBy(sortColumns[query.sortBy], query.sortOrder)
      .orderBy('service_item.id', query.sortOrder)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ])
  const centers = await centersOf(
    db,
    rows.map((row) => row.id),
  )
  return {
    total: Number(total.count),
    rows: rows.map(({ in_use, ...row }) => ({
      ...toItem(row, centers.get(row.id) ?? []),
      inUse: Boolean(Number(in_use)),
    })),
  }
}

const selectItems = (db: Kysely<Database>) => itemQuery(db).select(itemColumns)
type ItemRow = Awaited<ReturnType<ReturnType<typeof selectItems>['executeTakeFirstOrThrow']>>

function toItem(row: ItemRow, centers: { id: number; name: string }[]) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    departmentId: row.department_id,
    departmentName: row.department_name,
    skillId: row.skill_id,
    skillName: row.skill_name,
    skillStatus: row.skill_status,
    kind: row.kind,
    promisedDays: row.promised_days === null ? null : Number(row.promised_days),
    restartOnMaterials: Number(row.restart_on_materials) === 1,
    standardMinutes: Number(row.standard_minutes),
    workloadCoefficient: Number(row.workload_coefficient),
    materials: parseMaterials(row.materials),
    status: row.status,
    availability: row.availability,
    version: row.version,
    centers,
  }
}

export type CatalogItem = ReturnType<typeof toItem>

/** One item as the catalog shows it, e.g. for an operation log snapshot. */
export async function loadItem(db: Kysely<Database>, key: { id: number } | { code: string }) {
  const query = selectItems(db)
  const row = await (
    'id' in key
      ? query.where('service_item.id', '=', key.id)
      : query.where('service_item.code', '=', key.code)
  ).executeTakeFirst()
  if (!row) throw notFound()
  const centers = await centersOf(db, [row.id])
  return toItem(row, centers.get(row.id) ?? [])
}
