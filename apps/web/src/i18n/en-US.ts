import { appointmentsEnUS } from '../features/appointments/messages'
import { balancingEnUS } from '../features/balancing/messages'
import { casesEnUS } from '../features/cases/messages'
import { inboxEnUS } from '../features/cases/inbox-messages'
import { trackEnUS } from '../features/cases/track-messages'
import { idNumberEnUS } from '../features/id-numbers/messages'
import { catalogEnUS } from '../features/catalog/messages'
import { dashboardsEnUS } from '../features/dashboards/messages'
import { evaluationsEnUS } from '../features/evaluations/messages'
import { twoFactorEnUS } from '../features/auth/messages'
import { anomaliesEnUS } from '../features/anomalies/messages'
import { auditsEnUS } from '../features/audits/messages.en-US'
import { fairnessEnUS } from '../features/fairness/messages'
import { operationLogEnUS } from '../features/operation-log/messages'
import { rosterEnUS } from '../features/roster/messages'
import { orgEnUS } from '../features/org/messages'
import { queueEnUS } from '../features/queue/messages'
import { quotasEnUS } from '../features/quotas/messages'
import { staffAdminEnUS } from '../features/staff/messages'
import { transferEnUS } from '../features/transfer/messages'
import type zhCN from './zh-CN'

const enUS: typeof zhCN = {
  app: {
    name: 'onewindow',
    title: 'onewindow admin platform',
    centerKind: 'Community Public-Service Acceptance Center',
    tagline: 'Many skills per person · one window · served anywhere in the district',
    districtWide: 'District-wide',
    copyright: 'Community Public-Service Acceptance Center · onewindow admin platform',
  },
  changePassword: {
    title: 'Change password',
    subtitle: 'Enter your current password and choose a new one',
    forcedSubtitle: 'An administrator reset your password: choose a new one to continue',
    current: 'Current password',
    next: 'New password',
    confirm: 'Repeat the new password',
    submit: 'Save the new password',
    back: 'Back',
    required: 'Enter a password',
    tooShort: 'At least 8 characters',
    mismatch: 'The two new passwords differ',
    same: 'The new password must differ from the current one',
    done: 'Your password was changed',
    link: 'Change password',
  },
  route: {
    login: 'Sign in',
    home: 'Home',
    changePassword: 'Change password',
    catalog: 'Service catalog',
    centers: 'Centers & counters',
    calendar: 'Working calendar',
    skillsMatrix: 'Skills matrix',
    staff: 'Staff',
    operationLog: 'Operation log',
    forbidden: 'Access denied',
    notFound: 'Page not found',
  },
  roles: {
    admin: 'District administrator',
    manager: 'Center manager',
    supervisor: 'Supervisor',
    staff: 'Front-desk staff',
    backoffice: 'Back office',
  },
  lang: {
    label: 'Language',
    'zh-CN': '中文',
    'en-US': 'English',
  },
  common: {
    live: { connected: 'Live', reconnecting: 'Reconnecting' },
    confirm: 'OK',
    cancel: 'Cancel',
    all: 'All',
    actions: 'Actions',
    more: 'More',
    backHome: 'Back to home',
    comingSoon: 'Coming soon',
    open: 'Open',
    none: '—',
    exportPng: 'Export as PNG',
    export: { button: 'Export', csv: 'CSV file', xlsx: 'Excel file (XLSX)' },
    range: { from: 'From', to: 'To', separator: 'to' },
  },
  layout: {
    collapse: 'Collapse menu',
    expand: 'Expand menu',
    logout: 'Sign out',
    navigation: 'Navigation',
  },
  errors: {
    network: 'Cannot reach the server; check the network and try again',
    unknown: 'Something went wrong; please try again later',
    sessionExpired: 'Your session has ended; please sign in again',
    forbidden: 'Sorry, you are not allowed to open this page',
    notFound: 'Sorry, the page you asked for does not exist',
  },
  login: {
    welcome: 'Welcome',
    subtitle: 'Sign in with your work account',
    username: 'User name',
    password: 'Password',
    usernamePlaceholder: 'Enter your user name',
    passwordPlaceholder: 'Enter your password',
    usernameRequired: 'Please enter your user name',
    passwordRequired: 'Please enter your password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    demoTitle: 'Demo accounts',
    demoHint:
      'The password is {password} for all; click an account to fill it in. Admin, manager and supervisor also enter the code the next step shows',
  },
  home: {
    greeting: {
      morning: 'Good morning, {name}',
      afternoon: 'Good afternoon, {name}',
      evening: 'Good evening, {name}',
    },
    today: 'Today is {date}',
    roleAt: '{role} · {center}',
    availableNow: 'Available now',
    myCenter: 'Your center',
    noPagesYet:
      'Your workbench is on its way: calling tickets and your own numbers will open from here.',
    upcoming: 'Coming soon',
    upcomingHint: 'These modules are being built and will appear in the menu when ready',
    links: {
      dashboards: 'Immediate rate, waits and the performance of counters and people',
      staff: 'People, account status and sign-in lockouts',
      operationLog: 'Every write, and a check that the log chain is intact',
      kiosks: 'Register the hall kiosks, and revoke a lost one',
      appointments: 'Book slots for residents and see who checked in',
      workbench: 'Open your counter, call, serve, and see your day',
      inbox: "Your department's commitment cases from every center, by urgency",
      cases: 'Every case: progress, deadline light and timeline',
      catalog: 'Service items, materials and promised days',
      centers: 'Center details, opening hours and counters',
      calendar: 'Public holidays and make-up working days',
      skillsMatrix: "People's skills and each line's certified cover",
      roster: 'Weekly rosters from forecast demand, adjusted and published',
      mySchedule: 'Your shifts this week and next, and leave requests',
      balancing: 'Queues and predicted waits by line; move counters in one click',
      fairness: 'Workload per person, utilization and how even it is',
      quotas: 'Caps and targets on tickets, bookings and intake, live use and alerts',
      evaluations: 'Residents’ ratings, satisfaction and the follow-up of poor ones',
      myEvaluations: 'How residents rated me; appeal a poor rating once',
    },
    centers: {
      title: 'Centers of the district',
      total: 'Centers',
      open: 'Open',
      staff: 'Staff',
      staffCount: '{count} staff',
      openCounterCount: '{count} open counters',
      code: 'Code',
      address: 'Address',
      phone: 'Phone',
      empty: 'No centers yet',
      status: {
        open: 'Open',
        closed: 'Closed',
      },
    },
    modules: {
      audits: { title: 'Audits', desc: 'Sample cases, record findings, follow rectification' },
      evaluations: { title: 'Evaluations', desc: 'Resident ratings and poor-rating reviews' },
      myStats: { title: 'My numbers', desc: 'Cases handled, workload points, ratings' },
    },
  },
  staff: {
    subtitle: 'People and their accounts: disable an account or lift a sign-in lockout',
    searchPlaceholder: 'Search user name or name',
    allRoles: 'All roles',
    allCenters: 'All centers',
    columns: {
      username: 'User name',
      name: 'Name',
      role: 'Role',
      center: 'Center',
      phone: 'Phone',
      status: 'Account',
      locked: 'Sign-in lock',
    },
    status: {
      active: 'Active',
      disabled: 'Disabled',
    },
    lock: {
      locked: 'Locked',
      unlocked: 'Normal',
    },
    actions: {
      enable: 'Enable',
      disable: 'Disable',
      unlock: 'Unlock',
    },
    confirm: {
      disableTitle: 'Disable account',
      disable: 'Disable the account of {name} ({username})? They are signed out at once.',
      enableTitle: 'Enable account',
      enable: 'Enable the account of {name} ({username})?',
      unlockTitle: 'Lift lockout',
      unlock: 'Lift the sign-in lockout of {name} ({username})?',
    },
    done: {
      disabled: 'The account of {name} is disabled',
      enabled: 'The account of {name} is enabled',
      unlocked: 'The sign-in lockout of {name} is lifted',
    },
    empty: 'No staff match these filters',
  },
  twoFactor: twoFactorEnUS,
  operationLog: operationLogEnUS,
  catalog: catalogEnUS,
  org: orgEnUS,
  staffAdmin: staffAdminEnUS,
  transfer: transferEnUS,
  queue: queueEnUS,
  appointments: appointmentsEnUS,
  balancing: balancingEnUS,
  cases: casesEnUS,
  inbox: inboxEnUS,
  track: trackEnUS,
  idNumber: idNumberEnUS,
  fairness: fairnessEnUS,
  evaluations: evaluationsEnUS,
  anomalies: anomaliesEnUS,
  audits: auditsEnUS,
  dashboards: dashboardsEnUS,
  quotas: quotasEnUS,
  roster: rosterEnUS,
}

export default enUS
