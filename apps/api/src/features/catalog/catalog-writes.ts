import type { AppErrorCode } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import type { Transaction } from 'kysely'
import { appError } from '../../errors.ts'

type CodedTable = 'department' | 'skill' | 'service_item'

/** Refuses a code another record of the table already has. */
export async function assertCodeFree(
  trx: Transaction<Database>,
  table: CodedTable,
  code: string,
  duplicateCode: AppErrorCode,
  exceptId?: number,
): Promise<void> {
  const clash = await trx
    .selectFrom(table)
    .select('id')
    .where('code', '=', code)
    .$if(exceptId !== undefined, (qb) => qb.where('id', '!=', exceptId!))
    .executeTakeFirst()
  if (clash) throw appError('CONFLICT', duplicateCode)
}

export async function assertDepartmentExists(trx: Transaction<Database>, departmentId: number) {
  const found = await trx
    .selectFrom('department')
    .select('id')
    .where('id', '=', departmentId)
    .executeTakeFirst()
  if (!found) throw appError('BAD_REQUEST', 'catalog.departmentNotFound')
}

/** New assignments go to active skills only; retired ones keep what they already have. */
export async function assertSkillAssignable(trx: Transaction<Database>, skillId: number) {
  const skill = await trx
    .selectFrom('skill')
    .select('status')
    .where('id', '=', skillId)
    .executeTakeFirst()
  if (!skill) throw appError('BAD_REQUEST', 'catalog.skillNotFound')
  if (skill.status !== 'active') throw appError('BAD_REQUEST', 'catalog.skillRetired')
}
