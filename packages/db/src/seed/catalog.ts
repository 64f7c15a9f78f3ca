import { defaultWorkloadCoefficient } from '@onewindow/domain'
import type { Selectable } from 'kysely'
import type { DepartmentTable, ServiceItemTable, SkillTable } from '../tables.ts'
import { itemsBySkill } from './service-items.ts'

/*
 * The catalog is fixed data, not seeded: item names and codes stay the same whatever the seed,
 * so screenshots, tests and bookmarks keep pointing at the same 事项.
 */

export const departments = [
  ['MZ', '民政'],
  ['RS', '人社'],
  ['YB', '医保'],
  ['GA', '公安'],
  ['WJ', '卫健'],
  ['CL', '残联'],
  ['FG', '房管'],
  ['TY', '退役军人事务'],
  ['SF', '司法'],
  ['GH', '工会'],
  ['SW', '税务'],
  ['JY', '教育'],
] as const

export type DepartmentCode = (typeof departments)[number][0]

export const skills = [
  ['civil-aid', '民政救助类', 'MZ'],
  ['elderly-care', '养老服务类', 'MZ'],
  ['social-insurance', '社会保险类', 'RS'],
  ['employment', '就业创业类', 'RS'],
  ['medical-insurance', '医保类', 'YB'],
  ['household', '户籍证照类', 'GA'],
  ['health', '卫健计生类', 'WJ'],
  ['disability', '助残服务类', 'CL'],
  ['housing', '住房保障类', 'FG'],
  ['veterans', '退役军人类', 'TY'],
  ['legal', '法律服务类', 'SF'],
  ['trade-union', '工会服务类', 'GH'],
  ['tax', '税务类', 'SW'],
  ['education', '教育类', 'JY'],
] as const satisfies readonly (readonly [string, string, DepartmentCode])[]

export type SkillCode = (typeof skills)[number][0]

export interface Catalog {
  department: Selectable<DepartmentTable>[]
  skill: Selectable<SkillTable>[]
  service_item: Selectable<ServiceItemTable>[]
}

/** The catalog as rows with ids 1..n, in a fixed order. */
export function buildCatalog(): Catalog {
  const department = departments.map(([code, name], i) => ({ id: i + 1, version: 1, code, name }))
  const departmentId = new Map(department.map((d) => [d.code as string, d.id]))
  const skill = skills.map(([code, name, departmentCode], i) => ({
    id: i + 1,
    version: 1,
    code,
    name,
    department_id: departmentId.get(departmentCode) ?? null,
    status: 'active' as const,
  }))

  const service_item: Selectable<ServiceItemTable>[] = []
  const itemsPerDepartment = new Map<number, number>()
  for (const { id: skillId, code: skillCode, department_id } of skill) {
    if (department_id === null) throw new Error(`Skill ${skillCode} has no department`)
    const departmentCode = department[department_id - 1]?.code
    for (const [name, promisedDays, minutes, materials] of itemsBySkill[skillCode]) {
      const number = (itemsPerDepartment.get(department_id) ?? 0) + 1
      itemsPerDepartment.set(department_id, number)
      service_item.push({
        id: service_item.length + 1,
        version: 1,
        code: `${departmentCode}-${String(number).padStart(3, '0')}`,
        name,
        department_id,
        skill_id: skillId,
        kind: promisedDays === null ? 'immediate' : 'commitment',
        promised_days: promisedDays,
        standard_minutes: minutes,
        materials: JSON.stringify(materials.split('、')),
        status: 'active',
        workload_coefficient: defaultWorkloadCoefficient(minutes),
        availability: 'all',
        // Long procedures start over once missing materials arrive; short ones only pause.
        restart_on_materials: promisedDays !== null && promisedDays >= 10 ? 1 : 0,
      })
    }
  }
  return { department, skill, service_item }
}
