import { type Locale, skillLevelNames } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { maskPhone } from '@onewindow/domain'
import type { Kysely } from 'kysely'
import type { CenterScope } from '../../scope.ts'
import { whereInScope } from '../../scope.ts'
import { getSkillsMatrix } from '../staff/skills-matrix.service.ts'
import type { Column } from './columns.ts'
import type { Sheet } from './sheet-download.ts'
import { roleNames, staffColumns } from './staff.transfer.ts'

const statusColumn: Column = { key: 'status', zh: '账户状态', en: 'Status' }
const statusNames = { active: '启用', disabled: '停用' } as const
const levelNames = { 1: '学员', 2: '认证', 3: '专家' } as const

/**
 * The staff in scope in the import's columns (phones masked, as in every list), plus their
 * account status, which an import leaves alone.
 */
export async function staffSheet(db: Kysely<Database>, scope: CenterScope, locale: Locale) {
  const rows = await whereInScope(
    db.selectFrom('staff').leftJoin('center', 'center.id', 'staff.center_id'),
    'staff.center_id',
    scope,
  )
    .select([
      'staff.username',
      'staff.display_name',
      'staff.role',
      'center.code as center',
      'staff.phone',
      'staff.weekly_minutes',
      'staff.status',
    ])
    .orderBy('staff.center_id')
    .orderBy('staff.username')
    .execute()
  const zh = locale === 'zh-CN'
  return {
    sheetName: zh ? '人员' : 'Staff',
    columns: [...staffColumns, statusColumn],
    rows: rows.map((row) => [
      row.username,
      row.display_name,
      zh ? roleNames[row.role][0] : row.role,
      row.center ?? '',
      maskPhone(row.phone),
      row.weekly_minutes,
      zh ? statusNames[row.status] : row.status,
    ]),
  } satisfies Sheet
}

/** One row per active person in scope, one column per active skill, each cell a level. */
export async function skillsMatrixSheet(db: Kysely<Database>, scope: CenterScope, locale: Locale) {
  const matrix = await getSkillsMatrix(db, { scope, includeDisabled: false })
  const zh = locale === 'zh-CN'
  const columns: Column[] = [
    { key: 'username', zh: '用户名', en: 'User name' },
    { key: 'displayName', zh: '姓名', en: 'Name' },
    { key: 'center', zh: '所属中心', en: 'Center' },
    ...matrix.skills.map((skill) => ({ key: skill.code, zh: skill.name, en: skill.code })),
  ]
  const rows = matrix.staff.map((person) => {
    const levelOf = new Map(person.cells.map((cell) => [cell.skillId, cell.level]))
    return [
      person.username,
      person.displayName,
      person.centerName ?? '',
      ...matrix.skills.map((skill) => {
        const level = levelOf.get(skill.id)
        if (level === undefined) return ''
        return zh ? levelNames[level] : skillLevelNames[level]
      }),
    ]
  })
  return { sheetName: zh ? '技能矩阵' : 'Skills matrix', columns, rows } satisfies Sheet
}
