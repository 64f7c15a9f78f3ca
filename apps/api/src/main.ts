import { idNumberKeys, migrateToLatest, openDatabase, twoFactorKey } from '@onewindow/db'
import { isSeeded, seedDemoData } from '@onewindow/db/seed'
import { loadConfig } from './config.ts'
import { startAnomalyScheduler } from './features/anomalies/anomaly-scheduler.ts'
import { startLogSealer } from './features/operation-log/log-seal.ts'
import { startRollupRefresher } from './features/dashboards/rollup-scheduler.ts'
import { startAutoCaller } from './features/queue/auto-call.ts'
import { startLiveDemo } from './features/queue/live-demo.ts'
import { openRealtimeBus } from './realtime/realtime.ts'
import { buildServer } from './server.ts'

const config = loadConfig()
// Refuses to start a production server without ID_ENCRYPTION_KEY and ID_LOOKUP_KEY,
// or TWO_FACTOR_KEY.
idNumberKeys()
twoFactorKey()
const database = openDatabase(config.databaseUrl)
await migrateToLatest(database.db)

// The embedded database is a demo: fill it on first run. A MySQL database is never seeded
// implicitly; `pnpm db:seed` does that on purpose.
if (database.dialect === 'sqlite' && !(await isSeeded(database.db))) {
  const summary = await seedDemoData(database.db)
  console.log(`Seeded the demo district (${summary.elapsedMs} ms).`)
}

const app = await buildServer({ database, config })
const realtimeBus = openRealtimeBus(config.redisUrl, app.log)
await app.listen({ port: config.port, host: config.host })

const demoAccounts = await database.db
  .selectFrom('staff')
  .select('username')
  .where('username', 'in', ['admin', 'manager', 'supervisor', 'staff'])
  .execute()
console.log(
  `\nonewindow is running at http://localhost:${config.port}/  (database: ${database.dialect})`,
)
if (demoAccounts.length > 0) {
  console.log(
    `Demo sign-ins (password "onewindow"): ${demoAccounts.map((a) => a.username).join(', ')}\n`,
  )
}
const logSealer = startLogSealer(database.db)
const autoCaller = startAutoCaller(database.db)
const rollups = startRollupRefresher(database.db)
const anomalies = startAnomalyScheduler(database.db)
const liveDemo = config.simulate ? startLiveDemo(database.db) : null
if (liveDemo) {
  console.log(
    'Live demo: residents arrive and virtual staff serve them (DEMO_SIMULATE=false stops it).',
  )
}

/** A shutdown slower than this exits anyway: the orchestrator would kill the process soon. */
const shutdownDeadlineMs = 10_000

/**
 * SIGTERM (a deploy) or Ctrl-C: new connections are refused and live event streams end (pages
 * reconnect elsewhere), requests under way and background rounds finish, then the database
 * closes and the process exits 0.
 */
async function shutDown(signal: NodeJS.Signals) {
  console.log(`${signal}: shutting down.`)
  setTimeout(() => {
    console.error(`Shutdown took over ${shutdownDeadlineMs / 1000} s: exiting anyway.`)
    process.exit(1)
  }, shutdownDeadlineMs).unref()
  await Promise.all([
    app.close(),
    liveDemo?.stop(),
    autoCaller.stop(),
    rollups.stop(),
    anomalies.stop(),
    logSealer.stop(),
  ])
  await realtimeBus.close()
  await database.destroy()
  process.exit(0)
}

let shuttingDown: Promise<void> | null = null
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void (shuttingDown ??= shutDown(signal)))
}
