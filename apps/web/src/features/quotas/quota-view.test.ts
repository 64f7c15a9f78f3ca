import { describe, expect, it } from 'vitest'
import {
  type QuotaRow,
  alertText,
  amountInWords,
  dayBefore,
  effectiveInWords,
  gaugeColour,
  gaugeOption,
  kindTag,
  levelColours,
  membersInWords,
  periodInWords,
  ruleInWords,
  scopeInWords,
  spreadText,
  usageText,
} from './quota-view'

// Keys and parameters, so the words' structure is visible without a language.
const t = (key: string, params?: Record<string, unknown>) =>
  params ? `${key}${JSON.stringify(params)}` : key

const noScope: QuotaRow['scope'] = {
  centerId: null,
  centerName: null,
  counterId: null,
  counterName: null,
  staffId: null,
  staffName: null,
  serviceItemId: null,
  serviceItemName: null,
  skillId: null,
  skillName: null,
}

describe('quota words', () => {
  it('say the scope: center (or district), then what narrows it', () => {
    expect(scopeInWords(noScope, t)).toBe('quotas.scope.district · quotas.scope.everything')
    expect(
      scopeInWords(
        {
          ...noScope,
          centerId: 1,
          centerName: '滨江街道',
          serviceItemId: 4,
          serviceItemName: '救助证明开具',
        },
        t,
      ),
    ).toBe('滨江街道 · quotas.scope.item{"name":"救助证明开具"}')
    expect(
      scopeInWords(
        { ...noScope, centerName: '滨江街道', staffName: '李华', skillName: '医保类' },
        t,
      ),
    ).toBe('滨江街道 · quotas.scope.staff{"name":"李华"} · quotas.scope.skill{"name":"医保类"}')
  })

  it('tag caps by how they bite and targets as targets', () => {
    expect(kindTag({ kind: 'cap', enforcement: 'hard' })).toBe('hard')
    expect(kindTag({ kind: 'cap', enforcement: 'soft' })).toBe('soft')
    expect(kindTag({ kind: 'target', enforcement: null })).toBe('target')
  })

  it('say amounts, periods and effective dates', () => {
    expect(amountInWords('tickets_issued', 2, t)).toBe('quotas.units.tickets_issued{"n":"2"}')
    expect(amountInWords('workload_points', 40.25, t)).toBe(
      'quotas.units.workload_points{"n":"40.3"}',
    )
    expect(periodInWords({ period: 'week', rangeFrom: null, rangeTo: null }, t)).toBe(
      'quotas.periods.week',
    )
    expect(
      periodInWords({ period: 'range', rangeFrom: '2025-03-01', rangeTo: '2025-03-31' }, t),
    ).toBe('quotas.rangeText{"from":"2025-03-01","to":"2025-03-31"}')
    expect(effectiveInWords({ effectiveFrom: '2025-03-01', effectiveTo: null }, t)).toBe(
      'quotas.table.openEnded{"from":"2025-03-01"}',
    )
  })

  it('knows the day before, across months and years', () => {
    expect(dayBefore('2025-03-14')).toBe('2025-03-13')
    expect(dayBefore('2025-03-01')).toBe('2025-02-28')
    expect(dayBefore('2024-03-01')).toBe('2024-02-29')
    expect(dayBefore('2025-01-01')).toBe('2024-12-31')
  })
})

describe('quota gauges', () => {
  const usage = (used: number, amount: number, level: 'ok' | 'warn' | 'full') => ({
    periodFrom: '2025-03-14',
    periodTo: '2025-03-14',
    used,
    amount,
    share: used / amount,
    level,
    members: null,
    reached: null,
  })

  it('colour a cap green below its warning line, yellow from it, red when full', () => {
    expect(gaugeColour('cap', usage(1, 10, 'ok'))).toBe(levelColours.ok)
    expect(gaugeColour('cap', usage(8, 10, 'warn'))).toBe(levelColours.warn)
    expect(gaugeColour('cap', usage(10, 10, 'full'))).toBe(levelColours.full)
  })

  it('colour a target blue on its way and green once reached', () => {
    expect(gaugeColour('target', usage(20, 40, 'ok'))).toBe(levelColours.toward)
    expect(gaugeColour('target', usage(40, 40, 'full'))).toBe(levelColours.ok)
  })

  it('show "2/2" inside an arc filled to the share, capped at the full arc', () => {
    expect(usageText(usage(2, 2, 'full'))).toBe('2/2')
    expect(usageText({ used: 12.5, amount: 40 })).toBe('12.5/40')
    const full = gaugeOption({ kind: 'cap', warnAt: 0.8 }, usage(2, 2, 'full')).series[0]!
    expect(full.detail.formatter()).toBe('2/2')
    expect(full.detail.color).toBe(levelColours.full)
    expect(full.data[0]).toEqual({ value: 100, name: '100%' })
    expect(full.axisLine.lineStyle.color[0]).toEqual([0.8, expect.any(String)])
    // A soft cap may run over: the arc stays full, the words say how far.
    const over = gaugeOption({ kind: 'cap', warnAt: 0.8 }, usage(12, 10, 'full')).series[0]!
    expect(over.data[0]).toEqual({ value: 100, name: '120%' })
  })
})

describe('quotas on each person or counter', () => {
  const members = [
    { id: 4, name: '甲窗口', used: 3, amount: 3 },
    { id: 30, name: '丙窗口', used: 1.5, amount: 2 },
  ]

  it('say the amount per person or counter in the rule', () => {
    const row = {
      period: 'day' as const,
      rangeFrom: null,
      rangeTo: null,
      metric: 'cases_accepted' as const,
      amount: 2,
    }
    expect(ruleInWords({ ...row, each: null }, t)).toBe(
      'quotas.periods.day · quotas.units.cases_accepted{"n":"2"}',
    )
    expect(ruleInWords({ ...row, each: 'staff' }, t)).toBe(
      'quotas.periods.day · quotas.each.staff{"amount":"quotas.units.cases_accepted{\\"n\\":\\"2\\"}"}',
    )
  })

  it('count the members who reached the amount, and list each one', () => {
    const usage = { members, reached: 1 }
    expect(spreadText({ kind: 'cap', each: 'staff' }, usage, t)).toBe(
      'quotas.spread.staff.cap{"reached":1,"total":2}',
    )
    expect(spreadText({ kind: 'target', each: 'counter' }, usage, t)).toBe(
      'quotas.spread.counter.target{"reached":1,"total":2}',
    )
    expect(spreadText({ kind: 'cap', each: null }, { members: null, reached: null }, t)).toBeNull()
    expect(membersInWords(usage)).toBe('甲窗口 3/3 · 丙窗口 1.5/2')
  })

  it('name the person in an alert of a quota on each', () => {
    const alert = { name: '每人上限', level: 'full' as const, used: 3, amount: 3 }
    expect(alertText({ ...alert, memberName: null }, t)).toBe(
      'quotas.alerts.full{"name":"每人上限","member":null,"used":"3","amount":"3"}',
    )
    expect(alertText({ ...alert, memberName: '甲窗口' }, t)).toBe(
      'quotas.alerts.member.full{"name":"每人上限","member":"甲窗口","used":"3","amount":"3"}',
    )
  })
})
