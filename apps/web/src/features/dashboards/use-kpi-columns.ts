import { useI18n } from 'vue-i18n'
import { type KpiKey, kpiColumns } from './dashboards-view'

/** kpiColumns with the labels and units of the current language. */
export function useKpiColumns() {
  const { t } = useI18n()
  return (keys: readonly KpiKey[]) =>
    kpiColumns(
      keys,
      (key) => t(`dashboards.kpi.${key}.label`),
      (unit) => t(`dashboards.units.${unit}`),
    )
}
