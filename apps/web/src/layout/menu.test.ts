import { type Role, can } from '@onewindow/contracts'
import { describe, expect, it } from 'vitest'
import { menu, visibleMenu } from './menu'

const namesFor = (role: Role) =>
  visibleMenu((permission) => can(role, permission)).map((e) => e.routeName)

describe('menu', () => {
  it('shows each role only the pages it may use', () => {
    expect(namesFor('admin')).toEqual(['home', 'staff', 'operation-log'])
    expect(namesFor('manager')).toEqual(['home', 'staff', 'operation-log'])
    expect(namesFor('supervisor')).toEqual(['home', 'staff', 'operation-log'])
    expect(namesFor('staff')).toEqual(['home'])
  })

  it('takes titles and permissions from the route table', () => {
    const staff = menu.find((entry) => entry.routeName === 'staff')
    expect(staff).toMatchObject({ title: 'route.staff', permission: 'staff.read' })
    expect(menu.find((entry) => entry.routeName === 'home')?.permission).toBeUndefined()
  })
})
