import { z } from 'zod'
import { id, pageInput } from './common.ts'
import { rowVersion as version } from './write-safety.ts'

// Schemas of the service catalog: departments, skills and service items (district-wide).

export const catalogStatuses = ['active', 'retired'] as const
export type CatalogStatus = (typeof catalogStatuses)[number]

export const serviceItemKinds = ['immediate', 'commitment'] as const
export type ServiceItemKind = (typeof serviceItemKinds)[number]

/** 'all': offered at every center (全区域通办); 'selected': only at the listed centers. */
export const itemAvailabilities = ['all', 'selected'] as const
export type ItemAvailability = (typeof itemAvailabilities)[number]

export const itemSortFields = [
  'code',
  'name',
  'standardMinutes',
  'workloadCoefficient',
  'promisedDays',
] as const
export type ItemSortField = (typeof itemSortFields)[number]
export const sortOrders = ['asc', 'desc'] as const
export type SortOrder = (typeof sortOrders)[number]

/** Bounds the form and the server share. */
export const itemLimits = {
  promisedDays: { min: 1, max: 60 },
  standardMinutes: { min: 1, max: 480 },
  workloadCoefficient: { min: 0.1, max: 20 },
  materials: 30,
  materialLength: 64,
} as const

export const catalogCode = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'catalog.invalidCode')

const shortName = z.string().trim().min(1).max(64)

export const catalogOptionsInput = z
  .object({ includeRetired: z.boolean().default(false) })
  .default({ includeRetired: false })

/** Deletes name the record by its code, the key people (and fixtures) know it by. */
export const deleteByCodeInput = z.object({ code: catalogCode })

export const departmentFields = z.object({ code: catalogCode, name: shortName })
export const createDepartmentInput = departmentFields
export const updateDepartmentInput = departmentFields.extend({ id, version })

export const skillFields = z.object({ code: catalogCode, name: shortName, departmentId: id })
export const createSkillInput = skillFields
export const updateSkillInput = skillFields.extend({ id, version })
export const setCatalogStatusInput = z.object({ id, status: z.enum(catalogStatuses) })

const { promisedDays, standardMinutes, workloadCoefficient } = itemLimits

export const itemFields = z.object({
  code: catalogCode,
  name: z.string().trim().min(1).max(128),
  departmentId: id,
  skillId: id,
  kind: z.enum(serviceItemKinds),
  promisedDays: z
    .number()
    .int()
    .min(promisedDays.min)
    .max(promisedDays.max)
    .nullable()
    .default(null),
  /** Commitment items: supplied materials (补正) start the promised days over; else they resume. */
  restartOnMaterials: z.boolean().default(false),
  standardMinutes: z.number().int().min(standardMinutes.min).max(standardMinutes.max),
  /** Empty: the server derives it from the standard minutes. */
  workloadCoefficient: z
    .number()
    .min(workloadCoefficient.min)
    .max(workloadCoefficient.max)
    .nullable()
    .default(null),
  materials: z
    .array(z.string().trim().min(1).max(itemLimits.materialLength))
    .max(itemLimits.materials)
    .default([]),
  availability: z.enum(itemAvailabilities).default('all'),
  centerIds: z.array(id).max(100).default([]),
})
type ItemFields = z.output<typeof itemFields>

function checkItem(item: ItemFields, ctx: z.RefinementCtx): void {
  if (item.kind === 'commitment' && item.promisedDays === null) {
    ctx.addIssue({
      code: 'custom',
      path: ['promisedDays'],
      message: 'catalog.promisedDaysRequired',
    })
  }
  if (item.availability === 'selected' && item.centerIds.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['centerIds'], message: 'catalog.centersRequired' })
  }
}

/** Drops what the kind and availability make meaningless, so stale form values never land. */
function normalizeItem<T extends ItemFields>(item: T): T {
  return {
    ...item,
    promisedDays: item.kind === 'immediate' ? null : item.promisedDays,
    restartOnMaterials: item.kind === 'commitment' && item.restartOnMaterials,
    workloadCoefficient:
      item.workloadCoefficient === null ? null : Math.round(item.workloadCoefficient * 100) / 100,
    materials: [...new Set(item.materials)],
    centerIds: item.availability === 'all' ? [] : [...new Set(item.centerIds)],
  }
}

export const createItemInput = itemFields.superRefine(checkItem).transform(normalizeItem)
export const updateItemInput = itemFields
  .extend({ id, version })
  .superRefine(checkItem)
  .transform(normalizeItem)
export type ItemFormInput = z.input<typeof createItemInput>

export const listItemsInput = pageInput.extend({
  search: z.string().trim().max(64).optional(),
  departmentId: id.optional(),
  skillId: id.optional(),
  kind: z.enum(serviceItemKinds).optional(),
  status: z.enum(catalogStatuses).optional(),
  /** Items offered at this center: everywhere, or listed for it. */
  centerId: id.optional(),
  sortBy: z.enum(itemSortFields).default('code'),
  sortOrder: z.enum(sortOrders).default('asc'),
})
export type ListItemsInput = z.input<typeof listItemsInput>
