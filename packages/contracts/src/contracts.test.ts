import { describe, expect, it } from 'vitest'
import { loginInput } from './auth.ts'
import { errorMessages, locales, negotiateLocale } from './errors.ts'
import { can, permissions, permissionsOf } from './permissions.ts'
import { roles } from './roles.ts'

describe('permissions', () => {
  it('gives the district admin every permission', () => {
    expect(permissionsOf('admin')).toEqual(permissions)
  })

  it('keeps staff out of staff management and the operation log', () => {
    expect(can('staff', 'staff.read')).toBe(false)
    expect(can('staff', 'operationLog.read')).toBe(false)
    expect(can('manager', 'staff.manage')).toBe(true)
    expect(can('supervisor', 'staff.manage')).toBe(false)
  })

  it('only grants known permissions to known roles', () => {
    for (const role of roles) {
      for (const permission of permissionsOf(role)) expect(permissions).toContain(permission)
    }
  })
})

describe('error messages', () => {
  it('has a non-empty message in every locale for every code', () => {
    for (const [code, messages] of Object.entries(errorMessages)) {
      for (const locale of locales) expect(messages[locale], `${code} ${locale}`).toBeTruthy()
    }
  })

  it('negotiates the locale from Accept-Language, defaulting to Chinese', () => {
    expect(negotiateLocale(undefined)).toBe('zh-CN')
    expect(negotiateLocale('en-GB,en;q=0.9')).toBe('en-US')
    expect(negotiateLocale('fr-FR, zh-TW;q=0.8')).toBe('zh-CN')
    expect(negotiateLocale('de')).toBe('zh-CN')
    expect(negotiateLocale('en-US')).toBe('en-US')
  })
})

describe('loginInput', () => {
  it('trims the user name and refuses empty fields', () => {
    expect(loginInput.parse({ username: ' staff ', password: 'x' }).username).toBe('staff')
    expect(loginInput.safeParse({ username: '  ', password: 'x' }).success).toBe(false)
    expect(loginInput.safeParse({ username: 'staff', password: '' }).success).toBe(false)
  })
})
