import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'
import { type CenterScope, whereInScope } from '../../scope.ts'

export interface ListOperationLogQuery {
  scope: CenterScope
  page: number
  pageSize: number
  action?: string
}

export async function listOperationLog(db: Kysely<Database>, query: ListOperationLogQuery) {
  const filtered = whereInScope(db.selectFrom('operation_log'), 'center_id', query.scope).$if(
    query.action !== undefined,
    (qb) => qb.where('action', '=', query.action!),
  )
  const [rows, total] = await Promise.all([
    filtered
      .select([
        'id',
        'at',
        'actor_id',
        'actor_name',
        'center_id',
        'action',
        'target_type',
        'target_id',
        'before_json',
        'after_json',
        'ip',
      ])
      .orderBy('id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ])
  return {
    total: Number(total.count),
    rows: rows.map((row) => ({
      id: Number(row.id),
      at: new Date(Number(row.at)),
      actorId: row.actor_id,
      actorName: row.actor_name,
      centerId: row.center_id,
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      before: row.before_json === null ? null : (JSON.parse(row.before_json) as unknown),
      after: row.after_json === null ? null : (JSON.parse(row.after_json) as unknown),
      ip: row.ip,
    })),
  }
}
