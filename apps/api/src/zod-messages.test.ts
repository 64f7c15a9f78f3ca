import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { translateZodIssue } from './zod-messages.ts'

const issueOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error!.issues[0]!

describe('translateZodIssue', () => {
  it('says what is wrong in plain words, in both languages', () => {
    const empty = issueOf(z.string().min(1), '')
    expect(translateZodIssue(empty, 'zh-CN')).toBe('不能为空')
    expect(translateZodIssue(empty, 'en-US')).toBe('Required')
    const negative = issueOf(z.number().min(1), -5)
    expect(translateZodIssue(negative, 'zh-CN')).toBe('不能小于 1')
    expect(translateZodIssue(negative, 'en-US')).toBe('Must be at least 1')
    expect(translateZodIssue(issueOf(z.string().max(3), 'abcd'), 'zh-CN')).toBe('不能超过 3 个字符')
    expect(translateZodIssue(issueOf(z.string().regex(/^a$/), 'b'), 'zh-CN')).toBe('格式不正确')
  })

  it('translates app error codes used as custom messages', () => {
    const issue = issueOf(
      z.string().refine(() => false, 'auth.samePassword'),
      'x',
    )
    expect(translateZodIssue(issue, 'zh-CN')).toBe('新密码不能与当前密码相同')
  })

  it('falls back to zod’s own translation for the rest', () => {
    expect(translateZodIssue(issueOf(z.number(), 'x'), 'zh-CN')).toMatch(/[\u4e00-\u9fff]/)
  })
})
