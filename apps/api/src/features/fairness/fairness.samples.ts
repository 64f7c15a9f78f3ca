export const fairnessSamples: Record<string, unknown> = {
  'fairness.report': { centerId: 1, from: '2026-11-01', to: '2026-11-28' },
}
