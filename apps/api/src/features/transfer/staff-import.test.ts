import type { DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCatalogFixture } from '../../testing/catalog-fixture.ts'
import { callerAs, countRows } from '../../testing/callers.ts'
import { callerFor, insertFixture } from '../../testing/fixture.ts'
import { userOf } from '../../testing/sign-in.ts'
import { readSheet } from './spreadsheet.ts'

const header = '用户名,姓名,角色,所属中心编码,手机号,每周合同工时(分钟)'
const csv = (...lines: string[]) => Buffer.from([header, ...lines].join('\n')).toString('base64')

describe.each(testDialects)('importing and exporting staff on %s', (dialect) => {
  let database: DatabaseHandle
  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    await insertCatalogFixture(database.db)
  })
  afterAll(() => database.destroy())

  const snapshot = async () => ({
    staff: await countRows(database.db, 'staff'),
    log: await countRows(database.db, 'operation_log'),
  })

  it('lets a manager add and update the own center’s staff, with one-time passwords', async () => {
    const manager = await callerAs(database, 'manager1')
    const before = await snapshot()
    const file = csv(
      'newbie01,新人甲,窗口人员,C1,13900000001,1200',
      'staff1,甲窗口（改）,窗口人员,C1,138****0004,2400',
    )
    const check = await manager.transfer.importStaff({ format: 'csv', dryRun: true, base64: file })
    expect(check).toMatchObject({ valid: true, created: 1, updated: 1, temporaryPasswords: [] })
    expect(await snapshot()).toEqual(before)

    const result = await manager.transfer.importStaff({
      format: 'csv',
      dryRun: false,
      base64: file,
    })
    expect(result).toMatchObject({ valid: true, written: true, created: 1, updated: 1 })
    expect(result.temporaryPasswords).toEqual([
      { username: 'newbie01', password: expect.stringMatching(/^\S{10}$/) },
    ])
    const staff1 = await database.db
      .selectFrom('staff')
      .select(['display_name', 'phone'])
      .where('username', '=', 'staff1')
      .executeTakeFirstOrThrow()
    // A masked phone (as exports write it) keeps the number on file.
    expect(staff1).toEqual({ display_name: '甲窗口（改）', phone: '13800000004' })

    const signIn = await callerFor(database, null).caller.auth.login({
      username: 'newbie01',
      password: result.temporaryPasswords[0]!.password,
    })
    expect(userOf(signIn).mustChangePassword).toBe(true)
    expect(await snapshot()).toMatchObject({ staff: before.staff + 1 })
  })

  it('refuses rows outside the manager’s reach, and bad rows, line by line, writing nothing', async () => {
    const manager = await callerAs(database, 'manager1')
    const before = await snapshot()
    const result = await manager.transfer.importStaff({
      format: 'csv',
      dryRun: false,
      base64: csv(
        'okay01,可以,窗口人员,C1,,',
        'other01,别的中心,窗口人员,C2,,',
        'boss01,想当经理,中心负责人,C1,,',
        'Bad Name!,用户名不对,窗口人员,C1,,',
        'okay01,重复,窗口人员,C1,,',
        'ghost01,中心不存在,窗口人员,C9,,',
        'busy01,工时太长,窗口人员,C1,,9999',
        'staff2,乙中心的人,窗口人员,C2,,',
      ),
    })
    expect(result).toMatchObject({ valid: false, written: false })
    expect(result.issues.map((issue) => [issue.line, issue.column])).toEqual([
      [3, '角色'],
      [4, '角色'],
      [5, '用户名'],
      [6, '用户名'],
      [7, '所属中心编码'],
      [8, '每周合同工时(分钟)'],
      [9, '角色'],
    ])
    expect(await snapshot()).toEqual(before)
  })

  it('exports the staff in scope with masked phones, and its export reads back as a template', async () => {
    const manager = await callerAs(database, 'manager1')
    const file = await manager.transfer.exportStaff({ format: 'xlsx' })
    expect(file.filename).toMatch(/^人员-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const sheet = await readSheet(Buffer.from(file.base64, 'base64'), 'xlsx')
    expect(sheet.header).toContain('账户状态')
    const centers = new Set(sheet.rows.map((row) => row.cells[3]))
    expect([...centers]).toEqual(['C1'])
    expect(sheet.rows.every((row) => !/\d{11}/.test(row.cells[4]!))).toBe(true)
    const again = await manager.transfer.importStaff({
      format: 'xlsx',
      dryRun: true,
      base64: file.base64,
    })
    expect(again).toMatchObject({ valid: true, created: 0, updated: 0 })
  })

  it('exports the skills matrix with one column per active skill', async () => {
    const admin = await callerAs(database, 'admin')
    const file = await admin.transfer.exportSkillsMatrix({ format: 'csv', centerId: 1 })
    const sheet = await readSheet(Buffer.from(file.base64, 'base64'), 'csv')
    expect(sheet.header).toEqual(['用户名', '姓名', '所属中心', '医保类', '民政救助类'])
    const staff1 = sheet.rows.find((row) => row.cells[0] === 'staff1')
    expect(staff1?.cells.slice(3)).toEqual(['认证', ''])
  })
})
