// The dashboards' daily rollups (conventions as in tables.ts). Rows hold additive measures only;
// the KPI formulas live in @onewindow/domain's kpi folder.

/** The service measures of a rollup row, in the columns' snake case. */
export interface ServiceMeasureColumns {
  visits: number
  called: number
  wait_ms: number
  called_in_target: number
  no_shows: number
  served_immediate: number
  service_ms_immediate: number
  served_commitment: number
  service_ms_commitment: number
  consultations: number
  cases_accepted: number
  cases_immediate: number
  workload_points: number
  commitment_due: number
  commitment_on_time: number
  commitment_overdue: number
  commitment_decided: number
  commitment_approved: number
  processing_ms: number
  ratings: number
  ratings_satisfied: number
}

/** One center × day × counter × staff member × service item (0: no counter or person). */
export interface KpiDayTable extends ServiceMeasureColumns {
  center_id: number
  day: string
  counter_id: number
  staff_id: number
  service_item_id: number
  skill_id: number
}

/** The same measures per center-day, with the counter time of everyone: district and center views. */
export interface KpiCenterDayTable extends ServiceMeasureColumns, PresenceColumns {
  center_id: number
  day: string
}

/** The same measures per center × day × skill: per-skill load. */
export interface KpiSkillDayTable extends ServiceMeasureColumns {
  center_id: number
  day: string
  skill_id: number
}

/** Time at an open counter and paused, per reason. */
export interface PresenceColumns {
  staffed_ms: number
  paused_lunch_ms: number
  paused_training_ms: number
  paused_back_office_ms: number
  paused_meeting_ms: number
  paused_other_ms: number
}

/** Measures and counter time per center × day × counter × staff member: performance tables. */
export interface KpiMemberDayTable extends ServiceMeasureColumns, PresenceColumns {
  center_id: number
  day: string
  counter_id: number
  staff_id: number
}

/** Measures per center × day × service item: 即办 potential. */
export interface KpiItemDayTable extends ServiceMeasureColumns {
  center_id: number
  day: string
  service_item_id: number
}

/** A month's sum of kpi_item_day ('YYYY-MM'). */
export interface KpiItemMonthTable extends ServiceMeasureColumns {
  center_id: number
  month: string
  service_item_id: number
}

/** A month's sum of kpi_wait_day. */
export interface KpiWaitMonthTable {
  center_id: number
  month: string
  wait_minute: number
  calls: number
}

/** Calls per whole minute waited (the last bucket: four hours or more), for p90 waits. */
export interface KpiWaitDayTable {
  center_id: number
  day: string
  wait_minute: number
  calls: number
}

/** Visits per Shanghai hour of arrival, for the weekday × hour heatmap. */
export interface KpiArrivalHourTable {
  center_id: number
  day: string
  hour: number
  visits: number
}

/** Whether a center-day's rollup is current: rolled_at is null once its base rows change. */
export interface KpiRollupDayTable {
  center_id: number
  day: string
  rolled_at: number | null
}

/** How far the refresher has read the event logs, and which API instance holds the lease. */
export interface KpiRollupCursorTable {
  id: number
  ticket_event_id: number
  case_event_id: number
  /** Ratings are followed by id, appeal decisions (which may leave a rating out) by time. */
  evaluation_id: number
  appeal_decided_at: number
  lease_until: number
}
