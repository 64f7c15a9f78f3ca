import { operationActions, operationTargetTypes } from '@onewindow/contracts'
import { beforeEach, describe, expect, it } from 'vitest'
import { i18n, locales, setLocale } from '../../i18n'
import { actionLabel, actionOptionGroups, fieldLabel, targetLabel } from './oplog-labels'

describe('operation log labels', () => {
  beforeEach(() => setLocale('zh-CN'))

  it('names every action the API writes, in every language', () => {
    expect(operationActions.length).toBeGreaterThan(60)
    for (const locale of locales) {
      for (const code of operationActions) {
        expect(i18n.global.te(`operationLog.actions.${code}`, locale), `${locale} ${code}`).toBe(
          true,
        )
      }
    }
  })

  it('names every record type and every action group, in every language', () => {
    for (const locale of locales) {
      for (const type of operationTargetTypes) {
        expect(i18n.global.te(`operationLog.targets.${type}`, locale), `${locale} ${type}`).toBe(
          true,
        )
      }
      for (const { group } of actionOptionGroups()) {
        expect(i18n.global.te(`operationLog.groups.${group}`, locale), group).toBe(true)
      }
    }
  })

  it('translates action codes in the current language', () => {
    expect(actionLabel('auth.login')).toBe('登录')
    expect(actionLabel('queue.call')).toBe('叫号')
    setLocale('en-US')
    expect(actionLabel('auth.login')).toBe('Signed in')
    expect(actionLabel('case.complete')).toBe('Completed')
  })

  it('shows unknown or odd codes raw, never as a message path', () => {
    expect(actionLabel('queue.teleport')).toBe('queue.teleport')
    expect(actionLabel("odd'code")).toBe("odd'code")
    expect(actionLabel('auth')).toBe('auth')
    expect(actionLabel('auth.login.x')).toBe('auth.login.x')
    expect(actionLabel('@:route.home')).toBe('@:route.home')
  })

  it('names targets with their id, and fields by their path', () => {
    expect(targetLabel('staff', '12')).toBe('人员 #12')
    expect(targetLabel('service_case', null)).toBe('办件')
    expect(targetLabel('spaceship', '1')).toBe('spaceship #1')
    expect(fieldLabel(['status'])).toBe('状态')
    expect(fieldLabel(['hours', 'displayName'])).toBe('hours › 姓名')
  })

  it('offers the actions grouped by feature, every code once', () => {
    const groups = actionOptionGroups()
    expect(groups.find((g) => g.group === 'queue')?.codes).toContain('queue.call')
    expect(groups.flatMap((g) => g.codes).sort()).toEqual([...operationActions].sort())
  })
})
