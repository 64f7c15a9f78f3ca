import { type OperationLogFilter, operationLogExportCap } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'
import { type CenterScope, whereInScope } from '../../scope.ts'
import { verifyChain } from './log-chain.ts'
import { sealPending } from './log-seal.ts'
import { containsText } from '../../text-search.ts'

export interface OperationLogQuery extends OperationLogFilter {
  scope: CenterScope
}

/** The log narrowed by every filter given; columns qualified, as the page joins `staff`. */
function filteredLog(db: Kysely<Database>, query: OperationLogQuery) {
  const { actions, actorId, targetType, targetId, from, to, text } = query
  return whereInScope(db.selectFrom('operation_log'), 'operation_log.center_id', query.scope)
    .$if(Boolean(actions?.length), (qb) => qb.where('operation_log.action', 'in', actions!))
    .$if(actorId !== undefined, (qb) => qb.where('operation_log.actor_id', '=', actorId!))
    .$if(targetType !== undefined, (qb) => qb.where('operation_log.target_type', '=', targetType!))
    .$if(targetId !== undefined, (qb) => qb.where('operation_log.target_id', '=', targetId!))
    .$if(from !== undefined, (qb) => qb.where('operation_log.at', '>=', from!.getTime()))
    .$if(to !== undefined, (qb) => qb.where('operation_log.at', '<', to!.getTime()))
    .$if(text !== undefined, (qb) =>
      qb.where((eb) =>
        eb.or([
          containsText('operation_log.before_json', text!),
          containsText('operation_log.after_json', text!),
        ]),
      ),
    )
}

/** Newest first: ids follow insertion, so they order entries as they were written. */
function entries(db: Kysely<Database>, query: OperationLogQuery, limit: number, offset: number) {
  return filteredLog(db, query)
    .leftJoin('staff', 'staff.id', 'operation_log.actor_id')
    .select([
      'operation_log.id',
      'operation_log.at',
      'operation_log.actor_id',
      'operation_log.actor_name',
      'staff.display_name as actor_display_name',
      'operation_log.center_id',
      'operation_log.action',
      'operation_log.target_type',
      'operation_log.target_id',
      'operation_log.before_json',
      'operation_log.after_json',
      'operation_log.ip',
    ])
    .orderBy('operation_log.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()
}

type EntryRow = Awaited<ReturnType<typeof entries>>[number]

const parsed = (json: string | null): unknown => (json === null ? null : JSON.parse(json))

function entryView(row: EntryRow) {
  return {
    id: Number(row.id),
    at: new Date(Number(row.at)),
    actorId: row.actor_id,
    actorName: row.actor_name,
    actorDisplayName: row.actor_display_name,
    centerId: row.center_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    before: parsed(row.before_json),
    after: parsed(row.after_json),
    ip: row.ip,
  }
}

async function countOf(db: Kysely<Database>, query: OperationLogQuery): Promise<number> {
  const row = await filteredLog(db, query)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

export async function listOperationLog(
  db: Kysely<Database>,
  query: OperationLogQuery & { page: number; pageSize: number },
) {
  const offset = (query.page - 1) * query.pageSize
  const [rows, total] = await Promise.all([
    entries(db, query, query.pageSize, offset),
    countOf(db, query),
  ])
  return { total, rows: rows.map(entryView) }
}

/** The newest entries matching the filters, up to the export cap, and how many match in all. */
export async function exportOperationLog(db: Kysely<Database>, query: OperationLogQuery) {
  const [rows, total] = await Promise.all([
    entries(db, query, operationLogExportCap, 0),
    countOf(db, query),
  ])
  return { total, cap: operationLogExportCap, rows: rows.map(entryView) }
}

/**
 * The chain check over everything committed (pending entries are sealed first), with the entry
 * where it breaks when that entry is still there.
 */
export async function verifyOperationLog(db: Kysely<Database>) {
  await sealPending(db)
  const report = await verifyChain(db)
  const broken =
    report.firstBrokenId === null
      ? undefined
      : await db
          .selectFrom('operation_log')
          .select(['id', 'at', 'actor_name', 'action', 'target_type', 'target_id'])
          .where('seq', '=', report.firstBrokenId)
          .executeTakeFirst()
  return {
    ...report,
    brokenEntry: broken
      ? {
          id: Number(broken.id),
          at: new Date(Number(broken.at)),
          actorName: broken.actor_name,
          action: broken.action,
          targetType: broken.target_type,
          targetId: broken.target_id,
        }
      : null,
  }
}
