import type { RouterOutputs } from '@onewindow/api'
import {
  type ItemAvailability,
  type ItemFormInput,
  type ServiceItemKind,
  itemLimits,
} from '@onewindow/contracts'
import { type Problem, chosenProblem, codeProblem, textProblem } from './form-validation'

export type CatalogItem = RouterOutputs['catalog']['items']['list']['rows'][number]

/** The drawer's model: numbers stay empty (null) until someone types one. */
export interface ItemForm {
  code: string
  name: string
  departmentId: number | null
  skillId: number | null
  kind: ServiceItemKind
  promisedDays: number | null
  restartOnMaterials: boolean
  standardMinutes: number | null
  workloadCoefficient: number | null
  materials: string[]
  availability: ItemAvailability
  centerIds: number[]
}

export const itemFields = [
  'code',
  'name',
  'departmentId',
  'skillId',
  'kind',
  'promisedDays',
  'restartOnMaterials',
  'standardMinutes',
  'workloadCoefficient',
  'materials',
  'availability',
  'centerIds',
] as const satisfies readonly (keyof ItemForm)[]
export type ItemField = (typeof itemFields)[number]

export function emptyItemForm(): ItemForm {
  return {
    code: '',
    name: '',
    departmentId: null,
    skillId: null,
    kind: 'immediate',
    promisedDays: null,
    restartOnMaterials: false,
    standardMinutes: null,
    workloadCoefficient: null,
    materials: [],
    availability: 'all',
    centerIds: [],
  }
}

export function formFromItem(item: CatalogItem): ItemForm {
  return {
    code: item.code,
    name: item.name,
    departmentId: item.departmentId,
    skillId: item.skillId,
    kind: item.kind,
    promisedDays: item.promisedDays,
    restartOnMaterials: item.restartOnMaterials,
    standardMinutes: item.standardMinutes,
    workloadCoefficient: item.workloadCoefficient,
    materials: [...item.materials],
    availability: item.availability,
    centerIds: item.centers.map((center) => center.id),
  }
}

const isEmpty = (value: number | null | undefined): value is null | undefined =>
  value === null || value === undefined

function numberProblem(
  value: number | null,
  bounds: { min: number; max: number },
  integer: boolean,
): Problem | null {
  if (isEmpty(value)) return null
  const outside = value < bounds.min || value > bounds.max || (integer && !Number.isInteger(value))
  if (!outside) return null
  const key = integer ? 'catalog.validation.integerRange' : 'catalog.validation.range'
  return { key, params: { min: bounds.min, max: bounds.max } }
}

const label = (field: string) => `catalog.itemForm.${field}`

/** The same checks as the server's createItemInput, field by field, for the form. */
export function itemFieldProblem(form: ItemForm, field: ItemField): Problem | null {
  switch (field) {
    case 'code':
      return codeProblem(form.code, label('code'))
    case 'name':
      return textProblem(form.name, 128, label('name'))
    case 'departmentId':
      return chosenProblem(form.departmentId, label('department'))
    case 'skillId':
      return chosenProblem(form.skillId, label('skill'))
    case 'promisedDays':
      if (form.kind !== 'commitment') return null
      if (isEmpty(form.promisedDays))
        return { key: 'catalog.validation.required', label: label('promisedDays') }
      return numberProblem(form.promisedDays, itemLimits.promisedDays, true)
    case 'standardMinutes':
      if (isEmpty(form.standardMinutes))
        return { key: 'catalog.validation.required', label: label('standardMinutes') }
      return numberProblem(form.standardMinutes, itemLimits.standardMinutes, true)
    case 'workloadCoefficient':
      return numberProblem(form.workloadCoefficient, itemLimits.workloadCoefficient, false)
    case 'materials': {
      const tooLong = form.materials.some((m) => m.trim().length > itemLimits.materialLength)
      return tooLong || form.materials.length > itemLimits.materials
        ? {
            key: 'catalog.validation.materials',
            params: { max: itemLimits.materials, length: itemLimits.materialLength },
          }
        : null
    }
    case 'centerIds':
      return form.availability === 'selected' && form.centerIds.length === 0
        ? { key: 'catalog.validation.choose', label: label('centers') }
        : null
    default:
      return null
  }
}

export function itemFormProblems(form: ItemForm): Partial<Record<ItemField, Problem>> {
  const entries = itemFields.flatMap((field) => {
    const problem = itemFieldProblem(form, field)
    return problem ? [[field, problem] as const] : []
  })
  return Object.fromEntries(entries)
}

/** The create/update input of a form that passed its checks. */
export function toItemInput(form: ItemForm): ItemFormInput {
  return {
    code: form.code.trim(),
    name: form.name.trim(),
    departmentId: form.departmentId!,
    skillId: form.skillId!,
    kind: form.kind,
    promisedDays: form.kind === 'commitment' ? form.promisedDays : null,
    restartOnMaterials: form.kind === 'commitment' && form.restartOnMaterials,
    standardMinutes: form.standardMinutes!,
    workloadCoefficient: form.workloadCoefficient ?? null,
    materials: form.materials.map((m) => m.trim()).filter(Boolean),
    availability: form.availability,
    centerIds: form.availability === 'selected' ? form.centerIds : [],
  }
}
