import { beforeEach, describe, expect, it } from 'vitest'
import { setLocale } from '../../i18n'
import { actionLabel, knownActions, targetLabel } from './oplog-labels'

describe('operation log labels', () => {
  beforeEach(() => setLocale('zh-CN'))

  it('translates known action codes in the current language', () => {
    expect(actionLabel('auth.login')).toBe('登录')
    setLocale('en-US')
    expect(actionLabel('auth.login')).toBe('Signed in')
  })

  it('falls back to the raw code for actions it has no name for', () => {
    expect(actionLabel('queue.callNext')).toBe('queue.callNext')
    expect(actionLabel("odd'code")).toBe("odd'code")
  })

  it('names targets with their id', () => {
    expect(targetLabel('staff', '12')).toBe('人员 #12')
    expect(targetLabel('ticket', null)).toBe('ticket')
  })

  it('offers every named action in the filter', () => {
    expect(knownActions).toContain('staff.setStatus')
  })
})
