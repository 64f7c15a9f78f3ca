import { type Kysely, MysqlAdapter } from 'kysely'
import { decryptIdNumber, sealIdNumber } from '../id-numbers.ts'

/*
 * ID numbers leave plain text: each becomes an AES-GCM value and an HMAC lookup hash (indexed on
 * cases, where the back office searches by number), and the plain columns go. The keys come from
 * ID_ENCRYPTION_KEY and ID_LOOKUP_KEY as for the server (development keys in a demo or test;
 * production refuses to migrate without them). Unlike other migrations this one imports the
 * cipher: its v1 format is frozen by the data written with it, and a later version must still
 * read v1, so sharing it cannot change what this migration did.
 */
const columns = [
  { table: 'ticket', plain: 'resident_id_number', indexed: false },
  { table: 'service_case', plain: 'applicant_id_number', indexed: true },
] as const

const batchSize = 500
const encrypted = (plain: string) => `${plain}_encrypted`
const hash = (plain: string) => `${plain}_hash`
const hashIndex = (table: string) => `${table}_id_number_hash_idx`

export async function up(db: Kysely<any>): Promise<void> {
  for (const { table, plain, indexed } of columns) {
    await db.schema.alterTable(table).addColumn(encrypted(plain), 'varchar(128)').execute()
    await db.schema.alterTable(table).addColumn(hash(plain), 'varchar(64)').execute()
    await rewrite(db, table, plain, (idNumber) => {
      const sealed = sealIdNumber(idNumber)
      return { [encrypted(plain)]: sealed.encrypted, [hash(plain)]: sealed.hash }
    })
    if (indexed) {
      await db.schema.createIndex(hashIndex(table)).on(table).column(hash(plain)).execute()
    }
    await db.schema.alterTable(table).dropColumn(plain).execute()
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const { table, plain, indexed } of columns) {
    await db.schema.alterTable(table).addColumn(plain, 'varchar(32)').execute()
    await rewrite(db, table, encrypted(plain), (value) => ({ [plain]: decryptIdNumber(value) }))
    if (indexed) {
      // MySQL names the table of an index to drop; SQLite refuses the ON clause.
      const drop = db.schema.dropIndex(hashIndex(table))
      await (db.getExecutor().adapter instanceof MysqlAdapter ? drop.on(table) : drop).execute()
    }
    await db.schema.alterTable(table).dropColumn(hash(plain)).execute()
    await db.schema.alterTable(table).dropColumn(encrypted(plain)).execute()
  }
}

/** Sets new values from `from` on every row holding one, a transaction per batch of rows. */
async function rewrite(
  db: Kysely<any>,
  table: string,
  from: string,
  values: (value: string) => Record<string, string | null>,
): Promise<void> {
  let after = 0
  for (;;) {
    const rows: Array<{ id: number; value: string }> = await db
      .selectFrom(table)
      .select(['id', `${from} as value`])
      .where(from, 'is not', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(batchSize)
      .execute()
    if (rows.length === 0) return
    // SQLite runs migrations in a transaction already; MySQL, whose DDL is not transactional, not.
    const write = async (trx: Kysely<any>) => {
      for (const row of rows) {
        await trx.updateTable(table).set(values(row.value)).where('id', '=', row.id).execute()
      }
    }
    await (db.isTransaction ? write(db) : db.transaction().execute(write))
    after = Number(rows.at(-1)!.id)
  }
}
