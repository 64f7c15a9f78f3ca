import { beforeEach, describe, expect, it } from 'vitest'
import { i18n, setLocale } from '../../i18n'
import { apiError } from '../../testing/api-error'
import { entryFieldProblem } from './entry-form'
import { codeProblem, formRules, serverFieldErrors, translateProblem } from './form-validation'

const t = (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {})

describe('catalog form checks', () => {
  beforeEach(() => setLocale('zh-CN'))

  it('names the field in its message, in the current language', () => {
    const problem = codeProblem(' ', 'catalog.itemForm.code')!
    expect(translateProblem(t, problem)).toBe('请填写事项编码')
    setLocale('en-US')
    expect(translateProblem(t, problem)).toBe('Enter the Code')
    expect(codeProblem('YB-021', 'x')).toBeNull()
    expect(codeProblem('civil_aid', 'x')).toBeNull()
    expect(codeProblem('_x', 'x')?.key).toBe('catalog.validation.code')
  })

  it('asks skills, not departments, for a department', () => {
    const form = { code: 'tax', name: '税务类', departmentId: null }
    expect(entryFieldProblem('skill', form, 'departmentId')?.key).toBe('catalog.validation.choose')
    expect(entryFieldProblem('department', form, 'departmentId')).toBeNull()
    expect(entryFieldProblem('department', { ...form, name: 'x'.repeat(65) }, 'name')?.key).toBe(
      'catalog.validation.length',
    )
  })

  it('builds Element Plus rules that report the current problem', () => {
    const form = { code: '' }
    const rules = formRules(
      ['code'] as const,
      () => codeProblem(form.code, 'catalog.itemForm.code'),
      t,
    )
    const outcome = (): unknown => {
      let result: unknown = 'not called'
      rules.code[0]!.validator!({}, form.code, (error?: string | Error) => (result = error), {}, {})
      return result
    }
    expect((outcome() as Error).message).toBe('请填写事项编码')
    form.code = 'YB-9'
    expect(outcome()).toBeUndefined()
  })

  it('puts the server’s refusals next to the field they concern', () => {
    const duplicate = apiError(
      'BAD_REQUEST',
      '事项编码已存在，请换一个编码',
      'catalog.duplicateItemCode',
    )
    expect(serverFieldErrors(duplicate)).toEqual({ code: '事项编码已存在，请换一个编码' })
    const retired = apiError('BAD_REQUEST', '所选技能已停用', 'catalog.skillRetired')
    expect(serverFieldErrors(retired)).toEqual({ skillId: '所选技能已停用' })
    const invalid = apiError('BAD_REQUEST', '输入有误', 'common.badRequest', [
      { path: 'promisedDays', message: '承诺件须填写承诺办结时限（1–60 个工作日）' },
    ])
    expect(serverFieldErrors(invalid)).toEqual({
      promisedDays: '承诺件须填写承诺办结时限（1–60 个工作日）',
    })
    expect(serverFieldErrors(apiError('FORBIDDEN', '没有权限', 'auth.forbidden'))).toEqual({})
  })
})
