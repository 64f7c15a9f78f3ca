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
      'appointments',
      'catalog',
      'centers',
      'calendar',
      'kiosks',
      'staff',
      'skills-matrix',
      'operation-log',
    ]
    const withoutCounterWork = everything.filter(
      (name) => !['workbench', 'appointments', 'kiosks'].includes(name),
    )
    expect(namesFor('admin')).toEqual(everything)
    expect(namesFor('manager')).toEqual(everything)
    expect(namesFor('supervisor')).toEqual(withoutCounterWork)
    expect(namesFor('staff')).toEqual([
      'home',
      'workbench',
      'appointments',
      'catalog',
      'centers',
      'calendar',
    ])
    expect(namesFor('backoffice')).toEqual(['home', 'catalog', 'centers', 'calendar'])
  })

  it('takes titles and permissions from the route table', () => {
    const staff = menu.find((entry) => entry.routeName === 'staff')
    expect(staff).toMatchObject({ title: 'route.staff', permission: 'staff.read' })
    expect(menu.find((entry) => entry.routeName === 'home')?.permission).toBeUndefined()
  })
})
