export interface KioskItem {
  id: number
  code: string
  name: string
  kind: string
}

export interface KioskGroup {
  skillId: number
  skillName: string
  waiting: number
  items: KioskItem[]
}

export type KioskHit = KioskItem & { skillName: string }

/** Items whose name or code contains every word typed, across all categories. */
export function searchKioskItems(groups: KioskGroup[], query: string, limit = 24): KioskHit[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return []
  const hits: KioskHit[] = []
  for (const group of groups) {
    for (const item of group.items) {
      const text = `${item.name} ${item.code}`.toLowerCase()
      if (words.every((word) => text.includes(word))) {
        hits.push({ ...item, skillName: group.skillName })
      }
    }
  }
  return hits.slice(0, limit)
}
