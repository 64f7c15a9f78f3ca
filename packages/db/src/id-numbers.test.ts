import { randomBytes } from 'node:crypto'
import { type Kysely, Migrator } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from './connect.ts'
import {
  decryptIdNumber,
  encryptIdNumber,
  idNumberKeysFrom,
  idNumberLookupHash,
} from './id-numbers.ts'
import { migrateToLatest } from './migrate.ts'
import { migrations } from './migrations/index.ts'
import { seedDemoData } from './seed/index.ts'
import { createTestDatabase, testDialects } from './testing.ts'

const idNumber = '31010119900101123X'
const key = () => randomBytes(32).toString('base64')

describe('ID number encryption', () => {
  it('gives a new ciphertext each time, which only its own key opens', () => {
    const first = encryptIdNumber(idNumber)
    const second = encryptIdNumber(idNumber)
    expect(first).not.toBe(second)
    expect(first).not.toContain(idNumber.slice(4))
    expect([decryptIdNumber(first), decryptIdNumber(second)]).toEqual([idNumber, idNumber])
    const other = idNumberKeysFrom({ ID_ENCRYPTION_KEY: key(), ID_LOOKUP_KEY: key() })
    expect(() => decryptIdNumber(first, other)).toThrow()
  })

  it('refuses a value whose ciphertext or tag was altered, or of an unknown version', () => {
    const [version, iv, tag, ciphertext] = encryptIdNumber(idNumber).split(':') as string[]
    const flipped = (part: string) => {
      const bytes = Buffer.from(part, 'base64url')
      bytes[0]! ^= 1
      return bytes.toString('base64url')
    }
    expect(() => decryptIdNumber([version, iv, tag, flipped(ciphertext!)].join(':'))).toThrow()
    expect(() => decryptIdNumber([version, iv, flipped(tag!), ciphertext].join(':'))).toThrow()
    expect(() => decryptIdNumber(['v9', iv, tag, ciphertext].join(':'))).toThrow(/known version/)
  })

  it('hashes the normalized number, differently under another lookup key', () => {
    expect(idNumberLookupHash(' 31010119900101123x ')).toBe(idNumberLookupHash(idNumber))
    expect(idNumberLookupHash('310101199001011234')).not.toBe(idNumberLookupHash(idNumber))
    const other = idNumberKeysFrom({ ID_ENCRYPTION_KEY: key(), ID_LOOKUP_KEY: key() })
    expect(idNumberLookupHash(idNumber, other)).not.toBe(idNumberLookupHash(idNumber))
  })

  it('takes its keys from the environment, and insists on them in production', () => {
    const production = { NODE_ENV: 'production', DATABASE_URL: 'mysql://db/onewindow' }
    expect(() => idNumberKeysFrom(production)).toThrow(/required in production/)
    expect(() => idNumberKeysFrom({ ...production, ID_ENCRYPTION_KEY: key() })).toThrow(/both/)
    expect(() =>
      idNumberKeysFrom({ ...production, ID_ENCRYPTION_KEY: 'c2hvcnQ=', ID_LOOKUP_KEY: key() }),
    ).toThrow(/32 bytes/)
    const own = idNumberKeysFrom({ ...production, ID_ENCRYPTION_KEY: key(), ID_LOOKUP_KEY: key() })
    expect(own.encryption).toHaveLength(32)
    // A demo (the embedded database, or DEMO_MODE) and tests may use the development keys.
    const development = idNumberKeysFrom({})
    expect(idNumberKeysFrom({ NODE_ENV: 'production' })).toEqual(development)
    expect(idNumberKeysFrom({ ...production, DEMO_MODE: 'true' })).toEqual(development)
  })
})

describe.each(testDialects)('the ID number migration on %s', (dialect) => {
  let database: DatabaseHandle
  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await seedDemoData(database.db, { history: false })
  })
  afterAll(() => database.destroy())

  const migrator = () =>
    new Migrator({ db: database.db, provider: { getMigrations: async () => migrations } })
  const names = Object.keys(migrations)
  const before = names[names.indexOf('2026-11-27-53-id-number-encryption') - 1]!
  const migrateTo = async (name: string) => {
    const result = await migrator().migrateTo(name)
    expect(result.error).toBeUndefined()
  }

  it('encrypts plain numbers already stored, and decrypts them again going down', async () => {
    await migrateTo(before)
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema before this migration
    const db = database.db as unknown as Kysely<any>
    const now = Date.now()
    const ticketRow = {
      center_id: 1,
      day: '2026-11-27',
      service_item_id: 1,
      skill_id: 1,
      status: 'waiting',
      issued_at: now,
      queued_since: now,
    }
    await db
      .insertInto('ticket')
      .values([
        { ...ticketRow, id: 1, number: 'A001', resident_id_number: '310101199001011234' },
        { ...ticketRow, id: 2, number: 'A002', resident_id_number: null },
      ])
      .execute()
    // More than one batch of cases with numbers, and one without.
    const plain = (i: number) => `31010119900101${String(i).padStart(3, '0')}X`
    const caseRow = (i: number, applicant: string | null) => ({
      id: i,
      center_id: 1,
      service_item_id: 1,
      staff_id: 1,
      kind: 'commitment',
      status: 'accepted',
      accepted_at: now,
      idempotency_key: `migration-${i}`,
      applicant_id_number: applicant,
    })
    const cases = Array.from({ length: 600 }, (_, i) => caseRow(i + 1, plain(i + 1)))
    for (let start = 0; start < cases.length; start += 200) {
      await db
        .insertInto('service_case')
        .values(cases.slice(start, start + 200))
        .execute()
    }
    await db.insertInto('service_case').values(caseRow(601, null)).execute()

    await migrateToLatest(database.db)
    const stored = await database.db.selectFrom('service_case').selectAll().orderBy('id').execute()
    expect(JSON.stringify(stored)).not.toMatch(/3101011990010\d{4}X/)
    expect(
      stored.map(
        (r) => r.applicant_id_number_encrypted && decryptIdNumber(r.applicant_id_number_encrypted),
      ),
    ).toEqual([...cases.map((c) => c.applicant_id_number), null])
    expect(stored[599]!.applicant_id_number_hash).toBe(idNumberLookupHash(plain(600)))
    expect(stored[600]!.applicant_id_number_hash).toBeNull()
    const tickets = await database.db
      .selectFrom('ticket')
      .select(['resident_id_number_encrypted', 'resident_id_number_hash'])
      .orderBy('id')
      .execute()
    expect(decryptIdNumber(tickets[0]!.resident_id_number_encrypted!)).toBe('310101199001011234')
    expect(tickets[1]).toEqual({
      resident_id_number_encrypted: null,
      resident_id_number_hash: null,
    })

    await migrateTo(before)
    const restored = await db
      .selectFrom('service_case')
      .select('applicant_id_number')
      .orderBy('id')
      .execute()
    expect(restored.map((r) => r.applicant_id_number)).toEqual([
      ...cases.map((c) => c.applicant_id_number),
      null,
    ])
    const restoredTicket = await db
      .selectFrom('ticket')
      .select('resident_id_number')
      .where('id', '=', 1)
      .executeTakeFirstOrThrow()
    expect(restoredTicket.resident_id_number).toBe('310101199001011234')
    await migrateToLatest(database.db)
  }, 60_000)
})
