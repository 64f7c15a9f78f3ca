import type { FormItemRule } from 'element-plus'
import { describeApiError } from '../../api-errors'

/** What is wrong with one field: an i18n key, its parameters, and the field's label key. */
export interface Problem {
  key: string
  params?: Record<string, number>
  label?: string
}

type Translate = (key: string, params?: Record<string, unknown>) => string

const codePattern = /^[A-Za-z0-9][A-Za-z0-9_-]*$/

/** The server's catalogCode rule: 1–32 letters, digits, `-` and `_`, not starting with either. */
export function codeProblem(code: string, label: string): Problem | null {
  const trimmed = code.trim()
  if (!trimmed) return { key: 'catalog.validation.required', label }
  if (trimmed.length > 32 || !codePattern.test(trimmed)) return { key: 'catalog.validation.code' }
  return null
}

export function textProblem(text: string, max: number, label: string): Problem | null {
  const trimmed = text.trim()
  if (!trimmed) return { key: 'catalog.validation.required', label }
  if (trimmed.length > max) return { key: 'catalog.validation.length', params: { max }, label }
  return null
}

export function chosenProblem(value: unknown, label: string): Problem | null {
  return value === undefined || value === null || value === ''
    ? { key: 'catalog.validation.choose', label }
    : null
}

export function translateProblem(t: Translate, problem: Problem): string {
  return t(problem.key, { ...problem.params, field: problem.label ? t(problem.label) : '' })
}

/**
 * Element Plus rules that ask `problemOf` about each field, so the form and its tests share one
 * set of checks that mirror the server's schema.
 */
export function formRules<Field extends string>(
  fields: readonly Field[],
  problemOf: (field: Field) => Problem | null,
  t: Translate,
): Record<Field, FormItemRule[]> {
  const entries = fields.map((field) => {
    const rule: FormItemRule = {
      trigger: ['blur', 'change'],
      validator: (_rule, _value, callback) => {
        const problem = problemOf(field)
        callback(problem ? new Error(translateProblem(t, problem)) : undefined)
      },
    }
    return [field, [rule]] as [Field, FormItemRule[]]
  })
  return Object.fromEntries(entries) as Record<Field, FormItemRule[]>
}

// Refusals the server ties to one field (beyond zod's own field errors) and the field they name.
const fieldOfAppCode: Record<string, string> = {
  'catalog.duplicateItemCode': 'code',
  'catalog.duplicateSkillCode': 'code',
  'catalog.duplicateDepartmentCode': 'code',
  'catalog.departmentNotFound': 'departmentId',
  'catalog.skillNotFound': 'skillId',
  'catalog.skillRetired': 'skillId',
  'catalog.centerNotFound': 'centerIds',
}

/** A failed save's messages by form field, already translated by the server. */
export function serverFieldErrors(error: unknown): Record<string, string> {
  const failure = describeApiError(error, '')
  const errors = { ...failure.fieldErrors }
  const field = failure.appCode ? fieldOfAppCode[failure.appCode] : undefined
  if (field && failure.message) errors[field] = failure.message
  return errors
}
