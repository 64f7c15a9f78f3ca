import { type Role, can } from '@onewindow/contracts'
import { describe, expect, it } from 'vitest'
import { menu, visibleMenu } from './menu'

const namesFor = (role: Role) =>
  visibleMenu((permission) => can(role, permission)).map((e) => e.routeName)

describe('menu', () => {
  it('shows each role only the pages it may use', () => {
    const everything = [
      'home',
      'workbench',
      'catalog',
      'centers',
      'calendar',
      'staff',
      'skills-matrix',
      'operation-log',
    ]
    const withoutCounter = everything.filter((name) => name !== 'workbench')
    expect(namesFor('admin')).toEqual(everything)
    expect(namesFor('manager')).toEqual(everything)
    expect(namesFor('supervisor')).toEqual(withoutCounter)
    expect(namesFor('staff')).toEqual(['home', 'workbench', 'catalog', 'centers', 'calendar'])
  })

  it('takes titles and permissions from the route table', () => {
    const staff = menu.find((entry) => entry.routeName === 'staff')
    expect(staff).toMatchObject({ title: 'route.staff', permission: 'staff.read' })
    expect(menu.find((entry) => entry.routeName === 'home')?.permission).toBeUndefined()
  })
})
