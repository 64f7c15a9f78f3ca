const range = { centerId: 1, from: '2026-11-01', to: '2026-11-26' }

export const dashboardsSamples: Record<string, unknown> = {
  'dashboards.overview': { ...range, granularity: 'week' },
  'dashboards.center': range,
  'dashboards.live': { centerId: 1 },
  'dashboards.performance': { ...range, by: 'staff' },
  'dashboards.memberDay': { centerId: 1, day: '2026-11-20', by: 'staff', memberId: 4 },
  'dashboards.immediatePotential': range,
}
