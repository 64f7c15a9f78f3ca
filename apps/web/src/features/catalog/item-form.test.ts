import { createItemInput } from '@onewindow/contracts'
import { describe, expect, it } from 'vitest'
import {
  type CatalogItem,
  type ItemForm,
  emptyItemForm,
  formFromItem,
  itemFormProblems,
  toItemInput,
} from './item-form'

const valid: ItemForm = {
  ...emptyItemForm(),
  code: 'YB-021',
  name: '医保关系转移',
  departmentId: 3,
  skillId: 5,
  standardMinutes: 12,
}

/** The fields the server's schema refuses in the form's input, for comparison. */
function serverRefuses(form: ItemForm): string[] {
  const input = { ...toItemInput(form), standardMinutes: form.standardMinutes ?? undefined }
  const result = createItemInput.safeParse(input)
  return result.success
    ? []
    : [...new Set(result.error.issues.map((i) => String(i.path[0])))].sort()
}

describe('the item form', () => {
  it('starts empty, immediate and offered everywhere, asking for the required fields', () => {
    const problems = itemFormProblems(emptyItemForm())
    expect(Object.keys(problems).sort()).toEqual([
      'code',
      'departmentId',
      'name',
      'skillId',
      'standardMinutes',
    ])
    expect(problems.code).toEqual({
      key: 'catalog.validation.required',
      label: 'catalog.itemForm.code',
    })
  })

  it.each<[string, Partial<ItemForm>, string[]]>([
    ['a valid immediate item', {}, []],
    ['a commitment item without promised days', { kind: 'commitment' }, ['promisedDays']],
    ['a commitment item with 61 days', { kind: 'commitment', promisedDays: 61 }, ['promisedDays']],
    ['a commitment item with 15 days', { kind: 'commitment', promisedDays: 15 }, []],
    ['an immediate item with stale promised days', { promisedDays: 99 }, []],
    ['481 standard minutes', { standardMinutes: 481 }, ['standardMinutes']],
    ['fractional minutes', { standardMinutes: 7.5 }, ['standardMinutes']],
    ['a coefficient below 0.1', { workloadCoefficient: 0.05 }, ['workloadCoefficient']],
    ['a coefficient of 20', { workloadCoefficient: 20 }, []],
    ['a bad code', { code: '-YB 1' }, ['code']],
    ['a code of 33 characters', { code: 'A'.repeat(33) }, ['code']],
    ['selected centers without any', { availability: 'selected' }, ['centerIds']],
    ['selected centers with one', { availability: 'selected', centerIds: [2] }, []],
    ['31 materials', { materials: Array.from({ length: 31 }, (_, i) => `m${i}`) }, ['materials']],
  ])('agrees with the server on %s', (_case, patch, refused) => {
    const form = { ...valid, ...patch }
    expect(Object.keys(itemFormProblems(form)).sort()).toEqual(refused)
    expect(serverRefuses(form)).toEqual(refused)
  })

  it('sends no promised days for an immediate item and no centers when offered everywhere', () => {
    const input = toItemInput({
      ...valid,
      promisedDays: 5,
      centerIds: [1],
      materials: [' 身份证 ', ''],
    })
    expect(input).toMatchObject({ promisedDays: null, centerIds: [], materials: ['身份证'] })
    expect(input.workloadCoefficient).toBeNull()
  })

  it('fills the form from a listed item and sends it back unchanged', () => {
    const item: CatalogItem = {
      id: 7,
      code: 'MZ-001',
      name: '最低生活保障申请',
      departmentId: 1,
      departmentName: '民政',
      skillId: 1,
      skillName: '民政救助类',
      skillStatus: 'active',
      kind: 'commitment',
      promisedDays: 20,
      restartOnMaterials: true,
      standardMinutes: 20,
      workloadCoefficient: 2,
      materials: ['身份证', '户口簿'],
      status: 'active',
      availability: 'selected',
      version: 3,
      centers: [{ id: 2, name: '梅园街道' }],
      inUse: false,
    }
    expect(toItemInput(formFromItem(item))).toEqual({
      code: 'MZ-001',
      name: '最低生活保障申请',
      departmentId: 1,
      skillId: 1,
      kind: 'commitment',
      promisedDays: 20,
      restartOnMaterials: true,
      standardMinutes: 20,
      workloadCoefficient: 2,
      materials: ['身份证', '户口簿'],
      availability: 'selected',
      centerIds: [2],
    })
  })
})
