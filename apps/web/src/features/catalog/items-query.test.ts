import { describe, expect, it } from 'vitest'
import { defaultItemSort, itemListQuery, sortFromTable, tabFromQuery } from './items-query'

describe('the item list query', () => {
  it('turns a table sort into the server sort, falling back to code order', () => {
    expect(sortFromTable({ prop: 'standardMinutes', order: 'descending' })).toEqual({
      sortBy: 'standardMinutes',
      sortOrder: 'desc',
    })
    expect(sortFromTable({ prop: 'promisedDays', order: 'ascending' })).toEqual({
      sortBy: 'promisedDays',
      sortOrder: 'asc',
    })
    expect(sortFromTable({ prop: 'name', order: null })).toEqual(defaultItemSort)
    expect(sortFromTable({ prop: 'departmentName', order: 'ascending' })).toEqual(defaultItemSort)
  })

  it('leaves empty filters out and trims the search', () => {
    expect(itemListQuery({ search: '  ' }, defaultItemSort, 1, 20)).toEqual({
      page: 1,
      pageSize: 20,
      search: undefined,
      departmentId: undefined,
      skillId: undefined,
      kind: undefined,
      status: undefined,
      sortBy: 'code',
      sortOrder: 'asc',
    })
    const query = itemListQuery(
      { search: ' 医保 ', departmentId: 3, kind: 'commitment', status: 'retired' },
      { sortBy: 'name', sortOrder: 'desc' },
      2,
      50,
    )
    expect(query).toMatchObject({ page: 2, search: '医保', departmentId: 3, kind: 'commitment' })
  })

  it('reads the tab from the route query', () => {
    expect(tabFromQuery('skills')).toBe('skills')
    expect(tabFromQuery('departments')).toBe('departments')
    expect(tabFromQuery(undefined)).toBe('items')
    expect(tabFromQuery(['skills'])).toBe('items')
    expect(tabFromQuery('nope')).toBe('items')
  })
})
