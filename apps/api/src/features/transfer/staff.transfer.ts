import {
  type CreateStaffInput,
  type Locale,
  type Role,
  type SessionUser,
  createStaffInput,
  errorMessage,
  isAppErrorCode,
  isDistrictWide,
} from '@onewindow/contracts'
import { type Database, hashPassword } from '@onewindow/db'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { appError } from '../../errors.ts'
import { translateZodIssue } from '../../zod-messages.ts'
import type { Actor } from '../operation-log/log-chain.ts'
import { insertStaff, updateStaffIn } from '../staff/staff-admin.service.ts'
import { assertMayAssign, assertMayManage } from '../staff/staff-rules.ts'
import { temporaryPassword } from '../staff/temporary-password.ts'
import { choice, optionalNumber } from './cell-values.ts'
import { type Column, columnLabel } from './columns.ts'
import type { ImportPlan, ParsedRow } from './import-runner.ts'

export const staffColumns = [
  { key: 'username', zh: '用户名', en: 'User name', required: true },
  { key: 'displayName', zh: '姓名', en: 'Name', required: true },
  { key: 'role', zh: '角色', en: 'Role', required: true },
  { key: 'center', zh: '所属中心编码', en: 'Center code' },
  { key: 'phone', zh: '手机号', en: 'Phone' },
  { key: 'weeklyMinutes', zh: '每周合同工时(分钟)', en: 'Contracted minutes per week' },
] as const satisfies readonly Column[]

type Key = (typeof staffColumns)[number]['key']

/** The sheet column to blame for an input field that has none of its own. */
const columnOfField: Record<string, Key> = { centerId: 'center', departmentId: 'role' }

export const roleNames = {
  admin: ['区级管理员'],
  manager: ['中心负责人'],
  supervisor: ['督查员'],
  staff: ['窗口人员'],
  backoffice: ['后台人员'],
} as const satisfies Record<Role, readonly string[]>

const rowSchema = z.object({
  username: z.string().toLowerCase(),
  displayName: z.string(),
  role: choice(roleNames),
  center: z.string(),
  phone: z.string(),
  weeklyMinutes: optionalNumber,
}) satisfies z.ZodType<unknown, Record<Key, string>>
type StaffRow = z.output<typeof rowSchema>

/** Exports mask phone numbers; a masked cell on import means "keep the number on file". */
const isMasked = (phone: string) => phone.includes('*')

interface Existing {
  id: number
  display_name: string
  role: Role
  center_id: number | null
  phone: string
  weekly_minutes: number
  department_id: number | null
}

/** A row that would change nothing (e.g. the manager's own line in an export) is left alone. */
function changes(account: Existing | undefined, input: CreateStaffInput): boolean {
  return (
    !account ||
    account.display_name !== input.displayName ||
    account.role !== input.role ||
    account.center_id !== input.centerId ||
    account.phone !== input.phone ||
    account.weekly_minutes !== input.weeklyMinutes
  )
}

/** Staff accounts, created or updated by user name, under the staff feature's own rules. */
export async function staffImportPlan(
  db: Kysely<Database>,
  user: SessionUser,
  actor: Actor,
  locale: Locale,
): Promise<ImportPlan<Key, StaffRow>> {
  const [centers, accounts] = await Promise.all([
    db.selectFrom('center').select(['id', 'code']).execute(),
    db
      .selectFrom('staff')
      .select([
        'id',
        'username',
        'display_name',
        'role',
        'center_id',
        'phone',
        'weekly_minutes',
        'department_id',
      ])
      .execute(),
  ])
  const centerIds = new Map(centers.map((c) => [c.code.toLowerCase(), c.id]))
  const existing = new Map<string, Existing>(accounts.map((a) => [a.username, a]))
  const label = (key: Key) => columnLabel(staffColumns, key, locale)
  const toInput = (row: StaffRow): CreateStaffInput | z.ZodError => {
    const account = existing.get(row.username)
    const parsed = createStaffInput.safeParse({
      username: row.username,
      displayName: row.displayName,
      role: row.role,
      centerId: row.center === '' ? null : (centerIds.get(row.center.toLowerCase()) ?? -1),
      phone: isMasked(row.phone) ? (account?.phone ?? '') : row.phone,
      weeklyMinutes: row.weeklyMinutes ?? 2400,
      // The sheet has no department: a back-office account keeps the one it has (a new one
      // needs the staff page, and is refused here with the reason).
      departmentId: row.role === 'backoffice' ? (account?.department_id ?? null) : null,
    })
    return parsed.success ? parsed.data : parsed.error
  }
  const changedRows = (rows: ParsedRow<StaffRow>[]) =>
    rows.filter(({ row }) => changes(existing.get(row.username), toInput(row) as CreateStaffInput))
  const count = async (rows: ParsedRow<StaffRow>[]) => {
    const changed = changedRows(rows)
    const created = changed.filter(({ row }) => !existing.has(row.username)).length
    return { created, updated: changed.length - created }
  }
  return {
    columns: staffColumns,
    schema: rowSchema,
    uniqueBy: 'username',
    check(row, line) {
      if (row.center !== '' && !centerIds.has(row.center.toLowerCase())) {
        const unknown = errorMessage('transfer.unknownReference', locale)
        return [{ line, column: label('center'), message: `${unknown}: ${row.center}` }]
      }
      const input = toInput(row)
      if (input instanceof z.ZodError) {
        return input.issues.map((issue) => ({
          line,
          column: label(columnOfField[String(issue.path[0])] ?? (issue.path[0] as Key)),
          message: translateZodIssue(issue, locale),
        }))
      }
      const account = existing.get(row.username)
      if (!changes(account, input)) return []
      const refusal = ruleBroken(() => {
        if (account) assertMayManage(user, account)
        assertMayAssign(user, input.role, input.centerId)
        if (account && account.center_id !== input.centerId && !isDistrictWide(user.role)) {
          throw appError('FORBIDDEN', 'staff.cannotChangeCenter')
        }
        if (account?.id === user.id && account.role !== input.role) {
          throw appError('BAD_REQUEST', 'staff.cannotChangeOwnRole')
        }
      })
      return refusal
        ? [{ line, column: label('role'), message: errorMessage(refusal, locale) }]
        : []
    },
    preview: count,
    async write(rows) {
      const outcome = await count(rows)
      const created = rows
        .filter(({ row }) => !existing.has(row.username))
        .map(({ row }) => ({ username: row.username, password: temporaryPassword() }))
      const hashes = new Map(
        await Promise.all(
          created.map(async (c) => [c.username, await hashPassword(c.password)] as const),
        ),
      )
      await db.transaction().execute(async (trx) => {
        for (const { row } of changedRows(rows)) {
          const input = toInput(row) as CreateStaffInput
          const account = existing.get(row.username)
          if (account)
            await updateStaffIn(trx, user, actor, {
              ...input,
              staffId: account.id,
              version: null,
            })
          else await insertStaff(trx, user, actor, input, hashes.get(row.username)!)
        }
      })
      return { ...outcome, temporaryPasswords: created }
    },
  }
}

/** The app error code a rule check threw, or null when it passed. */
function ruleBroken(check: () => void) {
  try {
    check()
    return null
  } catch (error) {
    const code = error instanceof Error ? error.message : ''
    return isAppErrorCode(code) ? code : 'transfer.invalidValue'
  }
}
