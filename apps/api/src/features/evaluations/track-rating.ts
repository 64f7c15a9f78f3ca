import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'
import { appError } from '../../errors.ts'
import { findTrackedCase } from '../cases/track.service.ts'
import { type Rating, rateTicket } from './rating.service.ts'

/**
 * A rating from the progress lookup: the case number and phone digits prove the visit, under the
 * lookup's own per-IP limit; the rating goes to the ticket the case was accepted from.
 */
export async function rateTrackedVisit(
  db: Kysely<Database>,
  ip: string,
  input: { caseNumber: string; phoneLast4: string } & Rating,
) {
  const tracked = await findTrackedCase(db, ip, input)
  if (tracked.ticket_id === null) throw appError('BAD_REQUEST', 'evaluation.notRateable')
  const { score, reasons, comment } = input
  return rateTicket(
    db,
    { id: null, name: 'resident', ip },
    tracked.ticket_id,
    { score, reasons, comment },
    'track',
  )
}
