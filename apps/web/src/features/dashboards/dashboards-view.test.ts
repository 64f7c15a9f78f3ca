import { describe, expect, it } from 'vitest'
import {
  type CenterDashboard,
  type PerformanceRow,
  byKpi,
  columnWidth,
  deltaOf,
  formatKpi,
  heatmapMatrix,
  kpiCell,
  kpiColumns,
  lastActiveDay,
  signed,
  shortCenterName,
  sparkPoints,
} from './dashboards-view'
import { partialBuckets, presetRange, rangeFromQuery } from './date-range'
import { timelineLayout } from './day-timeline'

describe('KPI formatting', () => {
  it('shows each kind of KPI in its unit, a missing one as a dash', () => {
    expect(formatKpi('volume', 5070)).toBe('5,070')
    expect(formatKpi('immediateRate', 0.60965)).toBe('61.0%')
    expect(formatKpi('meanWaitMinutes', 10.0175)).toBe('10.0')
    expect(formatKpi('staffedMinutes', 95)).toBe('1.6')
    expect(formatKpi('workloadPoints', 4538)).toBe('4,538.0')
    expect(formatKpi('onTimeRate', null)).toBe('—')
    expect(kpiCell('serviceLevel', 0.79059)).toBe(79.1)
    expect(kpiCell('workloadPoints', 4538.44)).toBe(4538.4)
    expect(kpiCell('volume', 12)).toBe(12)
    expect(kpiCell('noShowRate', null)).toBeNull()
  })
})

describe('deltaOf', () => {
  it('compares counts and times in percent, coloured by which way is better', () => {
    expect(deltaOf('volume', 5070, 3946)).toEqual({
      direction: 'up',
      tone: 'neutral',
      amount: 28.5,
      unit: 'percent',
    })
    expect(deltaOf('meanWaitMinutes', 9, 10)).toMatchObject({
      direction: 'down',
      tone: 'good',
      amount: -10,
    })
    expect(deltaOf('overdue', 12, 10)).toMatchObject({ direction: 'up', tone: 'bad', amount: 20 })
  })
  it('compares rates in percentage points', () => {
    expect(deltaOf('immediateRate', 0.61, 0.528)).toMatchObject({
      direction: 'up',
      tone: 'good',
      amount: 8.2,
      unit: 'points',
    })
    expect(deltaOf('noShowRate', 0.03, 0.02)).toMatchObject({ tone: 'bad', amount: 1 })
  })
  it('has nothing to say without a previous value or from zero', () => {
    expect(deltaOf('volume', 10, 0)).toBeNull()
    expect(deltaOf('serviceLevel', 0.8, null)).toBeNull()
    expect(deltaOf('overdue', 0, 0)).toMatchObject({
      direction: 'flat',
      tone: 'neutral',
      amount: 0,
    })
    // A change that rounds to nothing reads as flat, not as a coloured 0.0.
    expect(deltaOf('serviceLevel', 0.8001, 0.8)).toMatchObject({
      direction: 'flat',
      tone: 'neutral',
    })
    expect(signed(3.25)).toBe('+3.3')
    expect(signed(-3)).toBe('−3.0')
    expect(signed(0)).toBe('0.0')
  })
})

describe('ranges', () => {
  it('marks the trend buckets cut by the range or not over yet', () => {
    const today = '2026-03-14' // a Saturday
    const days = ['2026-03-12', '2026-03-13', '2026-03-14']
    expect(partialBuckets(days, 'day', ['2026-03-12', today], today)).toEqual([false, false, true])
    // Weeks of a range from Wednesday 02-25: the first and the running one are partial.
    const weeks = ['2026-02-23', '2026-03-02', '2026-03-09']
    expect(partialBuckets(weeks, 'week', ['2026-02-25', today], today)).toEqual([true, false, true])
    // A past range ending on a Sunday: every week whole.
    expect(partialBuckets(weeks, 'week', ['2026-02-23', '2026-03-15'], '2026-04-01')).toEqual([
      false,
      false,
      false,
    ])
    const months = ['2026-01-01', '2026-02-01', '2026-03-01']
    expect(partialBuckets(months, 'month', ['2026-01-01', today], today)).toEqual([
      false,
      false,
      true,
    ])
    // February ends on the 28th: a range to 02-28 holds all of it.
    expect(partialBuckets(['2026-02-01'], 'month', ['2026-02-01', '2026-02-28'], today)).toEqual([
      false,
    ])
  })
  it('computes the presets from today', () => {
    const today = '2026-03-14'
    expect(presetRange('today', today)).toEqual([today, today])
    expect(presetRange('last7', today)).toEqual(['2026-03-08', today])
    expect(presetRange('last30', today)).toEqual(['2026-02-13', today])
    expect(presetRange('thisMonth', today)).toEqual(['2026-03-01', today])
    expect(presetRange('lastMonth', today)).toEqual(['2026-02-01', '2026-02-28'])
    expect(presetRange('lastMonth', '2026-01-05')).toEqual(['2025-12-01', '2025-12-31'])
    expect(presetRange('thisYear', today)).toEqual(['2026-01-01', today])
  })
  it('takes a range from a link only when a dashboard would accept it', () => {
    const today = '2026-03-14'
    expect(rangeFromQuery({ from: '2026-01-01', to: '2026-01-31' }, today)).toEqual([
      '2026-01-01',
      '2026-01-31',
    ])
    const fallback = presetRange('last30', today)
    expect(rangeFromQuery({}, today)).toEqual(fallback)
    expect(rangeFromQuery({ from: '2026-02-30', to: '2026-03-01' }, today)).toEqual(fallback)
    expect(rangeFromQuery({ from: '2026-03-02', to: '2026-03-01' }, today)).toEqual(fallback)
    expect(rangeFromQuery({ from: '2024-01-01', to: '2024-12-31' }, today)).toEqual([
      '2024-01-01',
      '2024-12-31',
    ])
    expect(rangeFromQuery({ from: '2024-01-01', to: '2025-01-01' }, today)).toEqual(fallback)
  })
})

describe('table helpers', () => {
  it('sorts by a KPI with the missing values lowest', () => {
    const row = (immediateRate: number | null) => ({ kpis: { immediateRate } }) as PerformanceRow
    const rows = [row(0.5), row(null), row(0.9), row(0.1)]
    expect(rows.sort(byKpi('immediateRate')).map((r) => r.kpis.immediateRate)).toEqual([
      null,
      0.1,
      0.5,
      0.9,
    ])
  })
  it('exports KPI columns with their units in the header', () => {
    const columns = kpiColumns(
      ['volume', 'immediateRate', 'meanWaitMinutes'],
      (key) => key,
      (unit) => `u:${unit}`,
    )
    expect(columns.map((column) => column.label)).toEqual([
      'volume',
      'immediateRate（%）',
      'meanWaitMinutes（u:minutes）',
    ])
    const row = { kpis: { volume: 3, immediateRate: 0.6123, meanWaitMinutes: null } } as never
    expect(columns.map((column) => column.value(row))).toEqual([3, 61.2, null])
  })
  it('sizes a column to its header', () => {
    expect(columnWidth('即办率')).toBe(78)
    expect(columnWidth('90% 等候')).toBe(96)
    expect(columnWidth('A very long English column header')).toBe(150)
  })
  it('shortens center names for chart axes', () => {
    expect(shortCenterName('申江区滨江街道社区事务受理服务中心')).toBe('滨江街道')
    expect(shortCenterName('春申镇社区事务受理服务中心')).toBe('春申镇')
    expect(shortCenterName('Riverside')).toBe('Riverside')
  })
  it('draws a sparkline inside its box, the highest value at the top', () => {
    expect(sparkPoints([0, 5, 10], 100, 20)).toBe('0,19 50,10 100,1')
    expect(sparkPoints([0, 0], 10, 20)).toBe('0,19 10,19')
    expect(sparkPoints([3], 10, 20)).toBe('0,1 10,1')
    expect(sparkPoints([], 10, 20)).toBe('')
  })
  it('opens a drill-down on the last day the member worked', () => {
    expect(lastActiveDay(['d1', 'd2', 'd3'], [4, 2, 0])).toBe('d2')
    expect(lastActiveDay(['d1', 'd2'], [0, 0])).toBe('d2')
  })
})

describe('heatmapMatrix', () => {
  it('places mean arrivals on hour × weekday, from the first hour to the last', () => {
    const cells: CenterDashboard['heatmap'] = [
      { weekday: 1, hour: 9, visits: 48.75 },
      { weekday: 6, hour: 11, visits: 3.04 },
    ]
    expect(heatmapMatrix(cells)).toEqual({
      hours: [9, 10, 11],
      data: [
        [0, 0, 48.8],
        [2, 5, 3],
      ],
      max: 48.8,
    })
    expect(heatmapMatrix([])).toEqual({ hours: [], data: [], max: 0 })
  })
})

describe('timelineLayout', () => {
  it('lays stretches on an axis of whole hours', () => {
    const nine = Date.parse('2026-03-14T09:00:00+08:00')
    const min = 60_000
    const layout = timelineLayout([
      { kind: 'staffed', from: nine + 10 * min, to: nine + 100 * min, label: null },
      { kind: 'serving', from: nine + 20 * min, to: nine + 50 * min, label: 'A001' },
      { kind: 'paused', from: nine + 60 * min, to: nine + 61 * min, label: 'lunch' },
    ])!
    expect(layout.start).toBe(nine)
    expect(layout.end).toBe(nine + 120 * min)
    expect(layout.ticks.map((tick) => tick.left)).toEqual([0, 50, 100])
    const [staffed, serving, paused] = layout.lanes
    expect(staffed!.bars[0]!.left).toBeCloseTo((10 / 120) * 100, 9)
    expect(staffed!.bars[0]!.width).toBeCloseTo(75, 9)
    expect(serving!.bars[0]).toMatchObject({ label: 'A001' })
    expect(serving!.bars[0]!.left).toBeCloseTo(100 / 6, 9)
    expect(serving!.bars[0]!.width).toBeCloseTo(25, 9)
    expect(paused!.bars[0]!.left).toBe(50)
    expect(timelineLayout([])).toBeNull()
  })
})
