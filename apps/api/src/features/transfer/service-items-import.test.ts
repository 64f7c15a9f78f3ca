import type { DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCatalogFixture } from '../../testing/catalog-fixture.ts'
import { callerFor, insertFixture, sessionUserOf } from '../../testing/fixture.ts'
import { writeSheet } from './spreadsheet.ts'

const header =
  '事项编码,事项名称,部门编码,技能编码,类型,承诺工作日,标准时长(分钟),折算系数,所需材料,办理中心,状态'
const csv = (...lines: string[]) => Buffer.from([header, ...lines].join('\n')).toString('base64')

describe.each(testDialects)('importing service items on %s', (dialect) => {
  let database: DatabaseHandle
  let admin: Awaited<ReturnType<typeof adminCaller>>
  const adminCaller = async () =>
    callerFor(database, await sessionUserOf(database.db, 'admin')).caller

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    await insertCatalogFixture(database.db)
    admin = await adminCaller()
  })
  afterAll(() => database.destroy())

  const counts = async () => {
    const [items, log] = await Promise.all([
      database.db
        .selectFrom('service_item')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow(),
      database.db
        .selectFrom('operation_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow(),
    ])
    return { items: Number(items.n), log: Number(log.n) }
  }

  it('checks a valid file in a dry run and writes nothing', async () => {
    const before = await counts()
    const result = await admin.transfer.importServiceItems({
      format: 'csv',
      dryRun: true,
      base64: csv(
        'YB-001,医保卡挂失补办,YB,medical-insurance,即办件,,9,,身份证、医保卡,全区,启用',
        'YB-101,异地就医备案,YB,medical-insurance,即办件,,6,,身份证,全区,启用',
      ),
    })
    expect(result).toMatchObject({ valid: true, written: false, rows: 2, created: 1, updated: 1 })
    expect(await counts()).toEqual(before)
  })

  it('creates and updates by code in one go, with the catalog’s rules and a log entry each', async () => {
    const before = await counts()
    const result = await admin.transfer.importServiceItems({
      format: 'csv',
      dryRun: false,
      base64: csv(
        'YB-001,医保卡挂失补办（新）,YB,medical-insurance,即办件,,9,,身份证、医保卡,全区,启用',
        'MZ-101,临时救助申请,MZ,civil-aid,承诺件,10,25,,身份证；户口簿,C2,启用',
      ),
    })
    expect(result).toMatchObject({ valid: true, written: true, created: 1, updated: 1 })
    const after = await counts()
    expect(after.items).toBe(before.items + 1)
    expect(after.log).toBe(before.log + 2)
    const created = await database.db
      .selectFrom('service_item')
      .selectAll()
      .where('code', '=', 'MZ-101')
      .executeTakeFirstOrThrow()
    expect(created).toMatchObject({
      kind: 'commitment',
      promised_days: 10,
      standard_minutes: 25,
      workload_coefficient: 2.5,
      availability: 'selected',
    })
    expect(JSON.parse(created.materials)).toEqual(['身份证', '户口簿'])
    const offered = await database.db
      .selectFrom('service_item_center')
      .select('center_id')
      .where('service_item_id', '=', created.id)
      .execute()
    expect(offered).toEqual([{ center_id: 2 }])
  })

  it('lists every bad row with its line and column, and writes nothing at all', async () => {
    const before = await counts()
    const result = await admin.transfer.importServiceItems({
      format: 'csv',
      dryRun: false,
      base64: csv(
        'YB-201,好的一行,YB,medical-insurance,即办件,,5,,,全区,启用',
        'YB-202,部门不存在,XX,medical-insurance,即办件,,5,,,全区,启用',
        'YB-203,时长为负,YB,medical-insurance,即办件,,-5,,,全区,启用',
        'YB-201,编码重复,YB,medical-insurance,即办件,,5,,,全区,启用',
        'YB-204,承诺件缺天数,YB,medical-insurance,承诺件,,5,,,全区,启用',
        'YB-205,类型不对,YB,medical-insurance,随便,,5,,,全区,启用',
      ),
    })
    expect(result.valid).toBe(false)
    expect(result.written).toBe(false)
    expect(result.issues.map((issue) => [issue.line, issue.column])).toEqual([
      [3, '部门编码'],
      [4, '标准时长(分钟)'],
      [5, '事项编码'],
      [6, '承诺工作日'],
      [7, '类型'],
    ])
    expect(result.issues[0]!.message).toContain('XX')
    expect(await counts()).toEqual(before)
  })

  it('refuses a file in a broken encoding, naming the problem, and writes nothing', async () => {
    const before = await counts()
    const broken = Buffer.concat([
      Buffer.from(`${header}\n`),
      Buffer.from([0x41, 0xff, 0xfe, 0x2c]),
    ])
    const result = await admin.transfer.importServiceItems({
      format: 'csv',
      dryRun: false,
      base64: broken.toString('base64'),
    })
    expect(result.valid).toBe(false)
    expect(result.issues).toEqual([
      { line: 0, column: null, message: expect.stringContaining('编码') },
    ])
    expect(await counts()).toEqual(before)
  })

  it('names missing required columns', async () => {
    const result = await admin.transfer.importServiceItems({
      format: 'csv',
      dryRun: true,
      base64: Buffer.from('事项编码,事项名称\nX-1,名称').toString('base64'),
    })
    expect(result.issues.map((issue) => issue.column)).toEqual([
      '部门编码',
      '技能编码',
      '类型',
      '标准时长(分钟)',
    ])
  })

  it('round-trips its own export, in Excel and CSV, as a template', async () => {
    for (const format of ['xlsx', 'csv'] as const) {
      const file = await admin.transfer.exportServiceItems({ format })
      expect(file.filename).toMatch(new RegExp(`^服务事项-\\d{4}-\\d{2}-\\d{2}\\.${format}$`))
      const check = await admin.transfer.importServiceItems({
        format,
        dryRun: true,
        base64: file.base64,
      })
      const total = (await counts()).items
      expect(check).toMatchObject({ valid: true, rows: total, created: 0, updated: total })
    }
  })

  it('reads an Excel file written by anyone', async () => {
    const file = await writeSheet(
      'Sheet1',
      ['Code', 'Name', 'Department code', 'Skill code', 'Kind', 'Standard minutes'],
      [['YB-301', 'English header item', 'YB', 'medical-insurance', 'immediate', 7]],
      'xlsx',
    )
    const result = await admin.transfer.importServiceItems({
      format: 'xlsx',
      dryRun: true,
      base64: file.toString('base64'),
    })
    expect(result).toMatchObject({ valid: true, created: 1 })
  })
})
