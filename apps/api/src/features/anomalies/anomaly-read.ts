import { certifiedLevel } from '@onewindow/contracts'
import type { Database } from '@onewindow/db'
import type { AnomalyDay } from '@onewindow/domain'
import type { Kysely } from 'kysely'
import { readDayActivity } from '../dashboards/rollup-read.ts'

/**
 * One center-day's records for the detectors: the dashboards' reading of tickets, cases and
 * pauses, with the day's ratings and who is certified for what.
 */
export async function readAnomalyDay(
  db: Kysely<Database>,
  centerId: number,
  day: string,
  now: number,
): Promise<AnomalyDay> {
  const [activity, ratings, staffSkills, counterSkills] = await Promise.all([
    readDayActivity(db, centerId, day, now),
    db
      .selectFrom('evaluation')
      .select(['id', 'ticket_id as ticketId', 'staff_id as staffId', 'rated_at as ratedAt'])
      .where('center_id', '=', centerId)
      .where('rated_day', '=', day)
      .execute(),
    db
      .selectFrom('staff_skill')
      .innerJoin('staff', 'staff.id', 'staff_skill.staff_id')
      .select(['staff_skill.staff_id as staffId', 'staff_skill.skill_id as skillId'])
      .where('staff.center_id', '=', centerId)
      .where('staff_skill.level', '>=', certifiedLevel)
      .execute(),
    db
      .selectFrom('counter_skill')
      .innerJoin('counter', 'counter.id', 'counter_skill.counter_id')
      .select(['counter_skill.counter_id as counterId', 'counter_skill.skill_id as skillId'])
      .where('counter.center_id', '=', centerId)
      .where('counter.kind', '=', 'dedicated')
      .execute(),
  ])
  return {
    day,
    now,
    tickets: activity.tickets,
    accepted: activity.accepted,
    pauses: activity.pauses,
    ratings: ratings.map((rating) => ({ ...rating, ratedAt: Number(rating.ratedAt) })),
    staffSkills,
    counterSkills,
  }
}
