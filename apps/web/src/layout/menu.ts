import type { Permission } from '@onewindow/contracts'
import {
  Calendar,
  Checked,
  Finished,
  List,
  DataAnalysis,
  DataLine,
  Clock,
  ChatDotSquare,
  Star,
  Document,
  DocumentChecked,
  Files,
  Grid,
  Headset,
  Histogram,
  Memo,
  HomeFilled,
  MessageBox,
  Monitor,
  Odometer,
  Notebook,
  OfficeBuilding,
  UserFilled,
  Warning,
} from '@element-plus/icons-vue'
import type { Component } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import { routes } from '../routes'

export interface MenuEntry {
  routeName: string
  /** i18n key, the route's own title. */
  title: string
  icon: Component
  permission?: Permission
}

function findRoute(name: string, records: RouteRecordRaw[] = routes): RouteRecordRaw | undefined {
  for (const record of records) {
    if (record.name === name) return record
    const child = record.children && findRoute(name, record.children)
    if (child) return child
  }
  return undefined
}

function entry(routeName: string, icon: Component): MenuEntry {
  const route = findRoute(routeName)
  if (!route?.meta) throw new Error(`The menu names an unknown route: ${routeName}`)
  return { routeName, icon, title: route.meta.title, permission: route.meta.permission }
}

/** The whole menu; titles and permissions come from the route table, so they cannot drift. */
export const menu: MenuEntry[] = [
  entry('home', HomeFilled),
  entry('workbench', Headset),
  entry('my-schedule', Notebook),
  entry('my-evaluations', Star),
  entry('my-findings', Finished),
  entry('balancing', DataLine),
  entry('roster', Memo),
  entry('appointments', Clock),
  entry('inbox', MessageBox),
  entry('cases', DocumentChecked),
  entry('evaluations', ChatDotSquare),
  entry('audit-tasks', Checked),
  entry('audit-findings', Finished),
  entry('audit-plans', List),
  entry('anomalies', Warning),
  entry('catalog', Files),
  entry('centers', OfficeBuilding),
  entry('calendar', Calendar),
  entry('kiosks', Monitor),
  entry('staff', UserFilled),
  entry('skills-matrix', Grid),
  entry('dashboards', DataAnalysis),
  entry('fairness', Histogram),
  entry('quotas', Odometer),
  entry('operation-log', Document),
]

/** The entries a user may open; the server still checks every call. */
export function visibleMenu(can: (permission: Permission) => boolean, entries = menu): MenuEntry[] {
  return entries.filter((item) => !item.permission || can(item.permission))
}
