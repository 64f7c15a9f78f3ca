import { certifiedLevel } from '@onewindow/contracts'
import type { Database, ServiceItem } from '@onewindow/db'
import { isSeeded, seedDemoData } from '@onewindow/db/seed'
import { type WorkingCalendar, workingCalendar } from '@onewindow/domain'
import type { Kysely } from 'kysely'

export type Item = Pick<
  ServiceItem,
  | 'id'
  | 'skill_id'
  | 'department_id'
  | 'kind'
  | 'promised_days'
  | 'standard_minutes'
  | 'restart_on_materials'
  | 'materials'
>

export interface CenterPlan {
  id: number
  openingHours: string
  /** Open counters, dedicated ones (with their skills) first; null skills: comprehensive. */
  counters: { id: number; skills: ReadonlySet<number> | null }[]
  /** Active front-line staff with at least one certified skill. */
  staff: { id: number; skills: number[] }[]
  /** Active items offered here, by skill. */
  items: Map<number, { immediate: Item[]; commitment: Item[] }>
}

export interface District {
  centers: CenterPlan[]
  calendar: WorkingCalendar
  /** The back-office account of each department, by department id. */
  backoffice: ReadonlyMap<number, number>
}

/**
 * The district to fill with history: the one already in the database, or the demo district of
 * `seed` (without its own 90-day history) when the database holds none.
 */
export async function loadDistrict(
  db: Kysely<Database>,
  seed: number,
  now: number,
): Promise<District> {
  if (!(await isSeeded(db))) await seedDemoData(db, { seed, history: false, now })
  const [centers, counters, counterSkills, staff, staffSkills, items, offered, calendarDays] =
    await Promise.all([
      db
        .selectFrom('center')
        .select(['id', 'opening_hours'])
        .where('status', '=', 'open')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('counter')
        .select(['id', 'center_id', 'kind'])
        .where('status', '=', 'open')
        .orderBy('id')
        .execute(),
      db.selectFrom('counter_skill').select(['counter_id', 'skill_id']).execute(),
      db
        .selectFrom('staff')
        .select(['id', 'center_id', 'role', 'department_id'])
        .where('status', '=', 'active')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('staff_skill')
        .select(['staff_id', 'skill_id'])
        .where('level', '>=', certifiedLevel)
        .orderBy('staff_id')
        .orderBy('skill_id')
        .execute(),
      db
        .selectFrom('service_item')
        .selectAll()
        .where('status', '=', 'active')
        .orderBy('id')
        .execute(),
      db.selectFrom('service_item_center').selectAll().execute(),
      db.selectFrom('calendar_day').select(['day', 'kind']).execute(),
    ])
  const group = <T, K>(rows: readonly T[], key: (row: T) => K) => {
    const map = new Map<K, T[]>()
    for (const row of rows) {
      const list = map.get(key(row)) ?? []
      list.push(row)
      map.set(key(row), list)
    }
    return map
  }
  const skillsOfCounter = group(counterSkills, (r) => r.counter_id)
  const skillsOfStaff = group(staffSkills, (r) => r.staff_id)
  const offeredAt = group(offered, (r) => r.center_id)

  const plan = (center: (typeof centers)[number]): CenterPlan => {
    const here = new Set(offeredAt.get(center.id)?.map((r) => r.service_item_id))
    const itemsBySkill: CenterPlan['items'] = new Map()
    for (const item of items) {
      if (item.availability === 'selected' && !here.has(item.id)) continue
      const slot = itemsBySkill.get(item.skill_id) ?? { immediate: [], commitment: [] }
      itemsBySkill.set(item.skill_id, slot)
      slot[item.kind].push(item)
    }
    return {
      id: center.id,
      openingHours: center.opening_hours,
      counters: counters
        .filter((c) => c.center_id === center.id)
        .map((c) => ({
          id: c.id,
          skills:
            c.kind === 'dedicated'
              ? new Set(skillsOfCounter.get(c.id)?.map((r) => r.skill_id))
              : null,
        }))
        .sort((a, b) => Number(a.skills === null) - Number(b.skills === null)),
      staff: staff
        .filter((s) => s.center_id === center.id && s.role === 'staff')
        .map((s) => ({
          id: s.id,
          skills: (skillsOfStaff.get(s.id) ?? [])
            .map((r) => r.skill_id)
            .filter((k) => itemsBySkill.has(k)),
        }))
        .filter((s) => s.skills.length > 0),
      items: itemsBySkill,
    }
  }

  return {
    centers: centers.map(plan),
    calendar: workingCalendar(calendarDays),
    backoffice: new Map(
      staff
        .filter((s) => s.role === 'backoffice' && s.department_id !== null)
        .map((s) => [s.department_id!, s.id]),
    ),
  }
}
