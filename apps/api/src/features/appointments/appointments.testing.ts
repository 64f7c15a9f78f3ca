import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'

/** Opens a center 08:00–20:00 every day of the week, so tests find slots whatever the date. */
export async function openAllWeek(db: Kysely<Database>, centerId: number) {
  const hours = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
    weekday,
    opens: '08:00',
    closes: '20:00',
  }))
  await db
    .updateTable('center')
    .set({ opening_hours: JSON.stringify(hours) })
    .where('id', '=', centerId)
    .execute()
}
