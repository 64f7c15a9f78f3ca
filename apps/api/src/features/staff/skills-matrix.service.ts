import { type Role, type SkillLevel, certifiedLevel } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'
import { type CenterScope, whereInScope } from '../../scope.ts'
import { containsLiteral } from '../../text-search.ts'

export interface SkillsMatrixQuery {
  scope: CenterScope
  search?: string
  role?: Role
  includeDisabled: boolean
}

export interface SkillCell {
  skillId: number
  level: SkillLevel
  certifiedOn: string
}

/** The matrix's columns: skills still in use, retired ones hidden. */
function activeSkills(db: Kysely<Database>) {
  return db
    .selectFrom('skill')
    .select(['id', 'code', 'name'])
    .where('status', '=', 'active')
    .orderBy('id')
    .execute()
}

/**
 * The matrix's rows: people of a center, filtered. District admins and back offices hold no
 * window skills.
 */
function staffRows(db: Kysely<Database>, query: SkillsMatrixQuery) {
  return whereInScope(
    db.selectFrom('staff').innerJoin('center', 'center.id', 'staff.center_id'),
    'staff.center_id',
    query.scope,
  )
    .where('staff.role', '!=', 'backoffice')
    .$if(!query.includeDisabled, (qb) => qb.where('staff.status', '=', 'active'))
    .$if(query.role !== undefined, (qb) => qb.where('staff.role', '=', query.role!))
    .$if(Boolean(query.search), (qb) =>
      qb.where((eb) =>
        eb.or([
          containsLiteral('staff.username', query.search!),
          containsLiteral('staff.display_name', query.search!),
        ]),
      ),
    )
    .select([
      'staff.id',
      'staff.username',
      'staff.display_name',
      'staff.role',
      'staff.status',
      'staff.center_id',
      'center.name as center_name',
    ])
    .orderBy('staff.center_id')
    .orderBy('staff.id')
    .execute()
}

async function cellsOf(db: Kysely<Database>, staffIds: number[]) {
  if (staffIds.length === 0) return new Map<number, SkillCell[]>()
  const rows = await db
    .selectFrom('staff_skill')
    .innerJoin('skill', 'skill.id', 'staff_skill.skill_id')
    .select(['staff_skill.staff_id', 'staff_skill.skill_id', 'staff_skill.level', 'certified_on'])
    .where('skill.status', '=', 'active')
    .where('staff_skill.staff_id', 'in', staffIds)
    .execute()
  const byStaff = new Map<number, SkillCell[]>()
  for (const row of rows) {
    const cells = byStaff.get(row.staff_id) ?? []
    cells.push({
      skillId: row.skill_id,
      level: row.level as SkillLevel,
      certifiedOn: row.certified_on,
    })
    byStaff.set(row.staff_id, cells)
  }
  return byStaff
}

/**
 * Per center in scope and active skill: how many active people hold the skill at certified level
 * or better. Every center and skill is present, zero included.
 */
export async function skillCoverage(db: Kysely<Database>, scope: CenterScope) {
  const [centers, skills, counts] = await Promise.all([
    whereInScope(db.selectFrom('center'), 'center.id', scope)
      .select(['center.id', 'center.name'])
      .orderBy('center.id')
      .execute(),
    activeSkills(db),
    whereInScope(
      db
        .selectFrom('staff_skill')
        .innerJoin('staff', 'staff.id', 'staff_skill.staff_id')
        .innerJoin('skill', 'skill.id', 'staff_skill.skill_id'),
      'staff.center_id',
      scope,
    )
      .where('staff.status', '=', 'active')
      .where('skill.status', '=', 'active')
      .where('staff_skill.level', '>=', certifiedLevel)
      .select((eb) => ['staff.center_id', 'staff_skill.skill_id', eb.fn.countAll().as('n')])
      .groupBy(['staff.center_id', 'staff_skill.skill_id'])
      .execute(),
  ])
  const countOf = new Map(counts.map((row) => [`${row.center_id}:${row.skill_id}`, Number(row.n)]))
  return centers.map((center) => ({
    centerId: center.id,
    centerName: center.name,
    counts: Object.fromEntries(
      skills.map((skill) => [skill.id, countOf.get(`${center.id}:${skill.id}`) ?? 0]),
    ) as Record<number, number>,
  }))
}

/** Staff × active skills for the scope, with each center's coverage. */
export async function getSkillsMatrix(db: Kysely<Database>, query: SkillsMatrixQuery) {
  const [skills, staff, coverage] = await Promise.all([
    activeSkills(db),
    staffRows(db, query),
    skillCoverage(db, query.scope),
  ])
  const cells = await cellsOf(
    db,
    staff.map((row) => row.id),
  )
  return {
    skills,
    coverage,
    staff: staff.map((row) => ({
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      status: row.status,
      centerId: row.center_id!,
      centerName: row.center_name,
      cells: cells.get(row.id) ?? [],
    })),
  }
}
