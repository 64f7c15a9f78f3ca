import { type PauseReason, pauseReasons } from '@onewindow/contracts'
import type { Database, ServiceMeasureColumns } from '@onewindow/db'
import {
  type PresenceMeasures,
  type ServiceMeasures,
  emptyPresence,
  emptyServiceMeasures,
  serviceMeasureNames,
} from '@onewindow/domain'
import type { ExpressionBuilder } from 'kysely'

/** waitMs → wait_ms: rollup columns are the measures' names in snake case. */
const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)

const serviceColumns = serviceMeasureNames.map(
  (name) => [name, snake(name) as keyof ServiceMeasureColumns] as const,
)
const pauseColumns = pauseReasons.map((reason) => [reason, `paused_${snake(reason)}_ms`] as const)
type PauseColumn = `paused_${'lunch' | 'training' | 'back_office' | 'meeting' | 'other'}_ms`

export const serviceColumnNames = serviceColumns.map(([, column]) => column)

export function serviceColumnsOf(measures: ServiceMeasures): ServiceMeasureColumns {
  const row = {} as ServiceMeasureColumns
  for (const [name, column] of serviceColumns) row[column] = measures[name]
  return row
}

export function presenceColumnsOf(presence: PresenceMeasures) {
  const row = { staffed_ms: presence.staffedMs } as { staffed_ms: number } & Record<
    PauseColumn,
    number
  >
  for (const [reason, column] of pauseColumns)
    row[column as PauseColumn] = presence.pausedMs[reason]
  return row
}

/** Reads summed columns back (MySQL sums may come back as strings). */
export function serviceMeasuresOf(row: Record<string, unknown>): ServiceMeasures {
  const measures = emptyServiceMeasures()
  for (const [name, column] of serviceColumns) measures[name] = Number(row[column] ?? 0)
  return measures
}

export function presenceOf(row: Record<string, unknown>): PresenceMeasures {
  const presence = emptyPresence()
  presence.staffedMs = Number(row.staffed_ms ?? 0)
  for (const [reason, column] of pauseColumns) {
    presence.pausedMs[reason as PauseReason] = Number(row[column] ?? 0)
  }
  return presence
}

export type ServiceTable =
  | 'kpi_day'
  | 'kpi_center_day'
  | 'kpi_skill_day'
  | 'kpi_member_day'
  | 'kpi_item_day'
  | 'kpi_item_month'
export type PresenceTable = 'kpi_center_day' | 'kpi_member_day'

/** SUM(column) AS column for the service measures (every one unless named), to select grouped
 *  rollup rows; the measures left out read as 0. */
export const sumServiceColumns = (
  eb: ExpressionBuilder<Database, ServiceTable>,
  measures: readonly (keyof ServiceMeasures)[] = serviceMeasureNames,
) =>
  serviceColumns
    .filter(([name]) => measures.includes(name))
    .map(([, column]) => eb.fn.sum<number>(column).as(column))

export const sumPresenceColumns = (eb: ExpressionBuilder<Database, PresenceTable>) => [
  eb.fn.sum<number>('staffed_ms').as('staffed_ms'),
  ...pauseColumns.map(([, column]) => eb.fn.sum<number>(column as PauseColumn).as(column)),
]
