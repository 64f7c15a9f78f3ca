import { shanghaiToday } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'

/** What the hall display shows: who is being called where, and the lines by skill. */
export async function boardOf(db: Kysely<Database>, centerId: number, now = Date.now()) {
  const day = shanghaiToday(now)
  const [center, calling, waiting, served, open] = await Promise.all([
    db
      .selectFrom('center')
      .select(['id', 'name'])
      .where('id', '=', centerId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('ticket')
      .innerJoin('counter', 'counter.id', 'ticket.counter_id')
      .select([
        'ticket.id',
        'ticket.number',
        'counter.code as counter',
        'ticket.status',
        'ticket.called_at',
      ])
      .where('ticket.center_id', '=', centerId)
      .where('ticket.day', '=', day)
      .where('ticket.status', 'in', ['called', 'serving'])
      .orderBy('ticket.called_at', 'desc')
      .limit(12)
      .execute(),
    db
      .selectFrom('ticket')
      .innerJoin('skill', 'skill.id', 'ticket.skill_id')
      .select((eb) => [
        'skill.id',
        'skill.name',
        eb.fn.countAll().as('n'),
        eb.fn.min('ticket.queued_since').as('oldest'),
      ])
      .where('ticket.center_id', '=', centerId)
      .where('ticket.status', '=', 'waiting')
      .groupBy(['skill.id', 'skill.name'])
      .orderBy('skill.id')
      .execute(),
    db
      .selectFrom('ticket')
      .select((eb) => [
        eb.fn.countAll().as('n'),
        eb.fn.sum<number>(eb('called_at', '-', eb.ref('issued_at'))).as('waited'),
      ])
      .where('center_id', '=', centerId)
      .where('day', '=', day)
      .where('called_at', 'is not', null)
      .where('transferred_from_id', 'is', null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('counter_session')
      .innerJoin('counter', 'counter.id', 'counter_session.counter_id')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('counter.center_id', '=', centerId)
      .executeTakeFirstOrThrow(),
  ])
  const calledToday = Number(served.n)
  return {
    centerName: center.name,
    calling: calling.map((row) => ({
      ticketId: row.id,
      number: row.number,
      counter: row.counter,
      status: row.status,
      calledAt: new Date(Number(row.called_at)),
    })),
    waiting: waiting.map((row) => ({
      skillId: row.id,
      skillName: row.name,
      count: Number(row.n),
      longestWaitMinutes: Math.floor((now - Number(row.oldest)) / 60_000),
    })),
    averageWaitMinutes: calledToday ? Math.round(Number(served.waited) / calledToday / 60_000) : 0,
    countersOpen: Number(open.n),
  }
}
