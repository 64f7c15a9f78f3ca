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
      'my-schedule',
      'my-evaluations',
      'my-findings',
      'balancing',
      'roster',
      'appointments',
      'inbox',
      'cases',
      'evaluations',
      'audit-tasks',
      'audit-findings',
      'audit-plans',
      'anomalies',
      'catalog',
      'centers',
      'calendar',
      'kiosks',
      'staff',
      'skills-matrix',
      'dashboards',
      'fairness',
      'quotas',
      'operation-log',
    ]
    const without = (...names: string[]) => everything.filter((name) => !names.includes(name))
    expect(namesFor('admin')).toEqual(everything)
    expect(namesFor('manager')).toEqual(without('my-schedule', 'inbox', 'audit-tasks'))
    expect(namesFor('supervisor')).toEqual(
      without(
        'workbench',
        'my-schedule',
        'my-evaluations',
        'my-findings',
        'balancing',
        'roster',
        'appointments',
        'inbox',
        'kiosks',
      ),
    )
    expect(namesFor('staff')).toEqual([
      'home',
      'workbench',
      'my-schedule',
      'my-evaluations',
      'my-findings',
      'appointments',
      'catalog',
      'centers',
      'calendar',
    ])
    expect(namesFor('backoffice')).toEqual([
      'home',
      'inbox',
      'cases',
      'catalog',
      'centers',
      'calendar',
    ])
  })

  it('takes titles and permissions from the route table', () => {
    const staff = menu.find((entry) => entry.routeName === 'staff')
    expect(staff).toMatchObject({ title: 'route.staff', permission: 'staff.read' })
    expect(menu.find((entry) => entry.routeName === 'home')?.permission).toBeUndefined()
  })
})
