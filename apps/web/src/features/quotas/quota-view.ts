import type { RouterOutputs } from '@onewindow/api'
import type { QuotaMetric } from '@onewindow/contracts'

export type QuotaRow = RouterOutputs['quotas']['list'][number]
export type QuotaUsage = NonNullable<QuotaRow['usage']>
export type QuotaLevel = QuotaUsage['level']

type Translate = (key: string, params?: Record<string, unknown>) => string

/** hard/soft for caps, target for targets: one tag per quota. */
export type KindTag = 'hard' | 'soft' | 'target'

export function kindTag(row: Pick<QuotaRow, 'kind' | 'enforcement'>): KindTag {
  if (row.kind === 'target') return 'target'
  return row.enforcement === 'soft' ? 'soft' : 'hard'
}

export const kindTagType: Record<KindTag, 'danger' | 'warning' | 'primary'> = {
  hard: 'danger',
  soft: 'warning',
  target: 'primary',
}

export const statusTagType: Record<QuotaRow['status'], 'info' | 'success'> = {
  scheduled: 'info',
  active: 'success',
  ended: 'info',
}

/** "滨江街道 · 事项 救助证明开具": who and what a quota covers, in words. */
export function scopeInWords(scope: QuotaRow['scope'], t: Translate): string {
  const parts = [scope.centerName ?? t('quotas.scope.district')]
  if (scope.counterName) parts.push(t('quotas.scope.counter', { name: scope.counterName }))
  if (scope.staffName) parts.push(t('quotas.scope.staff', { name: scope.staffName }))
  if (scope.serviceItemName) parts.push(t('quotas.scope.item', { name: scope.serviceItemName }))
  if (scope.skillName) parts.push(t('quotas.scope.skill', { name: scope.skillName }))
  if (parts.length === 1) parts.push(t('quotas.scope.everything'))
  return parts.join(' · ')
}

/** Counts are whole; workload points keep one decimal. */
export function formatAmount(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1)
}

export function amountInWords(metric: QuotaMetric, amount: number, t: Translate): string {
  return t(`quotas.units.${metric}`, { n: formatAmount(amount) })
}

export function periodInWords(
  row: Pick<QuotaRow, 'period' | 'rangeFrom' | 'rangeTo'>,
  t: Translate,
) {
  if (row.period === 'range' && row.rangeFrom && row.rangeTo) {
    return t('quotas.rangeText', { from: row.rangeFrom, to: row.rangeTo })
  }
  return t(`quotas.periods.${row.period}`)
}

export function effectiveInWords(
  row: Pick<QuotaRow, 'effectiveFrom' | 'effectiveTo'>,
  t: Translate,
) {
  return row.effectiveTo
    ? t('quotas.table.effectiveRange', { from: row.effectiveFrom, to: row.effectiveTo })
    : t('quotas.table.openEnded', { from: row.effectiveFrom })
}

/** The calendar day before `day` (YYYY-MM-DD). */
export function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() - 1)
  return date.toISOString().slice(0, 10)
}

export const levelColours = {
  ok: '#1a8f4c',
  warn: '#e6a23c',
  full: '#d9363e',
  /** A target on its way: neither good nor bad yet. */
  toward: '#1f5fbf',
} as const

/**
 * A cap is green below its warning line, yellow from it, red when full; a target is blue on its
 * way and green once reached.
 */
export function gaugeColour(kind: QuotaRow['kind'], usage: Pick<QuotaUsage, 'level' | 'share'>) {
  if (kind === 'target') return usage.share >= 1 ? levelColours.ok : levelColours.toward
  return levelColours[usage.level]
}

/** "2/2" and the share in whole percent. */
export function usageText(usage: Pick<QuotaUsage, 'used' | 'amount'>): string {
  return `${formatAmount(usage.used)}/${formatAmount(usage.amount)}`
}

export const sharePercent = (share: number) => Math.round(share * 100)

/** The gauge of one quota: an arc filled to its share, tinted by zone, "used/amount" inside. */
export function gaugeOption(row: Pick<QuotaRow, 'kind' | 'warnAt'>, usage: QuotaUsage) {
  const colour = gaugeColour(row.kind, usage)
  const zones =
    row.kind === 'cap'
      ? [
          [row.warnAt, '#e3f3ea'],
          [1, '#fbeed5'],
        ]
      : [[1, '#e8eef8']]
  return {
    series: [
      {
        type: 'gauge',
        startAngle: 210,
        endAngle: -30,
        min: 0,
        max: 100,
        radius: '96%',
        center: ['50%', '60%'],
        progress: { show: true, width: 16, itemStyle: { color: colour } },
        axisLine: { lineStyle: { width: 16, color: zones } },
        pointer: { show: false },
        anchor: { show: false },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        title: { offsetCenter: [0, '42%'], fontSize: 13, color: '#5f6b7a' },
        detail: {
          offsetCenter: [0, '2%'],
          fontSize: 30,
          fontWeight: 700,
          color: colour,
          formatter: () => usageText(usage),
        },
        data: [
          {
            value: Math.min(sharePercent(usage.share), 100),
            name: `${sharePercent(usage.share)}%`,
          },
        ],
      },
    ],
  }
}
