import { quotaDefinition } from '@onewindow/contracts'
import { describe, expect, it } from 'vitest'
import {
  type QuotaForm,
  eachAllowed,
  emptyQuotaForm,
  hardCapWarnsOnly,
  quotaFormProblems,
  toQuotaInput,
} from './quota-form'

const today = '2025-03-14'
const valid: QuotaForm = {
  ...emptyQuotaForm(today, 1),
  name: '救助证明开具每日号源',
  serviceItemId: 42,
  amount: 2,
}

/** The fields the contract's schema refuses in the form's input, for comparison. */
function serverRefuses(form: QuotaForm): string[] {
  const result = quotaDefinition.safeParse({
    ...toQuotaInput(form),
    amount: form.amount ?? undefined,
  })
  return result.success
    ? []
    : [...new Set(result.error.issues.map((i) => String(i.path[0])))].sort()
}
const clientRefuses = (form: QuotaForm) => Object.keys(quotaFormProblems(form)).sort()

describe('the quota form', () => {
  it('starts as a hard daily ticket cap from today, asking for a name and an amount', () => {
    const empty = emptyQuotaForm(today)
    expect(empty).toMatchObject({ metric: 'tickets_issued', period: 'day', kind: 'cap' })
    expect(empty).toMatchObject({ enforcement: 'hard', warnAtPercent: 80, effectiveFrom: today })
    expect(clientRefuses(empty)).toEqual(['amount', 'name'])
  })

  it('makes the contract input: scope ids or null, share from percent, no enforcement on targets', () => {
    expect(toQuotaInput(valid)).toEqual({
      name: '救助证明开具每日号源',
      scope: { centerId: 1, counterId: null, staffId: null, serviceItemId: 42, skillId: null },
      metric: 'tickets_issued',
      period: 'day',
      rangeFrom: null,
      rangeTo: null,
      amount: 2,
      kind: 'cap',
      enforcement: 'hard',
      warnAt: 0.8,
      effectiveFrom: today,
      effectiveTo: null,
      each: null,
    })
    expect(quotaDefinition.safeParse(toQuotaInput(valid)).success).toBe(true)
    const target = {
      ...valid,
      kind: 'target' as const,
      metric: 'workload_points' as const,
      amount: 40.5,
    }
    expect(toQuotaInput(target)).toMatchObject({ kind: 'target', enforcement: null, amount: 40.5 })
    expect(serverRefuses(target)).toEqual([])
    // A counter or person without a center cannot be named (the pickers are off then too).
    const orphan = { ...valid, centerId: undefined, counterId: 3, staffId: 9 }
    expect(toQuotaInput(orphan).scope).toMatchObject({
      centerId: null,
      counterId: null,
      staffId: null,
    })
    // A cleared picker may hand back an empty string.
    const cleared = { ...valid, skillId: '' as unknown as undefined }
    expect(toQuotaInput(cleared).scope.skillId).toBeNull()
  })

  it.each<[string, Partial<QuotaForm>, string[]]>([
    ['a blank name', { name: '   ' }, ['name']],
    ['a name over 60', { name: '额'.repeat(61) }, ['name']],
    ['a zero amount', { amount: 0 }, ['amount']],
    ['a negative amount', { amount: -3 }, ['amount']],
    ['a huge amount', { amount: 1_000_001 }, ['amount']],
    ['a fractional count', { amount: 2.5 }, ['amount']],
    ['a custom period without dates', { period: 'range' }, ['rangeFrom', 'rangeTo']],
    [
      'a custom period ending before it starts',
      { period: 'range', rangeFrom: '2025-03-20', rangeTo: '2025-03-10' },
      ['rangeTo'],
    ],
    ['an end before the start', { effectiveTo: '2025-03-01' }, ['effectiveTo']],
    ['a warning line under 10%', { warnAtPercent: 5 }, ['warnAtPercent']],
    ['a warning line of 100%', { warnAtPercent: 100 }, ['warnAtPercent']],
    [
      'each person with one person named',
      { metric: 'cases_accepted', each: 'staff', staffId: 4 },
      ['each'],
    ],
    [
      'each counter with one counter named',
      { metric: 'workload_points', each: 'counter', counterId: 2 },
      ['each'],
    ],
  ])('refuses %s as the contract does', (_name, change, fields) => {
    const form = { ...valid, ...change }
    expect(clientRefuses(form)).toEqual(fields)
    // The server names the same fields (a missing range date under rangeFrom; warnAt as such).
    const server = serverRefuses(form).map((f) => (f === 'warnAt' ? 'warnAtPercent' : f))
    expect(server.length).toBeGreaterThan(0)
    for (const field of server) expect(fields).toContain(field)
  })

  it('accepts what the contract accepts', () => {
    for (const change of [
      { period: 'range' as const, rangeFrom: '2025-03-10', rangeTo: '2025-03-10' },
      { effectiveTo: today },
      { warnAtPercent: 10 },
      { warnAtPercent: 99 },
      { metric: 'workload_points' as const, amount: 0.5 },
      { metric: 'cases_accepted' as const, each: 'staff' as const, counterId: 2 },
      { metric: 'cases_completed' as const, each: 'counter' as const, staffId: 4 },
    ]) {
      const form = { ...valid, ...change }
      expect(clientRefuses(form)).toEqual([])
      expect(serverRefuses(form)).toEqual([])
    }
  })

  it('sends "each" only for measures taken by a person at a counter', () => {
    const perPerson = { ...valid, metric: 'workload_points' as const, each: 'staff' as const }
    expect(eachAllowed('workload_points')).toBe(true)
    expect(toQuotaInput(perPerson).each).toBe('staff')
    // Switching to tickets hides the choice; the form then sends none, as the contract wants.
    expect(eachAllowed('tickets_issued')).toBe(false)
    const tickets = { ...perPerson, metric: 'tickets_issued' as const }
    expect(toQuotaInput(tickets).each).toBeNull()
    expect(clientRefuses(tickets)).toEqual([])
    expect(serverRefuses(tickets)).toEqual([])
  })

  it('says when a hard cap can only be shown, not enforced', () => {
    expect(hardCapWarnsOnly(valid)).toBe(false)
    expect(hardCapWarnsOnly({ ...valid, metric: 'appointments_booked' })).toBe(false)
    expect(hardCapWarnsOnly({ ...valid, metric: 'cases_completed' })).toBe(true)
    expect(hardCapWarnsOnly({ ...valid, metric: 'cases_completed', enforcement: 'soft' })).toBe(
      false,
    )
    expect(hardCapWarnsOnly({ ...valid, metric: 'cases_completed', kind: 'target' })).toBe(false)
  })
})
