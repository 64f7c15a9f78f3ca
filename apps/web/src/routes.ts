import type { Permission } from '@onewindow/contracts'
import type { RouteRecordRaw } from 'vue-router'

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title (document.title, menu). */
    title: string
    permission?: Permission
    /** Open without signing in. */
    public?: boolean
  }
}

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('./features/auth/LoginPage.vue'),
    meta: { title: 'route.login', public: true },
  },
  {
    path: '/change-password',
    name: 'change-password',
    component: () => import('./features/auth/ChangePasswordPage.vue'),
    meta: { title: 'route.changePassword' },
  },
  {
    path: '/kiosk',
    name: 'kiosk',
    component: () => import('./features/queue/KioskPage.vue'),
    meta: { title: 'queue.route.kiosk', public: true },
  },
  {
    path: '/track',
    name: 'track',
    component: () => import('./features/cases/TrackPage.vue'),
    meta: { title: 'track.route', public: true },
  },
  {
    path: '/rate',
    name: 'rate',
    component: () => import('./features/evaluations/RatePage.vue'),
    meta: { title: 'evaluations.tablet.route', public: true },
  },
  {
    path: '/board',
    name: 'board',
    component: () => import('./features/queue/BoardPage.vue'),
    meta: { title: 'queue.route.board', public: true },
  },
  {
    path: '/',
    component: () => import('./layout/AppLayout.vue'),
    meta: { title: 'route.home' },
    children: [
      {
        path: '',
        name: 'home',
        component: () => import('./features/home/HomePage.vue'),
        meta: { title: 'route.home' },
      },
      {
        path: 'account',
        name: 'account',
        component: () => import('./features/auth/AccountPage.vue'),
        meta: { title: 'twoFactor.account.route' },
      },
      {
        path: 'workbench',
        name: 'workbench',
        component: () => import('./features/queue/WorkbenchPage.vue'),
        meta: { title: 'queue.route.workbench', permission: 'queue.work' },
      },
      {
        path: 'my-schedule',
        name: 'my-schedule',
        component: () => import('./features/roster/MySchedulePage.vue'),
        meta: { title: 'roster.mine.route', permission: 'leave.request' },
      },
      {
        path: 'my-evaluations',
        name: 'my-evaluations',
        component: () => import('./features/evaluations/MyEvaluationsPage.vue'),
        meta: { title: 'evaluations.mine.route', permission: 'queue.work' },
      },
      {
        path: 'my-findings',
        name: 'my-findings',
        component: () => import('./features/audits/MyFindingsPage.vue'),
        meta: { title: 'audits.route.mine', permission: 'queue.work' },
      },
      {
        path: 'balancing',
        name: 'balancing',
        component: () => import('./features/balancing/BalancingPage.vue'),
        meta: { title: 'balancing.route', permission: 'balancing.manage' },
      },
      {
        path: 'roster',
        name: 'roster',
        component: () => import('./features/roster/RosterPage.vue'),
        meta: { title: 'roster.route', permission: 'roster.manage' },
      },
      {
        path: 'kiosks',
        name: 'kiosks',
        component: () => import('./features/queue/KiosksPage.vue'),
        meta: { title: 'queue.route.kiosks', permission: 'kiosk.manage' },
      },
      {
        path: 'appointments',
        name: 'appointments',
        component: () => import('./features/appointments/AppointmentsPage.vue'),
        meta: { title: 'appointments.route', permission: 'appointment.book' },
      },
      {
        path: 'staff',
        name: 'staff',
        component: () => import('./features/staff/StaffPage.vue'),
        meta: { title: 'route.staff', permission: 'staff.read' },
      },
      {
        path: 'inbox',
        name: 'inbox',
        component: () => import('./features/cases/InboxPage.vue'),
        meta: { title: 'inbox.route', permission: 'case.process' },
      },
      {
        path: 'cases',
        name: 'cases',
        component: () => import('./features/cases/CasesPage.vue'),
        meta: { title: 'cases.route', permission: 'case.read' },
      },
      {
        path: 'cases/:id(\\d+)',
        name: 'case-detail',
        component: () => import('./features/cases/CaseDetailPage.vue'),
        meta: { title: 'cases.detailRoute', permission: 'case.read' },
      },
      {
        path: 'evaluations',
        name: 'evaluations',
        component: () => import('./features/evaluations/EvaluationsPage.vue'),
        meta: { title: 'evaluations.route', permission: 'evaluation.read' },
      },
      {
        path: 'audits/tasks',
        name: 'audit-tasks',
        component: () => import('./features/audits/AuditTasksPage.vue'),
        meta: { title: 'audits.route.tasks', permission: 'audit.perform' },
      },
      {
        path: 'audits/tasks/:id(\\d+)',
        name: 'audit-task',
        component: () => import('./features/audits/AuditTaskPage.vue'),
        meta: { title: 'audits.route.task', permission: 'audit.read' },
      },
      {
        path: 'audits/findings',
        name: 'audit-findings',
        component: () => import('./features/audits/FindingsPage.vue'),
        meta: { title: 'audits.route.findings', permission: 'audit.read' },
      },
      {
        path: 'audits/plans',
        name: 'audit-plans',
        component: () => import('./features/audits/AuditPlansPage.vue'),
        meta: { title: 'audits.route.plans', permission: 'audit.read' },
      },
      {
        path: 'anomalies',
        name: 'anomalies',
        component: () => import('./features/anomalies/AnomaliesPage.vue'),
        meta: { title: 'anomalies.route', permission: 'anomaly.read' },
      },
      {
        path: 'catalog',
        name: 'catalog',
        component: () => import('./features/catalog/CatalogPage.vue'),
        meta: { title: 'route.catalog', permission: 'catalog.read' },
      },
      {
        path: 'centers',
        name: 'centers',
        component: () => import('./features/org/CentersPage.vue'),
        meta: { title: 'route.centers', permission: 'org.read' },
      },
      {
        path: 'calendar',
        name: 'calendar',
        component: () => import('./features/org/CalendarPage.vue'),
        meta: { title: 'route.calendar', permission: 'org.read' },
      },
      {
        path: 'skills-matrix',
        name: 'skills-matrix',
        component: () => import('./features/staff/SkillsMatrixPage.vue'),
        meta: { title: 'route.skillsMatrix', permission: 'staff.read' },
      },
      {
        path: 'fairness',
        name: 'fairness',
        component: () => import('./features/fairness/FairnessPage.vue'),
        meta: { title: 'fairness.route', permission: 'report.read' },
      },
      {
        path: 'dashboards',
        name: 'dashboards',
        component: () => import('./features/dashboards/DashboardsPage.vue'),
        meta: { title: 'dashboards.route', permission: 'report.read' },
      },
      {
        path: 'quotas',
        name: 'quotas',
        component: () => import('./features/quotas/QuotasPage.vue'),
        meta: { title: 'quotas.route', permission: 'quota.read' },
      },
      {
        path: 'operation-log',
        name: 'operation-log',
        component: () => import('./features/operation-log/OperationLogPage.vue'),
        meta: { title: 'route.operationLog', permission: 'operationLog.read' },
      },
      {
        path: '403',
        name: 'forbidden',
        component: () => import('./features/errors/ForbiddenPage.vue'),
        meta: { title: 'route.forbidden' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('./features/errors/NotFoundPage.vue'),
        meta: { title: 'route.notFound' },
      },
    ],
  },
]
