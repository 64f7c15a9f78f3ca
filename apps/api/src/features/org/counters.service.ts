import type { CounterStatus, SessionUser, saveCounterInput } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import type { Kysely, Transaction } from 'kysely'
import type { z } from 'zod'
import { appError, notFound } from '../../errors.ts'
import { type CenterScope, assertCenterAccess, whereInScope } from '../../scope.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'
import { isCounterReferenced, referencedCounterIds } from './counter-references.ts'
import { inTransaction } from '../../db-errors.ts'
import { bumpVersion } from '../../row-version.ts'

type Db = Kysely<Database> | Transaction<Database>

async function skillsOf(db: Db, counterIds: number[]) {
  if (counterIds.length === 0) return []
  return db
    .selectFrom('counter_skill')
    .innerJoin('skill', 'skill.id', 'counter_skill.skill_id')
    .select(['counter_skill.counter_id', 'skill.id', 'skill.code', 'skill.name'])
    .where('counter_skill.counter_id', 'in', counterIds)
    .orderBy('skill.id')
    .execute()
}

/** The counters in scope, by center and code, each with its skills (dedicated ones have some). */
export async function listCounters(
  db: Kysely<Database>,
  scope: CenterScope,
  includeRetired = false,
) {
  const rows = await whereInScope(db.selectFrom('counter'), 'counter.center_id', scope)
    .select(['id', 'center_id', 'code', 'name', 'kind', 'status', 'version'])
    .$if(!includeRetired, (qb) => qb.where('status', '!=', 'retired'))
    .orderBy('center_id')
    .orderBy('code')
    .execute()
  const ids = rows.map((row) => row.id)
  const [skills, referenced] = await Promise.all([skillsOf(db, ids), referencedCounterIds(db, ids)])
  return rows.map(({ center_id, ...row }) => ({
    ...row,
    centerId: center_id,
    /** Nothing refers to it: it may be deleted rather than only retired. */
    deletable: !referenced.has(row.id),
    skills: skills
      .filter((skill) => skill.counter_id === row.id)
      .map(({ id, code, name }) => ({ id, code, name })),
  }))
}

/** Active skills, for the dedicated-counter picker. */
export function listSkillOptions(db: Kysely<Database>) {
  return db
    .selectFrom('skill')
    .select(['id', 'code', 'name'])
    .where('status', '=', 'active')
    .orderBy('id')
    .execute()
}

async function loadCounter(trx: Db, counterId: number) {
  const row = await trx
    .selectFrom('counter')
    .select(['id', 'center_id', 'code', 'name', 'kind', 'status'])
    .where('id', '=', counterId)
    .executeTakeFirst()
  if (!row) throw notFound()
  const skillIds = (await skillsOf(trx, [counterId])).map((skill) => skill.id)
  return { ...row, skillIds }
}

type LoadedCounter = Awaited<ReturnType<typeof loadCounter>>

const logRecord = ({ code, name, kind, status, skillIds }: LoadedCounter) => ({
  code,
  name,
  kind,
  status,
  skillIds,
})

async function assertCounterCodeFree(
  trx: Transaction<Database>,
  centerId: number,
  code: string,
  exceptId?: number,
) {
  const clash = await trx
    .selectFrom('counter')
    .select('id')
    .where('center_id', '=', centerId)
    .where('code', '=', code)
    .$if(exceptId !== undefined, (qb) => qb.where('id', '!=', exceptId!))
    .executeTakeFirst()
  if (clash) throw appError('CONFLICT', 'org.duplicateCounterCode')
}

const centerExists = async (trx: Transaction<Database>, centerId: number) =>
  (await trx.selectFrom('center').select('id').where('id', '=', centerId).executeTakeFirst()) !==
  undefined

/** Active skills only, except that a counter may keep a skill retired since it was chosen. */
async function assertSkillsUsable(trx: Transaction<Database>, skillIds: number[], kept: number[]) {
  if (skillIds.length === 0) return
  const found = await trx
    .selectFrom('skill')
    .select(['id', 'status'])
    .where('id', 'in', skillIds)
    .execute()
  const usable = found.filter((s) => s.status === 'active' || kept.includes(s.id))
  if (usable.length !== skillIds.length) throw appError('BAD_REQUEST', 'org.unknownSkill')
}

type SaveCounter = z.output<typeof saveCounterInput>
type CounterFields = Pick<SaveCounter, 'code' | 'name' | 'kind'>

/** Inserts the counter (open) or updates it, and replaces its skills; returns its id. */
async function writeCounter(
  trx: Transaction<Database>,
  target: { id: number } | { centerId: number },
  fields: CounterFields,
  skillIds: number[],
): Promise<number> {
  let id: number
  if ('id' in target) {
    id = target.id
    await trx.updateTable('counter').set(fields).where('id', '=', id).execute()
    await trx.deleteFrom('counter_skill').where('counter_id', '=', id).execute()
  } else {
    const values = { ...fields, center_id: target.centerId, status: 'open' as const }
    const result = await trx.insertInto('counter').values(values).executeTakeFirstOrThrow()
    id = Number(result.insertId)
  }
  if (skillIds.length > 0) {
    const links = skillIds.map((skillId) => ({ counter_id: id, skill_id: skillId }))
    await trx.insertInto('counter_skill').values(links).execute()
  }
  return id
}

/** Creates a counter (no id; it opens at once) or updates one of the same center. */
export async function saveCounter(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: SaveCounter,
): Promise<{ id: number }> {
  assertCenterAccess(user, input.centerId)
  const skillIds = [...new Set(input.skillIds)].sort((a, b) => a - b)
  if (input.kind === 'dedicated' && skillIds.length === 0) {
    throw appError('BAD_REQUEST', 'org.dedicatedCounterNeedsSkill')
  }
  if (input.kind === 'comprehensive' && skillIds.length > 0) {
    throw appError('BAD_REQUEST', 'org.comprehensiveCounterHasSkills')
  }
  const fields: CounterFields = { code: input.code, name: input.name, kind: input.kind }
  return inTransaction(db, 'org.duplicateCounterCode', async (trx) => {
    const before = input.id === undefined ? null : await loadCounter(trx, input.id)
    if (before && before.center_id !== input.centerId) throw notFound()
    // The schema demands a version with an id; version 0 never matches, should one be missing.
    if (before) await bumpVersion(trx, 'counter', before.id, input.version ?? 0)
    if (!before && !(await centerExists(trx, input.centerId))) throw notFound()
    await assertCounterCodeFree(trx, input.centerId, input.code, before?.id)
    await assertSkillsUsable(trx, skillIds, before?.skillIds ?? [])
    const id = await writeCounter(trx, before ?? { centerId: input.centerId }, fields, skillIds)
    await appendOperation(trx, actor, {
      action: before ? 'counter.update' : 'counter.create',
      centerId: input.centerId,
      targetType: 'counter',
      targetId: id,
      before: before ? logRecord(before) : undefined,
      after: { ...fields, status: before?.status ?? 'open', skillIds },
    })
    return { id }
  })
}

/** Opens or closes a counter, retires it (it leaves every picker), or brings it back. */
export async function setCounterStatus(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: { counterId: number; status: CounterStatus },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await loadCounter(trx, input.counterId)
    assertCenterAccess(user, before.center_id)
    await trx
      .updateTable('counter')
      .set({ status: input.status })
      .where('id', '=', input.counterId)
      .execute()
    await appendOperation(trx, actor, {
      action: 'counter.setStatus',
      centerId: before.center_id,
      targetType: 'counter',
      targetId: input.counterId,
      before: { status: before.status },
      after: { status: input.status },
    })
  })
}

/** Deletes a counter nothing refers to; one with history can only be retired. */
export async function deleteCounter(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: { centerId: number; code: string },
): Promise<void> {
  assertCenterAccess(user, input.centerId)
  await db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom('counter')
      .select('id')
      .where('center_id', '=', input.centerId)
      .where('code', '=', input.code)
      .executeTakeFirst()
    if (!found) throw notFound()
    if (await isCounterReferenced(trx, found.id)) {
      throw appError('CONFLICT', 'org.counterReferenced')
    }
    const before = await loadCounter(trx, found.id)
    await trx.deleteFrom('counter_skill').where('counter_id', '=', found.id).execute()
    await trx.deleteFrom('counter').where('id', '=', found.id).execute()
    await appendOperation(trx, actor, {
      action: 'counter.delete',
      centerId: before.center_id,
      targetType: 'counter',
      targetId: found.id,
      before: logRecord(before),
    })
  })
}
