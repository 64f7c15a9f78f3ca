import { createConnection } from 'mysql2/promise'

/**
 * On a MySQL database: another session holds counter `counterId`'s session row, so that a finish
 * at that counter (which arms the counter's next auto-call on that row) waits for it after
 * marking its ticket done. `killWaiter()` then kills the waiting finish's connection, as a
 * dropped connection would; `release()` lets the row go.
 */
export async function holdCounterSession(databaseUrl: string, counterId: number) {
  const databaseName = decodeURIComponent(new URL(databaseUrl).pathname.slice(1))
  const holder = await createConnection(databaseUrl)
  const admin = await createConnection(databaseUrl)
  await holder.beginTransaction()
  await holder.query('SELECT * FROM counter_session WHERE counter_id = ? FOR UPDATE', [counterId])

  /** The connection id of the statement waiting for the held row. */
  async function waitingConnection(): Promise<number> {
    for (let attempt = 0; attempt < 200; attempt++) {
      const [rows] = await admin.query(
        `SELECT id FROM information_schema.processlist
         WHERE db = ? AND command = 'Query' AND info LIKE 'update \`counter_session\`%'`,
        [databaseName],
      )
      const waiting = rows as { id: number }[]
      if (waiting.length === 1) return Number(waiting[0]!.id)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    throw new Error('no finish waited for the held counter_session row')
  }

  return {
    async killWaiter() {
      await admin.query(`KILL ${await waitingConnection()}`)
    },
    async release() {
      await holder.end()
      await admin.end()
    },
  }
}
