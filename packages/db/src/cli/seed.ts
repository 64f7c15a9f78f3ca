import { parseArgs } from 'node:util'
import { openDatabase } from '../connect.ts'
import { migrateToLatest } from '../migrate.ts'
import {
  clearAllData,
  defaultSeed,
  demoAccounts,
  demoPassword,
  demoTwoFactorSecret,
  isSeeded,
  seedDemoData,
} from '../seed/index.ts'

const usage = `Usage: pnpm db:seed [--seed N] [--reset] [--no-history]
  --seed N      generate the demo district of seed N (default ${defaultSeed})
  --reset       delete all data first
  --no-history  leave out the 90 days of queue history (tickets and cases)`

function parseOptions(): { seed: number; reset: boolean; history: boolean } {
  // `pnpm db:seed -- --seed 2` passes the `--` through; drop it so the options still count.
  const args = process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === '--'))
  try {
    const { values } = parseArgs({
      args,
      options: {
        seed: { type: 'string', default: String(defaultSeed) },
        reset: { type: 'boolean', default: false },
        'no-history': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
    if (values.help) exit(0, usage)
    const seed = Number(values.seed)
    if (!Number.isSafeInteger(seed) || seed < 0) {
      exit(1, `--seed must be a non-negative integer (got "${values.seed}").\n${usage}`)
    }
    return { seed, reset: values.reset, history: !values['no-history'] }
  } catch (error) {
    return exit(1, `${error instanceof Error ? error.message : String(error)}\n${usage}`)
  }
}

function exit(code: number, message: string): never {
  if (code === 0) console.log(message)
  else console.error(message)
  process.exit(code)
}

const { seed, reset, history } = parseOptions()
const handle = openDatabase()
try {
  await migrateToLatest(handle.db)
  if (!reset && (await isSeeded(handle.db))) {
    console.error(
      `The ${handle.dialect} database already holds data. ` +
        'Run `pnpm db:seed --reset` to delete everything and seed again.',
    )
    process.exitCode = 1
  } else {
    if (reset) {
      await clearAllData(handle.db)
      console.log(`Cleared all data from the ${handle.dialect} database.`)
    }
    const summary = await seedDemoData(handle.db, { seed, history })
    console.log(
      `Seeded the ${handle.dialect} database with seed ${seed} in ${summary.elapsedMs} ms:`,
    )
    for (const [table, count] of Object.entries(summary.counts)) {
      console.log(`  ${table.padEnd(16)}${String(count).padStart(7)}`)
    }
    console.log(`Demo sign-ins, all with the password "${demoPassword}":`)
    for (const account of demoAccounts) {
      console.log(
        `  ${account.username.padEnd(12)}${account.role.padEnd(12)}${account.displayName}`,
      )
    }
    console.log(
      `Admin, manager and supervisor accounts also need a code: authenticator secret ${demoTwoFactorSecret}`,
    )
  }
} finally {
  await handle.destroy()
}
