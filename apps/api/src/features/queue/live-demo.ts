import { certifiedLevel, shanghaiToday } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { demoAccounts, randomApplicant } from '@onewindow/db/seed'
import { SeededRandom } from '@onewindow/domain'
import type { Kysely } from 'kysely'
import { sessionUserOfStaff } from '../auth/session.service.ts'
import type { Actor } from '../operation-log/log-chain.ts'
import { callNext, stepTicket } from './calling.service.ts'
import { openCounter, servableSkills } from './counter-sessions.service.ts'
import { finishTicket } from './finishing.service.ts'
import { issueTicket } from './tickets.service.ts'

/**
 * Live demo mode: residents keep arriving at every center during its opening hours, and virtual
 * staff at unattended counters serve them through the same services real staff use, so boards,
 * workbenches and dashboards move. Only for the demo database: it writes real tickets and cases.
 */
export interface LiveDemoOptions {
  /** Service time = the item's standard minutes × speed (1/10: an 8-minute item takes 48 s). */
  speed?: number
  /** Arrivals per minute per open counter at the morning peak (9–11h); fewer at other hours. */
  arrivalsPerCounter?: number
  /** Scales the virtual staff's pauses (5–20 s before starting, 5–15 s when nothing waits). */
  pauseScale?: number
  /** How often free counters are looked for again. */
  recheckMs?: number
  /** Seeds the random choices, for tests. */
  seed?: number
  /** The clock that decides whether a center is open; services still stamp Date.now(). */
  clock?: () => number
}

const demoUsernames: readonly string[] = demoAccounts.map((account) => account.username)
const second = 1_000

/** Arrival intensity by Shanghai hour, relative to the morning peak. */
function hourlyFactor(hour: number) {
  if (hour >= 9 && hour < 11) return 1
  if (hour >= 11 && hour < 13) return 0.5
  if (hour >= 13 && hour < 16) return 0.75
  return 0.4
}

function openNow(openingHoursJson: string, now: number, holidays: ReadonlySet<string>) {
  if (holidays.has(shanghaiToday(now))) return false
  let intervals: { weekday: number; opens: string; closes: string }[] = []
  try {
    intervals = JSON.parse(openingHoursJson) as typeof intervals
  } catch {
    return false
  }
  const shanghai = new Date(now + 8 * 3_600_000)
  const weekday = shanghai.getUTCDay() || 7
  const time = shanghai.toISOString().slice(11, 16)
  return intervals.some((i) => i.weekday === weekday && i.opens <= time && time < i.closes)
}

type Center = { id: number; opening_hours: string; counters: number }

export function startLiveDemo(db: Kysely<Database>, options: LiveDemoOptions = {}) {
  const speed = options.speed ?? 1 / 10
  const perCounter = options.arrivalsPerCounter ?? 0.6
  const pauseScale = options.pauseScale ?? 1
  const recheckMs = options.recheckMs ?? 3 * 60 * second
  const clock = options.clock ?? Date.now
  const rng = new SeededRandom(options.seed ?? Date.now())
  const random = () => rng.next()
  const between = (min: number, max: number) => rng.between(min, max)

  let stopped = false
  const pending = new Map<NodeJS.Timeout, () => void>()
  const loops = new Set<Promise<void>>()
  const workers = new Set<number>()
  const warned = new Set<string>()

  /** Resolves after ms, or at once when the demo stops; to whether it still runs. */
  const sleep = (ms: number) =>
    new Promise<boolean>((resolve) => {
      if (stopped) return resolve(false)
      const timer = setTimeout(() => {
        pending.delete(timer)
        resolve(!stopped)
      }, ms)
      pending.set(timer, () => resolve(false))
    })
  const warnOnce = (error: unknown) => {
    const kind = error instanceof Error ? error.message : String(error)
    if (!warned.has(kind)) console.warn(`live demo: ${kind}`)
    warned.add(kind)
  }
  const run = (loop: () => Promise<void>) => {
    const running = loop().catch(warnOnce)
    loops.add(running)
    void running.finally(() => loops.delete(running))
  }

  async function arrivals(center: Center) {
    // Residents come for what someone here can serve, mostly quick immediate matters.
    const listedHere = db
      .selectFrom('service_item_center')
      .select('service_item_id')
      .where('center_id', '=', center.id)
    const certifiedHere = db
      .selectFrom('staff_skill')
      .innerJoin('staff', 'staff.id', 'staff_skill.staff_id')
      .select('staff_skill.skill_id')
      .where('staff.center_id', '=', center.id)
      .where('staff.status', '=', 'active')
      .where('staff_skill.level', '>=', certifiedLevel)
    const items = await db
      .selectFrom('service_item')
      .select(['id', 'kind'])
      .where('status', '=', 'active')
      .where((eb) => eb.or([eb('availability', '=', 'all'), eb('id', 'in', listedHere)]))
      .where('skill_id', 'in', certifiedHere)
      .execute()
    const weighted = items.flatMap((i) => (i.kind === 'immediate' ? [i, i, i] : [i]))
    const holidayRows = await db
      .selectFrom('calendar_day')
      .select('day')
      .where('kind', '=', 'holiday')
      .execute()
    const holidays = new Set(holidayRows.map((row) => row.day))
    if (weighted.length === 0 || center.counters === 0) return
    const actor: Actor = { id: null, name: 'kiosk', ip: 'simulator' }
    while (!stopped) {
      const now = clock()
      if (!openNow(center.opening_hours, now, holidays)) {
        await sleep(Math.min(recheckMs, 60 * second))
        continue
      }
      const hour = new Date(now + 8 * 3_600_000).getUTCHours()
      const perMinute = perCounter * center.counters * hourlyFactor(hour)
      // Poisson arrivals: exponential gaps at the current rate.
      if (!(await sleep((-Math.log(1 - random()) / perMinute) * 60 * second))) return
      const item = weighted[Math.floor(random() * weighted.length)]!
      const ticket = { centerId: center.id, serviceItemId: item.id, priority: random() < 0.05 }
      await issueTicket(db, actor, ticket).catch(warnOnce)
    }
  }

  /** The ticket a counter holds now, with its item's standard minutes. */
  const heldTicket = (counterId: number) =>
    db
      .selectFrom('ticket')
      .innerJoin('service_item', 'service_item.id', 'ticket.service_item_id')
      .select(['ticket.id', 'ticket.status', 'service_item.standard_minutes'])
      .where('ticket.counter_id', '=', counterId)
      .where('ticket.status', 'in', ['called', 'serving'])
      .executeTakeFirst()

  /** One virtual staff member at their counter: call, start, serve, finish, again. */
  async function work(staffId: number, counterId: number, takeCounter: boolean) {
    const user = await sessionUserOfStaff(db, staffId)
    const actor: Actor = { id: user.id, name: user.username, ip: 'simulator' }
    try {
      if (takeCounter) await openCounter(db, user, actor, { counterId, autoCallSeconds: null })
    } catch {
      return // a real person took the counter meanwhile: leave it to them
    }
    while (!stopped) {
      const ticket = await heldTicket(counterId)
      try {
        if (!ticket) {
          await callNext(db, user, actor)
        } else if (ticket.status === 'called') {
          if (!(await sleep(between(5, 20) * second * pauseScale))) return
          await stepTicket(db, user, actor, ticket.id, random() < 0.02 ? 'noShow' : 'start')
        } else {
          if (!(await sleep(ticket.standard_minutes * 60 * second * speed * between(0.6, 1.4))))
            return
          await finishTicket(db, user, actor, { ticketId: ticket.id, ...randomOutcome() })
        }
      } catch (error) {
        const code = error instanceof Error ? error.message : ''
        if (code === 'queue.counterNotOpen') return
        if (code !== 'queue.nothingWaiting' && code !== 'queue.paused') warnOnce(error)
        await sleep(between(5, 15) * second * pauseScale)
      }
    }
  }

  function randomOutcome() {
    const idempotencyKey = `sim-${Date.now().toString(36)}-${random().toString(36).slice(2)}`
    const roll = random()
    if (roll < 0.85) {
      return { outcome: 'case' as const, idempotencyKey, applicant: randomApplicant(rng) }
    }
    if (roll < 0.97) return { outcome: 'consultation' as const, idempotencyKey }
    return { outcome: 'rejected' as const, note: '材料不齐，已一次性告知补正', idempotencyKey }
  }

  const startWorker = (staffId: number, counterId: number, takeCounter = false) => {
    workers.add(staffId)
    run(() => work(staffId, counterId, takeCounter).finally(() => workers.delete(staffId)))
  }

  /** Resumes virtual staff left at counters by an earlier run, and staffs the free counters. */
  async function staffCounters(center: Center) {
    const sessions = await db
      .selectFrom('counter_session')
      .innerJoin('counter', 'counter.id', 'counter_session.counter_id')
      .innerJoin('staff', 'staff.id', 'counter_session.staff_id')
      .select(['counter_session.counter_id', 'counter_session.staff_id', 'staff.username'])
      .where('counter.center_id', '=', center.id)
      .execute()
    for (const session of sessions) {
      if (demoUsernames.includes(session.username) || workers.has(session.staff_id)) continue
      startWorker(session.staff_id, session.counter_id)
    }
    const unattended = await db
      .selectFrom('counter')
      .select(['id', 'kind'])
      .where('center_id', '=', center.id)
      .where('status', '=', 'open')
      .where('id', 'not in', (eb) => eb.selectFrom('counter_session').select('counter_id'))
      .orderBy('code')
      .execute()
    // The first two comprehensive counters stay free for people who sign in and work the demo.
    const kept = new Set(unattended.filter((c) => c.kind === 'comprehensive').slice(0, 2))
    const free = unattended.filter((counter) => !kept.has(counter))
    const candidates = await db
      .selectFrom('staff')
      .select('id')
      .where('center_id', '=', center.id)
      .where('status', '=', 'active')
      .where('role', '=', 'staff')
      .where('username', 'not in', demoUsernames)
      .where('id', 'not in', (eb) => eb.selectFrom('counter_session').select('staff_id'))
      .execute()
    const idle = candidates.map((c) => c.id).filter((id) => !workers.has(id))
    for (const counter of free) {
      for (const [index, staffId] of idle.entries()) {
        if ((await servableSkills(db, staffId, counter.id)).length === 0) continue
        idle.splice(index, 1)
        startWorker(staffId, counter.id, true)
        break
      }
    }
  }

  run(async () => {
    const rows = await db
      .selectFrom('center')
      .select(['id', 'opening_hours'])
      .select((eb) =>
        eb
          .selectFrom('counter')
          .select((c) => c.fn.countAll<number>().as('n'))
          .whereRef('counter.center_id', '=', 'center.id')
          .where('counter.status', '=', 'open')
          .as('counters'),
      )
      .where('status', '=', 'open')
      .orderBy('id')
      .execute()
    const centers = rows.map((row) => ({ ...row, counters: Number(row.counters) }))
    for (const center of centers) run(() => arrivals(center))
    // Every few minutes, counters someone left are staffed again.
    for (; !stopped; await sleep(recheckMs)) {
      for (const center of centers) if (!stopped) await staffCounters(center).catch(warnOnce)
    }
  })

  return {
    /** Cancels every timer and waits for the calls in flight. */
    async stop() {
      stopped = true
      for (const [timer, resolve] of pending) {
        clearTimeout(timer)
        resolve()
      }
      while (loops.size > 0) await Promise.allSettled([...loops])
    },
  }
}
