import type { Database } from '@onewindow/db'
import { tabletOffersSince } from '@onewindow/domain'
import type { Kysely } from 'kysely'
import { appError, notFound } from '../../errors.ts'
import { kioskCenter } from '../queue/kiosks.service.ts'
import { kioskProcedure } from '../../trpc.ts'

/**
 * A counter's rating tablet: a registered kiosk device, never a signed-in person, since people at
 * the counter must not rate their own service. `ctx.deviceCenterId` is the device's center.
 */
export const tabletProcedure = kioskProcedure.use(async ({ ctx, next }) => {
  const device = await kioskCenter(ctx.db, ctx.kioskTokenHash)
  if (!device) throw appError('UNAUTHORIZED', 'evaluation.deviceRequired')
  return next({ ctx: { deviceCenterId: device.center_id } })
})

/** The counters a tablet of the center may be set up for. */
export async function tabletCounters(db: Kysely<Database>, centerId: number) {
  const [center, counters] = await Promise.all([
    db.selectFrom('center').select('name').where('id', '=', centerId).executeTakeFirstOrThrow(),
    db
      .selectFrom('counter')
      .select(['id', 'code', 'name'])
      .where('center_id', '=', centerId)
      .where('status', '!=', 'retired')
      .orderBy('code')
      .execute(),
  ])
  return { centerName: center.name, counters }
}

/**
 * What the tablet of a counter shows: the visit that finished there last, within the last few
 * minutes, unless it was rated already (then nothing until the next one finishes).
 */
export async function tabletVisit(
  db: Kysely<Database>,
  centerId: number,
  counterId: number,
  now = Date.now(),
) {
  const counter = await db
    .selectFrom('counter')
    .innerJoin('center', 'center.id', 'counter.center_id')
    .select(['counter.id', 'counter.code', 'counter.name', 'center.name as center_name'])
    .where('counter.id', '=', counterId)
    .where('counter.center_id', '=', centerId)
    .where('counter.status', '!=', 'retired')
    .executeTakeFirst()
  if (!counter) throw notFound()
  const latest = await db
    .selectFrom('ticket')
    .innerJoin('service_item', 'service_item.id', 'ticket.service_item_id')
    .innerJoin('staff', 'staff.id', 'ticket.staff_id')
    .leftJoin('evaluation', 'evaluation.ticket_id', 'ticket.id')
    .select([
      'ticket.id',
      'ticket.number',
      'ticket.finished_at',
      'service_item.name as item_name',
      'staff.display_name as staff_name',
      'evaluation.id as evaluation_id',
    ])
    .where('ticket.counter_id', '=', counterId)
    .where('ticket.status', '=', 'done')
    .where('ticket.finished_at', '>=', tabletOffersSince(now))
    .orderBy('ticket.finished_at', 'desc')
    .orderBy('ticket.id', 'desc')
    .limit(1)
    .executeTakeFirst()
  const visit =
    latest && latest.evaluation_id === null
      ? {
          ticketId: latest.id,
          number: latest.number,
          serviceItemName: latest.item_name,
          staffName: latest.staff_name,
          finishedAt: new Date(Number(latest.finished_at)),
        }
      : null
  return {
    centerName: counter.center_name,
    counter: { id: counter.id, code: counter.code, name: counter.name },
    visit,
  }
}
