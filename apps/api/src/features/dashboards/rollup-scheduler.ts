import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'
import { runPeriodically } from '../../periodic.ts'
import { rebuildRollups } from './rollup-maintenance.ts'
import { refreshRollups } from './rollup-refresher.ts'

/** Whether the rollups were never built although there is history (a fresh seed or upgrade). */
async function neverBuilt(db: Kysely<Database>) {
  const [rolled, ticket] = await Promise.all([
    db.selectFrom('kpi_rollup_day').select('day').limit(1).executeTakeFirst(),
    db.selectFrom('ticket').select('id').limit(1).executeTakeFirst(),
  ])
  return rolled === undefined && ticket !== undefined
}

async function firstRound(db: Kysely<Database>) {
  if (!(await neverBuilt(db))) return refreshRollups(db)
  const started = performance.now()
  const { centerDays } = await rebuildRollups(db)
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(`Built the dashboards' rollups of ${centerDays} center-days in ${seconds} s.`)
}

/**
 * Keeps the dashboards' rollups current in the background: builds them on first start, then
 * every `intervalMs` rolls up what changed. A slow round makes the next one skip.
 */
export function startRollupRefresher(db: Kysely<Database>, intervalMs = 60_000) {
  return runPeriodically('rollup refresh', intervalMs, () => refreshRollups(db), {
    firstRound: () => firstRound(db),
  })
}
