/**
 * Self-check of the dashboard history generator: generates GENERATE_TICKETS tickets (default
 * 20,000) into SQLite, and MariaDB when MYSQL_URL is set (GENERATE_DIALECT=sqlite|mysql picks
 * one), checks the rows' consistency with SQL and prints the write speed. Exits 1 on a failure.
 */
import { shanghaiToday } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { type Kysely, sql } from 'kysely'
import { generateDashboardHistory } from './generate-history.ts'

const requested = Number(process.env.GENERATE_TICKETS ?? 20_000)
const dialects = testDialects.filter((d) => (process.env.GENERATE_DIALECT ?? d) === d)
const now = Date.parse('2026-11-26T04:00:00Z')
let failures = 0

function check(name: string, ok: boolean, detail: unknown = '') {
  if (!ok) failures++
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}${ok ? '' : ` (${JSON.stringify(detail)})`}`)
}

async function count(db: Kysely<Database>, query: ReturnType<typeof sql<{ n: unknown }>>) {
  const { rows } = await query.execute(db)
  return Number(rows[0]?.n ?? 0)
}

async function verify(db: Kysely<Database>) {
  const n = (text: string) => count(db, sql<{ n: unknown }>`${sql.raw(text)}`)
  check('ticket rows = requested', (await n('select count(*) as n from ticket')) === requested)
  check(
    'issued ≤ called ≤ serving ≤ finished',
    (await n(`select count(*) as n from ticket where not (
        issued_at <= called_at and queued_since <= issued_at and called_at <= finished_at
        and (serving_started_at is null or serving_started_at between called_at and finished_at))`)) ===
      0,
  )
  check(
    'done tickets were served, no-shows were not',
    (await n(`select count(*) as n from ticket where
        (status = 'done' and (serving_started_at is null or outcome is null))
        or (status = 'no_show' and serving_started_at is not null)
        or status not in ('done', 'no_show', 'transferred')`)) === 0,
  )
  const transferred = await n(`select count(*) as n from ticket where status = 'transferred'`)
  check(
    'each transferred ticket has one follow-up with its number and place',
    (await n(`select count(*) as n from ticket f join ticket t on t.id = f.transferred_from_id
        where t.status = 'transferred' and f.number = t.number
        and f.queued_since = t.queued_since and f.issued_at = t.finished_at`)) === transferred &&
      (await n('select count(*) as n from ticket where transferred_from_id is not null')) ===
        transferred,
  )
  check(
    'no one serves two residents at once',
    (await n(`select count(*) as n from (select called_at, lag(finished_at) over
        (partition by staff_id order by called_at) as previous from ticket) t
        where called_at < previous`)) === 0,
  )
  check(
    'cases belong to case-outcome tickets, one each',
    (await n(`select count(*) as n from service_case c left join ticket t on t.id = c.ticket_id
        where t.id is null or t.outcome <> 'case' or c.accepted_at <> t.finished_at
        or c.staff_id <> t.staff_id or c.service_item_id <> t.service_item_id`)) === 0 &&
      (await n(`select count(*) as n from ticket where outcome = 'case'`)) ===
        (await n('select count(*) as n from service_case')),
  )
  check(
    'immediate cases complete at once, commitment ones have a deadline',
    (await n(`select count(*) as n from service_case where
        (kind = 'immediate' and (completed_at <> accepted_at or deadline_day is not null))
        or (kind = 'commitment' and (deadline_day is null or completed_at < accepted_at))`)) === 0,
  )
  const days = await db
    .selectFrom('ticket')
    .select([
      'day',
      (eb) => eb.fn.min('issued_at').as('first'),
      (eb) => eb.fn.max('finished_at').as('last'),
    ])
    .groupBy('day')
    .execute()
  const offDay = days.filter(
    (d) => shanghaiToday(Number(d.first)) !== d.day || shanghaiToday(Number(d.last)) !== d.day,
  )
  check('every ticket lies on its day in Shanghai', offDay.length === 0, offDay.slice(0, 3))
  check(
    'pauses lie within a stint of their counter',
    (await n(`select count(*) as n from counter_pause p where not exists (select 1 from
        counter_session_log s where s.counter_id = p.counter_id and s.staff_id = p.staff_id
        and s.opened_at <= p.started_at and p.ended_at <= s.closed_at)`)) === 0,
  )
  const { rows } = await sql<Record<string, unknown>>`select
      1.0 * sum(case when status = 'no_show' then 1 else 0 end) / count(*) as no_show,
      1.0 * sum(case when status = 'transferred' then 1 else 0 end) / count(*) as transferred,
      1.0 * sum(case when outcome = 'consultation' then 1 else 0 end) / count(*) as consultation,
      avg(called_at - queued_since) / 60000 as wait_minutes,
      avg(finished_at - serving_started_at) / 60000 as service_minutes
    from ticket`.execute(db)
  console.log('  shares and means:', rows[0])
}

for (const dialect of dialects) {
  const handle = await createTestDatabase(dialect)
  try {
    console.log(`${dialect}: generating ${requested.toLocaleString('en')} tickets…`)
    let shown = 0
    const summary = await generateDashboardHistory(handle.db, {
      tickets: requested,
      now,
      onProgress: (done, total) => {
        if (done - shown < total / 10 && done < total) return
        shown = done
        process.stdout.write(`  ${Math.round((done / total) * 100)}%`)
      },
    })
    const rows = summary.tickets + summary.cases + summary.sessions + summary.pauses
    console.log(`\n  ${JSON.stringify(summary)}`)
    console.log(
      `  ${Math.round(rows / (summary.ms / 1000)).toLocaleString('en')} rows/s, ` +
        `${Math.round(summary.tickets / (summary.ms / 1000)).toLocaleString('en')} tickets/s`,
    )
    await verify(handle.db)
  } finally {
    await handle.destroy()
  }
}
if (failures > 0) process.exitCode = 1
