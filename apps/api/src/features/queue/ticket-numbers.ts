import type { Database } from '@onewindow/db'
import { formatTicketNumber, ticketLetter } from '@onewindow/domain'
import type { Transaction } from 'kysely'
import { isUniqueViolation } from '../../db-errors.ts'

/**
 * The next number of a skill's letter at a center today. The UPDATE takes the sequence row's
 * write lock, so concurrent issues queue up; the first ticket of the day inserts the row.
 */
export async function nextTicketNumber(
  trx: Transaction<Database>,
  centerId: number,
  day: string,
  skillId: number,
): Promise<string> {
  const letter = ticketLetter(skillId)
  const key = { center_id: centerId, day, letter }
  for (let attempt = 0; attempt < 3; attempt++) {
    const bumped = await trx
      .updateTable('ticket_sequence')
      .set((eb) => ({ last_number: eb('last_number', '+', 1) }))
      .where('center_id', '=', centerId)
      .where('day', '=', day)
      .where('letter', '=', letter)
      .executeTakeFirst()
    if (Number(bumped.numUpdatedRows) === 1) {
      const row = await trx
        .selectFrom('ticket_sequence')
        .select('last_number')
        .where('center_id', '=', centerId)
        .where('day', '=', day)
        .where('letter', '=', letter)
        .executeTakeFirstOrThrow()
      return formatTicketNumber(letter, row.last_number)
    }
    try {
      await trx
        .insertInto('ticket_sequence')
        .values({ ...key, last_number: 1 })
        .execute()
      return formatTicketNumber(letter, 1)
    } catch (error) {
      // Another transaction opened today's sequence first: bump it instead.
      if (!isUniqueViolation(error)) throw error
    }
  }
  throw new Error('could not number the ticket')
}
