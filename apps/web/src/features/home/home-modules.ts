import { Checked, Star, TrendCharts } from '@element-plus/icons-vue'
import type { Role } from '@onewindow/contracts'
import type { Component } from 'vue'

export type ModuleKey = 'audits' | 'evaluations' | 'myStats'

export const moduleIcons: Record<ModuleKey, Component> = {
  audits: Checked,
  evaluations: Star,
  myStats: TrendCharts,
}

/** What each role will work with once the next modules ship (DESIGN.md, section 5). */
export const upcomingByRole: Record<Role, ModuleKey[]> = {
  admin: [],
  manager: [],
  supervisor: [],
  staff: ['myStats'],
  backoffice: ['myStats'],
}

/** One line under each quick link, by route name. */
export const linkSummaries: Record<string, string> = {
  staff: 'home.links.staff',
  'operation-log': 'home.links.operationLog',
  kiosks: 'home.links.kiosks',
  appointments: 'home.links.appointments',
  workbench: 'home.links.workbench',
  inbox: 'home.links.inbox',
  cases: 'home.links.cases',
  catalog: 'home.links.catalog',
  centers: 'home.links.centers',
  calendar: 'home.links.calendar',
  'skills-matrix': 'home.links.skillsMatrix',
  roster: 'home.links.roster',
  'my-schedule': 'home.links.mySchedule',
  balancing: 'home.links.balancing',
  fairness: 'home.links.fairness',
  dashboards: 'home.links.dashboards',
  quotas: 'home.links.quotas',
  evaluations: 'home.links.evaluations',
  'my-evaluations': 'home.links.myEvaluations',
  anomalies: 'anomalies.link',
  'audit-tasks': 'audits.links.tasks',
  'audit-findings': 'audits.links.findings',
  'audit-plans': 'audits.links.plans',
  'my-findings': 'audits.links.mine',
}

export function greetingKey(hour: number): string {
  // Before dawn it is still the evening before.
  if (hour < 5 || hour >= 18) return 'home.greeting.evening'
  return hour < 12 ? 'home.greeting.morning' : 'home.greeting.afternoon'
}
