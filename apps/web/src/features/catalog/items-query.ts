import type {
  CatalogStatus,
  ItemSortField,
  ListItemsInput,
  ServiceItemKind,
  SortOrder,
} from '@onewindow/contracts'
import { itemSortFields } from '@onewindow/contracts'

export interface ItemFilters {
  search: string
  departmentId?: number
  skillId?: number
  kind?: ServiceItemKind
  status?: CatalogStatus
}

export interface ItemSort {
  sortBy: ItemSortField
  sortOrder: SortOrder
}

export const defaultItemSort: ItemSort = { sortBy: 'code', sortOrder: 'asc' }

/** el-table's sort-change event (column prop and ascending/descending/null) as the API's sort. */
export function sortFromTable(event: { prop: string | null; order: string | null }): ItemSort {
  const field = itemSortFields.find((f) => f === event.prop)
  if (!field || !event.order) return defaultItemSort
  return { sortBy: field, sortOrder: event.order === 'descending' ? 'desc' : 'asc' }
}

/** One page's query; empty filters are left out rather than sent as blanks. */
export function itemListQuery(
  filters: ItemFilters,
  sort: ItemSort,
  page: number,
  pageSize: number,
): ListItemsInput {
  return {
    page,
    pageSize,
    search: filters.search.trim() || undefined,
    departmentId: filters.departmentId || undefined,
    skillId: filters.skillId || undefined,
    kind: filters.kind || undefined,
    status: filters.status || undefined,
    ...sort,
  }
}

export const catalogTabs = ['items', 'skills', 'departments'] as const
export type CatalogTab = (typeof catalogTabs)[number]

/** The tab named in the route's `tab` query, or the items tab. */
export function tabFromQuery(value: unknown): CatalogTab {
  return catalogTabs.find((tab) => tab === value) ?? 'items'
}
