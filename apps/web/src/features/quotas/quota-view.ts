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

/** "每天 · 每人 2 件": the period, and the amount said per person or counter where it is. */
export function ruleInWords(
  row: Pick<QuotaRow, 'period' | 'rangeFrom' | 'rangeTo' | 'metric' | 'amount' | 'each'>,
  t: Translate,
): string {
  const amount = amountInWords(row.metric, row.amount, t)
  const perMember = row.each ? t(`quotas.each.${row.each}`, { amount }) : amount
  return `${periodInWords(row, t)} · ${perMember}`
}

/** "1/2 人已满", "3/5 人已达标": how many members reached the amount, for a quota on each. */
export function spreadText(
  row: Pick<QuotaRow, 'kind' | 'each'>,
  usage: Pick<QuotaUsage, 'members' | 'reached'>,
  t: Translate,
): string | null {
  if (!row.each || !usage.members) return null
  const values = { reached: usage.reached ?? 0, total: usage.members.length }
  return t(`quotas.spread.${row.each}.${row.kind}`, values)
}

/** "甲窗口 3/3 · 丙窗口 1/2": each member's use, fullest first. */
export function membersInWords(usage: Pick<QuotaUsage, 'members'>): string {
  return (usage.members ?? []).map((m) => `${m.name} ${usageText(m)}`).join(' · ')
}

/** A quota alert in words, naming the person or counter of a quota on each. */
export function alertText(
  alert: { name: string; memberName: string | null; level: 'warn' | 'full' } & Pick<
    QuotaUsage,
    'used' | 'amount'
  >,
  t: Translate,
): string {
  const values = {
    name: alert.name,
    member: alert.memberName,
    used: formatAmount(alert.used),
    amount: formatAmount(alert.amount),
  }
  const key = alert.memberName === null ? alert.level : `member.${alert.level}`
  return t(`quotas.alerts.${key}`, values)
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

/**
 * The gauge of one quota: an arc filled to its share, tinted by zone, "used/amount" inside and
 * the share (or `caption`) below.
 */
export function gaugeOption(
  row: Pick<QuotaRow, 'kind' | 'warnAt'>,
  usage: Pick<QuotaUsage, 'used' | 'amount' | 'share' | 'level'>,
  caption?: string,
) {
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
        center: ['50%', '55%'],
        progress: { show: true, width: 16, itemStyle: { color: colour } },
        axisLine: { lineStyle: { width: 16, color: zones } },
        pointer: { show: false },
        anchor: { show: false },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        // Below the arc's ends, where a long caption has the card's whole width.
        title: { offsetCenter: [0, '74%'], fontSize: 13, color: '#5f6b7a' },
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
            name: caption ?? `${sharePercent(usage.share)}%`,
          },
        ],
      },
    ],
  }
}
