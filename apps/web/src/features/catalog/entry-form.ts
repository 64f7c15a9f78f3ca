import type { RouterOutputs } from '@onewindow/api'
import { type Problem, chosenProblem, codeProblem, textProblem } from './form-validation'

export type SkillRow = RouterOutputs['catalog']['skills']['list'][number]
export type DepartmentRow = RouterOutputs['catalog']['departments']['list'][number]

/** Skills and departments share one small form; only skills name a department. */
export type EntryKind = 'skill' | 'department'

export interface EntryForm {
  code: string
  name: string
  departmentId: number | null
}

export const entryFields = ['code', 'name', 'departmentId'] as const
export type EntryField = (typeof entryFields)[number]

export function entryFormOf(row: SkillRow | DepartmentRow | null): EntryForm {
  if (!row) return { code: '', name: '', departmentId: null }
  return {
    code: row.code,
    name: row.name,
    departmentId: 'departmentId' in row ? row.departmentId : null,
  }
}

export function entryFieldProblem(
  kind: EntryKind,
  form: EntryForm,
  field: EntryField,
): Problem | null {
  const label = (name: string) => `catalog.${kind}Form.${name}`
  if (field === 'code') return codeProblem(form.code, label('code'))
  if (field === 'name') return textProblem(form.name, 64, label('name'))
  return kind === 'skill' ? chosenProblem(form.departmentId, label('department')) : null
}
