import {
  type BulkAssignSkillInput,
  type OperationAction,
  type SessionUser,
  type SetStaffSkillInput,
  type SkillLevel,
  shanghaiToday,
} from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import type { Kysely, Transaction } from 'kysely'
import { appError, notFound } from '../../errors.ts'
import { assertCenterAccess } from '../../scope.ts'
import { type Actor, appendOperation } from '../operation-log/log-chain.ts'
import { skillCoverage } from './skills-matrix.service.ts'

interface Cell {
  level: number
  certified_on: string
}

function assertNotInFuture(certifiedOn: string): void {
  if (certifiedOn > shanghaiToday()) throw appError('BAD_REQUEST', 'staff.certifiedInFuture')
}

/** Only a skill still in use can be granted. */
async function assertGrantable(trx: Transaction<Database>, skillId: number): Promise<void> {
  const skill = await trx
    .selectFrom('skill')
    .select('status')
    .where('id', '=', skillId)
    .executeTakeFirst()
  if (!skill) throw notFound()
  if (skill.status !== 'active') throw appError('BAD_REQUEST', 'staff.skillRetired')
}

/** The people to change, all of them existing, within the user's reach, and of some center. */
async function loadHolders(trx: Transaction<Database>, user: SessionUser, staffIds: number[]) {
  const holders = await trx
    .selectFrom('staff')
    .select(['id', 'center_id'])
    .where('id', 'in', staffIds)
    .orderBy('id')
    .execute()
  if (holders.length !== staffIds.length) throw notFound()
  for (const holder of holders) {
    assertCenterAccess(user, holder.center_id)
    if (holder.center_id === null) throw appError('BAD_REQUEST', 'staff.noCenter')
  }
  return holders as { id: number; center_id: number }[]
}

async function cellsBefore(trx: Transaction<Database>, skillId: number, staffIds: number[]) {
  const rows = await trx
    .selectFrom('staff_skill')
    .select(['staff_id', 'level', 'certified_on'])
    .where('skill_id', '=', skillId)
    .where('staff_id', 'in', staffIds)
    .execute()
  return new Map<number, Cell>(rows.map(({ staff_id, ...cell }) => [staff_id, cell]))
}

const sameCell = (a: Cell | null, b: Cell | null) =>
  a === null || b === null ? a === b : a.level === b.level && a.certified_on === b.certified_on

const logView = (skillId: number, cell: Cell | null) =>
  cell && { skillId, level: cell.level, certifiedOn: cell.certified_on }

/**
 * Writes one cell and its log row, unless it already holds `after`; returns whether it changed.
 */
async function writeCell(
  trx: Transaction<Database>,
  actor: Actor,
  action: OperationAction,
  target: { staffId: number; centerId: number; skillId: number },
  before: Cell | null,
  after: Cell | null,
): Promise<boolean> {
  if (sameCell(before, after)) return false
  const { staffId, skillId } = target
  if (after === null) {
    await trx
      .deleteFrom('staff_skill')
      .where('staff_id', '=', staffId)
      .where('skill_id', '=', skillId)
      .execute()
  } else if (before === null) {
    await trx
      .insertInto('staff_skill')
      .values({ staff_id: staffId, skill_id: skillId, ...after })
      .execute()
  } else {
    await trx
      .updateTable('staff_skill')
      .set(after)
      .where('staff_id', '=', staffId)
      .where('skill_id', '=', skillId)
      .execute()
  }
  await appendOperation(trx, actor, {
    action,
    centerId: target.centerId,
    targetType: 'staff',
    targetId: staffId,
    before: logView(skillId, before),
    after: logView(skillId, after),
  })
  return true
}

/**
 * Sets one person's level in one skill (`level: null` removes the skill), then returns the cell and
 * the person's center's coverage as they now stand.
 */
export async function setStaffSkill(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: SetStaffSkillInput,
) {
  const after: Cell | null =
    input.level === null ? null : { level: input.level, certified_on: input.certifiedOn! }
  if (after) assertNotInFuture(after.certified_on)
  const { centerId, changed } = await db.transaction().execute(async (trx) => {
    const [holder] = await loadHolders(trx, user, [input.staffId])
    if (after) await assertGrantable(trx, input.skillId)
    const before = (await cellsBefore(trx, input.skillId, [holder!.id])).get(holder!.id) ?? null
    const target = { staffId: holder!.id, centerId: holder!.center_id, skillId: input.skillId }
    return {
      centerId: holder!.center_id,
      changed: await writeCell(trx, actor, 'staff.setSkill', target, before, after),
    }
  })
  const [coverage] = await skillCoverage(db, { centerId })
  return {
    changed,
    cell: after && { level: after.level as SkillLevel, certifiedOn: after.certified_on },
    coverage: coverage!,
  }
}

/**
 * Gives many people one skill at one level, in one transaction, one log row per changed cell (so
 * each lands in its person's center's log); cells already at that level and date stay untouched.
 */
export async function bulkAssignSkill(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  input: BulkAssignSkillInput,
) {
  assertNotInFuture(input.certifiedOn)
  const after: Cell = { level: input.level, certified_on: input.certifiedOn }
  return db.transaction().execute(async (trx) => {
    await assertGrantable(trx, input.skillId)
    const holders = await loadHolders(trx, user, input.staffIds)
    const before = await cellsBefore(trx, input.skillId, input.staffIds)
    let changed = 0
    for (const holder of holders) {
      const target = { staffId: holder.id, centerId: holder.center_id, skillId: input.skillId }
      const cellBefore = before.get(holder.id) ?? null
      if (await writeCell(trx, actor, 'staff.bulkAssignSkill', target, cellBefore, after)) {
        changed += 1
      }
    }
    return { changed, unchanged: holders.length - changed }
  })
}
