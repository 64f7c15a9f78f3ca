import { shanghaiToday } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import { caseNumber, parseCaseNumber } from '@onewindow/domain'
import type { Kysely } from 'kysely'
import { RateLimiterMemory } from 'rate-limiter-flexible'
import { appError } from '../../errors.ts'
import { visitRating } from '../evaluations/rating.service.ts'

/** Lookups per client IP and minute: enough for a resident, too few to guess numbers. */
const lookupsPerMinute = 10
const lookups = new RateLimiterMemory({
  keyPrefix: 'track',
  points: lookupsPerMinute,
  duration: 60,
})

const notFound = () => appError('NOT_FOUND', 'case.trackNotFound')

/**
 * The case a resident proves with its number and the last four digits of the applicant's phone,
 * counted against the per-IP limit; every wrong combination gets the same answer.
 */
export async function findTrackedCase(
  db: Kysely<Database>,
  ip: string,
  input: { caseNumber: string; phoneLast4: string },
) {
  try {
    await lookups.consume(ip)
  } catch {
    throw appError('TOO_MANY_REQUESTS', 'case.trackRateLimited')
  }
  const parsed = parseCaseNumber(input.caseNumber)
  if (!parsed) throw notFound()
  const row = await db
    .selectFrom('service_case')
    .innerJoin('service_item', 'service_item.id', 'service_case.service_item_id')
    .innerJoin('center', (join) =>
      join.on((eb) =>
        eb(
          'center.id',
          '=',
          eb.fn.coalesce('service_case.delivered_center_id', 'service_case.center_id'),
        ),
      ),
    )
    .select([
      'service_case.id',
      'service_case.ticket_id',
      'service_case.status',
      'service_case.accepted_at',
      'service_case.deadline_day',
      'service_case.applicant_phone',
      'service_item.name as item_name',
      'center.name as center_name',
      'center.address as center_address',
      'center.phone as center_phone',
    ])
    .where('service_case.id', '=', parsed.id)
    .executeTakeFirst()
  const acceptedDay = row && shanghaiToday(Number(row.accepted_at))
  if (
    !row ||
    acceptedDay !== parsed.acceptedDay ||
    !row.applicant_phone?.endsWith(input.phoneLast4)
  ) {
    throw notFound()
  }
  return { ...row, acceptedDay }
}

/**
 * The public progress lookup (/track): the state, the steps with their dates, the deadline, where
 * to collect, and whether the visit can still be rated. Nothing about people is returned.
 */
export async function trackCase(
  db: Kysely<Database>,
  ip: string,
  input: { caseNumber: string; phoneLast4: string },
) {
  const row = await findTrackedCase(db, ip, input)
  const acceptedDay = row.acceptedDay
  const steps = await db
    .selectFrom('case_event')
    .select(['action', 'at'])
    .where('case_id', '=', row.id)
    .orderBy('id')
    .execute()
  return {
    caseNumber: caseNumber(row.id, acceptedDay),
    serviceItemName: row.item_name,
    status: row.status,
    deadline: row.deadline_day,
    steps: steps.map((step) => ({ step: step.action, at: new Date(Number(step.at)) })),
    collectAt: {
      name: row.center_name,
      address: row.center_address,
      phone: row.center_phone,
    },
    rating: await visitRating(db, row.ticket_id),
  }
}
