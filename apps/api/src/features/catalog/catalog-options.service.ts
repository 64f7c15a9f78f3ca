import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'

/**
 * Departments and skills for forms and filters. Retired skills stay out unless asked for (a
 * filter over history may want them; a picker for new assignments never does).
 */
export async function catalogOptions(db: Kysely<Database>, input: { includeRetired: boolean }) {
  const [departments, skills] = await Promise.all([
    db.selectFrom('department').select(['id', 'code', 'name']).orderBy('code').execute(),
    db
      .selectFrom('skill')
      .select(['id', 'code', 'name', 'department_id', 'status'])
      .$if(!input.includeRetired, (qb) => qb.where('status', '=', 'active'))
      .orderBy('code')
      .execute(),
  ])
  return {
    departments,
    skills: skills.map(({ department_id, ...skill }) => ({
      ...skill,
      departmentId: department_id,
    })),
  }
}
