import { createMemoryHistory, createRouter } from 'vue-router'
import { describe, expect, it } from 'vitest'
import { decideNavigation, safeRedirect } from './route-guard'
import { routes } from './routes'

// Resolving a location reads the route table without loading any page component.
const router = createRouter({ history: createMemoryHistory(), routes })
const decide = (path: string, role: Parameters<typeof decideNavigation>[1]) =>
  decideNavigation(router.resolve(path), role)

describe('route guard decisions', () => {
  it('sends a signed-out visitor to sign-in, remembering where they were going', () => {
    expect(decide('/staff?page=2', null)).toEqual({
      name: 'login',
      query: { redirect: '/staff?page=2' },
    })
    expect(decide('/', null)).toEqual({ name: 'login' })
    expect(decide('/no/such/page', null)).toEqual({
      name: 'login',
      query: { redirect: '/no/such/page' },
    })
  })

  it('holds a user whose password was reset on the change-password page', () => {
    const forced = { name: 'change-password', query: { forced: '1' } }
    expect(decideNavigation(router.resolve('/staff'), 'manager', true)).toEqual(forced)
    expect(decideNavigation(router.resolve('/'), 'staff', true)).toEqual(forced)
    expect(decideNavigation(router.resolve('/change-password'), 'staff', true)).toBe(true)
    expect(decideNavigation(router.resolve('/change-password'), 'staff', false)).toBe(true)
  })

  it('lets anyone open the sign-in page', () => {
    expect(decide('/login', null)).toBe(true)
  })

  it('sends a signed-in user away from sign-in: to the redirect, or home', () => {
    expect(decide('/login', 'staff')).toEqual({ name: 'home' })
    expect(decide('/login?redirect=/operation-log', 'manager')).toBe('/operation-log')
  })

  it('refuses pages the role lacks the permission for', () => {
    expect(decide('/staff', 'staff')).toEqual({ name: 'forbidden' })
    expect(decide('/operation-log', 'staff')).toEqual({ name: 'forbidden' })
  })

  it('lets a role open the pages it may use', () => {
    expect(decide('/', 'staff')).toBe(true)
    expect(decide('/staff', 'supervisor')).toBe(true)
    expect(decide('/operation-log', 'manager')).toBe(true)
    expect(decide('/staff', 'admin')).toBe(true)
    expect(decide('/403', 'staff')).toBe(true)
    expect(decide('/no/such/page', 'staff')).toBe(true)
  })

  it('routes unknown paths to the not-found page', () => {
    expect(router.resolve('/no/such/page').name).toBe('not-found')
  })

  it('only follows same-site redirects', () => {
    expect(safeRedirect('/staff?page=2')).toBe('/staff?page=2')
    expect(safeRedirect('//evil.example/')).toBeNull()
    expect(safeRedirect('https://evil.example/')).toBeNull()
    expect(safeRedirect(undefined)).toBeNull()
    expect(safeRedirect(['/a', '/b'])).toBe('/a')
  })
})
