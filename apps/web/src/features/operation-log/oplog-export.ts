import type { RouterOutputs } from '@onewindow/api'
import { i18n } from '../../i18n'
import { type ExportColumn, tableOf } from '../../shared/export/table-export'
import { formatDateTime } from '../../shared/format'
import { diffFields } from './json-diff'
import { actionLabel, fieldLabel, targetLabel, valueLabel } from './oplog-labels'

export type OplogRow = RouterOutputs['operationLog']['list']['rows'][number]

/** `张敏（zhangmin01）`, or the logged name alone when no staff record matches. */
export function actorText(row: Pick<OplogRow, 'actorId' | 'actorName' | 'actorDisplayName'>) {
  // actorOf() logs requests without a session under this name.
  if (row.actorId === null && row.actorName === 'anonymous') {
    return i18n.global.t('operationLog.anonymous')
  }
  return row.actorDisplayName ? `${row.actorDisplayName}（${row.actorName}）` : row.actorName
}

/** The changed fields in one line: `状态: 启用 → 停用; + 备注: x; − 名称: y`. */
export function changeSummary(row: Pick<OplogRow, 'targetType' | 'before' | 'after'>): string {
  return diffFields(row.before, row.after)
    .filter((d) => d.kind !== 'unchanged')
    .map((d) => {
      const field = fieldLabel(d.path)
      const value = (v: unknown) => valueLabel(row.targetType, d.path, v)
      if (d.kind === 'added') return `+ ${field}: ${value(d.after)}`
      if (d.kind === 'removed') return `− ${field}: ${value(d.before)}`
      return `${field}: ${value(d.before)} → ${value(d.after)}`
    })
    .join('; ')
}

const json = (value: unknown) => (value === null ? null : JSON.stringify(value))

/** The export's table; the center column only for those who see several centers. */
export function oplogTable(rows: OplogRow[], centerName?: (id: number | null) => string | null) {
  const { t } = i18n.global
  const columns: ExportColumn<OplogRow>[] = [
    { label: '#', value: (row) => row.id },
    { label: t('operationLog.columns.time'), value: (row) => formatDateTime(row.at) },
    { label: t('operationLog.columns.actor'), value: actorText },
    { label: t('operationLog.columns.action'), value: (row) => actionLabel(row.action) },
    { label: t('operationLog.columns.code'), value: (row) => row.action },
    {
      label: t('operationLog.columns.target'),
      value: (row) => targetLabel(row.targetType, row.targetId),
    },
    ...(centerName
      ? [
          {
            label: t('operationLog.columns.center'),
            value: (row: OplogRow) => centerName(row.centerId) ?? t('app.districtWide'),
          },
        ]
      : []),
    { label: t('operationLog.columns.ip'), value: (row) => row.ip },
    {
      label: t('operationLog.columns.changes'),
      value: changeSummary,
    },
    { label: t('operationLog.columns.before'), value: (row) => json(row.before) },
    { label: t('operationLog.columns.after'), value: (row) => json(row.after) },
  ]
  return tableOf(columns, rows)
}
