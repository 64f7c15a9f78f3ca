import { parseArgs } from 'node:util'
import { openDatabase } from '@onewindow/db'
import { rebuildRollups, verifyRollups } from '../features/dashboards/rollup-maintenance.ts'
import { refreshRollups } from '../features/dashboards/rollup-refresher.ts'

/*
 * pnpm db:rollup            roll up what changed since the last refresh (what the API does every minute)
 * pnpm db:rollup --rebuild  drop the dashboards' rollups and build them again from the base rows
 * pnpm db:rollup --verify   check the rollups against the base rows; exits 1 if they differ
 */
const { values } = parseArgs({
  options: { rebuild: { type: 'boolean' }, verify: { type: 'boolean' } },
})
const database = openDatabase()
const started = performance.now()
const seconds = () => ((performance.now() - started) / 1000).toFixed(1)
try {
  if (values.rebuild) {
    let last = 0
    const { centerDays } = await rebuildRollups(database.db, (done, total) => {
      const percent = Math.floor((done / total) * 100)
      if (percent >= last + 10 || done === total) {
        last = percent
        console.log(`  ${done}/${total} center-days (${percent}%)`)
      }
    })
    console.log(`Rebuilt the rollups of ${centerDays} center-days in ${seconds()} s.`)
  } else if (!values.verify) {
    const { rolled, leased } = await refreshRollups(database.db)
    console.log(
      leased
        ? `Rolled up ${rolled} changed center-days in ${seconds()} s.`
        : 'Another process is refreshing the rollups; nothing done.',
    )
  }
  if (values.verify) {
    const report = await verifyRollups(database.db)
    if (report.mismatches.length === 0 && report.pending === 0) {
      console.log(
        `Rollups match the base rows: ${report.centerDays} center-days checked in ${seconds()} s.`,
      )
    } else {
      console.error(
        `Rollups differ from the base rows on ${report.mismatches.length} center-days; ${report.pending} not rolled up yet.`,
      )
      for (const mismatch of report.mismatches.slice(0, 20)) console.error(JSON.stringify(mismatch))
      process.exitCode = 1
    }
  }
} finally {
  await database.destroy()
}
