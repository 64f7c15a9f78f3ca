import { migrateToLatest, openDatabase } from '@onewindow/db'
import { isSeeded, seedDemoData } from '@onewindow/db/seed'
import { loadConfig } from './config.ts'
import { startAnomalyScheduler } from './features/anomalies/anomaly-scheduler.ts'
import { startRollupRefresher } from './features/dashboards/rollup-scheduler.ts'
import { startAutoCaller } from './features/queue/auto-call.ts'
import { startLiveDemo } from './features/queue/live-demo.ts'
import { buildServer } from './server.ts'

const config = loadConfig()
const database = openDatabase(config.databaseUrl)
await migrateToLatest(database.db)

// The embedded database is a demo: fill it on first run. A MySQL database is never seeded
// implicitly; `pnpm db:seed` does that on purpose.
if (database.dialect === 'sqlite' && !(await isSeeded(database.db))) {
  const summary = await seedDemoData(database.db)
  console.log(`Seeded the demo district (${summary.elapsedMs} ms).`)
}

const app = await buildServer({ database, config })
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
const autoCaller = startAutoCaller(database.db)
const rollups = startRollupRefresher(database.db)
const anomalies = startAnomalyScheduler(database.db)
const liveDemo = config.simulate ? startLiveDemo(database.db) : null
if (liveDemo) {
  console.log(
    'Live demo: residents arrive and virtual staff serve them (DEMO_SIMULATE=false stops it).',
  )
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await liveDemo?.stop()
    await autoCaller.stop()
    await rollups.stop()
    await anomalies.stop()
    await app.close()
    await database.destroy()
    process.exit(0)
  })
}
