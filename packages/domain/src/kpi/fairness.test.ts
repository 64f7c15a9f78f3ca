import { describe, expect, it } from 'vitest'
import { shanghaiInstant as at } from '../calendar/opening-hours.ts'
import { type FairnessActivity, fairnessReport } from './fairness.ts'

/*
 * A hand-worked week and a half: the period runs Thursday 2026-11-26 to Wednesday 2026-12-02,
 * so it meets ISO weeks 48 (Thu–Sun) and 49 (Mon–Wed). "Now" is 11:00 on 11-27.
 *   甲: cases of 1.5 (11-26) and 1.0 (11-30) points; at a counter 09:00–17:00 on 11-26 and
 *       09:00–13:00 on 11-30 (720 min); serving 30 + 60 min; lunch 45 min, a 10-minute pause of
 *       an unknown reason (counted as other).
 *   乙: one 0.5-point case (11-27); at a counter since 09:00 on 11-27, still open (120 min by
 *       now), paused for training since 10:30, still paused (30 min).
 *   丙: a case the day before the period: not on duty.
 */
const activity: FairnessActivity = {
  from: '2026-11-26',
  to: '2026-12-02',
  now: at('2026-11-27', '11:00'),
  names: new Map([
    [1, '甲'],
    [2, '乙'],
    [3, '丙'],
  ]),
  cases: [
    { staffId: 1, acceptedAt: at('2026-11-26', '10:30'), coefficient: 1.5 },
    { staffId: 1, acceptedAt: at('2026-11-30', '11:00'), coefficient: 1 },
    { staffId: 2, acceptedAt: at('2026-11-27', '10:00'), coefficient: 0.5 },
    { staffId: 3, acceptedAt: at('2026-11-25', '10:00'), coefficient: 4 },
  ],
  services: [
    { staffId: 1, startedAt: at('2026-11-26', '10:00'), finishedAt: at('2026-11-26', '10:30') },
    { staffId: 1, startedAt: at('2026-11-30', '10:00'), finishedAt: at('2026-11-30', '11:00') },
  ],
  sessions: [
    { staffId: 1, openedAt: at('2026-11-26', '09:00'), closedAt: at('2026-11-26', '17:00') },
    { staffId: 1, openedAt: at('2026-11-30', '09:00'), closedAt: at('2026-11-30', '13:00') },
    { staffId: 2, openedAt: at('2026-11-27', '09:00'), closedAt: null },
    { staffId: 3, openedAt: at('2026-11-25', '09:00'), closedAt: at('2026-11-25', '17:00') },
  ],
  pauses: [
    {
      staffId: 1,
      reason: 'lunch',
      startedAt: at('2026-11-26', '12:00'),
      endedAt: at('2026-11-26', '12:45'),
    },
    {
      staffId: 1,
      reason: 'coffee',
      startedAt: at('2026-11-30', '11:00'),
      endedAt: at('2026-11-30', '11:10'),
    },
    { staffId: 2, reason: 'training', startedAt: at('2026-11-27', '10:30'), endedAt: null },
  ],
}

describe('fairnessReport', () => {
  const report = fairnessReport(activity)

  it('gives each person on duty their points, time and pauses, busiest first', () => {
    expect(report.staff.map((s) => s.name)).toEqual(['甲', '乙'])
    expect(report.staff[0]).toEqual({
      staffId: 1,
      name: '甲',
      points: 2.5,
      cases: 2,
      servedMinutes: 90,
      staffedMinutes: 720,
      utilization: 0.125,
      // 2.5 points over 12 staffed hours.
      pointsPerHour: 0.21,
      pauseMinutes: { lunch: 45, training: 0, backOffice: 0, meeting: 0, other: 10 },
      pausedMinutes: 55,
    })
    expect(report.staff[1]).toMatchObject({
      points: 0.5,
      cases: 1,
      servedMinutes: 0,
      staffedMinutes: 120,
      utilization: 0,
      pauseMinutes: { training: 30 },
      pausedMinutes: 30,
    })
  })

  it('measures the team: points 2.5 and 0.5 have CV 2/3 and Gini 1/3', () => {
    // Mean 1.5, σ 1; |2.5 − 0.5| twice over 2 · 2² · 1.5.
    expect(report.team).toMatchObject({ staffOnDuty: 2, totalPoints: 3, meanPoints: 1.5 })
    expect(report.team.cv).toBeCloseTo(2 / 3, 12)
    expect(report.team.gini).toBeCloseTo(1 / 3, 12)
  })

  it('measures each ISO week, cut to the period', () => {
    expect(report.weeks.map(({ week, from, to }) => ({ week, from, to }))).toEqual([
      { week: '2026-W48', from: '2026-11-26', to: '2026-11-29' },
      { week: '2026-W49', from: '2026-11-30', to: '2026-12-02' },
    ])
    // Week 48: 1.5 and 0.5 → mean 1, σ 0.5; Gini 2 · 1 / (2 · 4 · 1).
    const [w48, w49] = report.weeks
    expect(w48).toMatchObject({ staffOnDuty: 2, totalPoints: 2, meanPoints: 1 })
    expect(w48!.cv).toBeCloseTo(0.5, 12)
    expect(w48!.gini).toBeCloseTo(0.25, 12)
    // Week 49: 甲 alone, nothing to compare.
    expect(w49).toMatchObject({ staffOnDuty: 1, totalPoints: 1, cv: 0, gini: 0 })
  })

  it('counts only the part of a session inside the period', () => {
    const overnight = fairnessReport({
      ...activity,
      cases: [],
      services: [],
      pauses: [],
      sessions: [
        { staffId: 3, openedAt: at('2026-11-25', '23:00'), closedAt: at('2026-11-26', '00:30') },
      ],
    })
    expect(overnight.staff).toMatchObject([{ name: '丙', staffedMinutes: 30, points: 0 }])
    // Someone on duty with no points: nothing to spread yet.
    expect(overnight.team).toMatchObject({ staffOnDuty: 1, totalPoints: 0, cv: null, gini: null })
    expect(overnight.weeks[1]).toMatchObject({ staffOnDuty: 0, meanPoints: null, cv: null })
  })
})
