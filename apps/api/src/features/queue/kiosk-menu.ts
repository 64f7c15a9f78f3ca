import type { Database } from '@onewindow/db'
import type { Kysely } from 'kysely'

/** The kiosk's menu: the center's active items grouped by skill, with each line's length. */
export async function kioskMenu(db: Kysely<Database>, centerId: number) {
  const [center, items, waiting] = await Promise.all([
    db
      .selectFrom('center')
      .select(['id', 'name'])
      .where('id', '=', centerId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('service_item')
      .innerJoin('skill', 'skill.id', 'service_item.skill_id')
      .select([
        'service_item.id',
        'service_item.code',
        'service_item.name',
        'service_item.kind',
        'skill.id as skill_id',
        'skill.name as skill_name',
      ])
      .where('service_item.status', '=', 'active')
      .where('skill.status', '=', 'active')
      .where((eb) =>
        eb.or([
          eb('service_item.availability', '=', 'all'),
          eb.exists(
            eb
              .selectFrom('service_item_center')
              .select('service_item_center.center_id')
              .whereRef('service_item_center.service_item_id', '=', 'service_item.id')
              .where('service_item_center.center_id', '=', centerId),
          ),
        ]),
      )
      .orderBy('skill.id')
      .orderBy('service_item.code')
      .execute(),
    db
      .selectFrom('ticket')
      .select((eb) => ['skill_id', eb.fn.countAll().as('n')])
      .where('center_id', '=', centerId)
      .where('status', '=', 'waiting')
      .groupBy('skill_id')
      .execute(),
  ])
  const waitingOf = new Map(waiting.map((row) => [row.skill_id, Number(row.n)]))
  const groups = new Map<
    number,
    { skillId: number; skillName: string; waiting: number; items: typeof items }
  >()
  for (const item of items) {
    const group = groups.get(item.skill_id) ?? {
      skillId: item.skill_id,
      skillName: item.skill_name,
      waiting: waitingOf.get(item.skill_id) ?? 0,
      items: [],
    }
    group.items.push(item)
    groups.set(item.skill_id, group)
  }
  return {
    centerName: center.name,
    groups: [...groups.values()].map((group) => ({
      ...group,
      items: group.items.map((item) => ({
        id: item.id,
        code: item.code,
        name: item.name,
        kind: item.kind,
      })),
    })),
  }
}
