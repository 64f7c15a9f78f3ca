import { testDialects } from '@onewindow/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appendOperation } from '../features/operation-log/log-chain.ts'
import { countRows } from '../testing/callers.ts'
import { insertSpareStaff } from '../testing/samples.ts'
import { type Harness, startHarness } from './http-harness.ts'

/** Names full of what SQL and LIKE treat specially; one each, so every search has an answer. */
const awkwardNames = [
  '百分之%百',
  '下划_线',
  '反斜\\杠',
  "奥'康纳",
  '双"引号',
  '感叹!号',
  '表情😀',
  "' OR 1=1 --",
]

const attacks = [
  "' OR 1=1 --",
  "' OR '1'='1",
  '1; DROP TABLE staff; --',
  '%',
  '_',
  '%_%',
  '\\',
  '\\%',
  "'",
  '"',
  '!',
  '!%',
  '`',
  '😀',
  "奥'",
  'x'.repeat(64),
]

interface FreeTextFilter {
  path: string
  input: (text: string) => Record<string, unknown>
  /** The same list without the text filter. */
  unfiltered: Record<string, unknown>
  /** Whether the text is looked for in JSON (as JSON encodes it). */
  json: boolean
  rows: (answer: never) => Array<Record<string, unknown>>
  /** The texts a row is found by. */
  fields: (row: never) => string[]
}

/** Every list with a free-text filter (found by `search`/`text` inputs in the contracts). */
const filters: FreeTextFilter[] = [
  {
    path: 'staff.list',
    input: (search) => ({ search, pageSize: 200 }),
    unfiltered: { pageSize: 200 },
    json: false,
    rows: (answer: { rows: [] }) => answer.rows,
    fields: (row: { username: string; displayName: string }) => [row.username, row.displayName],
  },
  {
    path: 'staff.skillsMatrix',
    input: (search) => ({ search, centerId: 1, includeDisabled: true }),
    unfiltered: { centerId: 1, includeDisabled: true },
    json: false,
    rows: (answer: { staff: [] }) => answer.staff,
    fields: (row: { username: string; displayName: string }) => [row.username, row.displayName],
  },
  {
    path: 'catalog.items.list',
    input: (search) => ({ search, pageSize: 200 }),
    unfiltered: { pageSize: 200 },
    json: false,
    rows: (answer: { rows: [] }) => answer.rows,
    fields: (row: { name: string; code: string }) => [row.name, row.code],
  },
  {
    path: 'operationLog.list',
    input: (text) => ({ text, pageSize: 200 }),
    unfiltered: { pageSize: 200 },
    json: true,
    rows: (answer: { rows: [] }) => answer.rows,
    // The log searches values as written into its JSON.
    fields: (row: { before: unknown; after: unknown }) => [
      JSON.stringify(row.before ?? null),
      JSON.stringify(row.after ?? null),
    ],
  },
]

/** What a literal, case-insensitive "contains" finds. */
const contains = (field: string, text: string, json: boolean) =>
  field.toLowerCase().includes((json ? JSON.stringify(text).slice(1, -1) : text).toLowerCase())

describe.each(testDialects)('SQL injection in free-text filters on %s', (dialect) => {
  let harness: Harness
  let admin: string
  let staffCount: number
  beforeAll(async () => {
    harness = await startHarness(dialect)
    const { db } = harness.database
    for (const [i, name] of awkwardNames.entries()) {
      const id = await insertSpareStaff(db, `odd_name.${i}`)
      await db.updateTable('staff').set({ display_name: name }).where('id', '=', id).execute()
      await db.transaction().execute((trx) =>
        appendOperation(
          trx,
          { id: 1, name: 'admin', ip: '127.0.0.1' },
          {
            action: 'staff.update',
            centerId: 1,
            targetType: 'staff',
            targetId: id,
            after: { displayName: name },
          },
        ),
      )
    }
    await db.updateTable('service_item').set({ name: '医保%卡_挂失' }).where('id', '=', 1).execute()
    await db
      .updateTable('service_item')
      .set({ name: "最低'生活\\保障" })
      .where('id', '=', 2)
      .execute()
    admin = await harness.sessionCookieOf('admin')
    staffCount = await countRows(db, 'staff')
  })
  afterAll(() => harness.close())

  describe.each(filters)('$path', (filter) => {
    it.each(attacks)('finds %s literally, and only there, without an error', async (text) => {
      const all = await harness.query(filter.path, filter.unfiltered, { cookie: admin })
      const answer = await harness.query(filter.path, filter.input(text), { cookie: admin })
      expect(answer.status, JSON.stringify(answer.error)).toBe(200)
      const expected = filter
        .rows(all.data as never)
        .filter((row) =>
          filter.fields(row as never).some((field) => contains(field, text, filter.json)),
        )
      expect(filter.rows(answer.data as never)).toEqual(expected)
    })

    it('finds the awkward rows themselves', async () => {
      const answer = await harness.query(filter.path, filter.input('%'), { cookie: admin })
      expect(filter.rows(answer.data as never)).toHaveLength(1)
    })
  })

  it('leaves the tables in place', async () => {
    expect(await countRows(harness.database.db, 'staff')).toBe(staffCount)
  })
})
