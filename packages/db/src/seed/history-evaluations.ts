import {
  type EvaluationReason,
  isPoorScore,
  reasonsForScore,
  shanghaiToday,
} from '@onewindow/contracts'
import { SeededRandom, followUpDeadlines, workingCalendar } from '@onewindow/domain'
import type { Selectable } from 'kysely'
import type { EvaluationFollowUpTable, EvaluationTable } from '../tables-supervision.ts'
import type { DemoData } from './generate.ts'
import type { HistoryRows } from './history-day.ts'

export interface EvaluationRows {
  evaluation: Selectable<EvaluationTable>[]
  evaluation_follow_up: Selectable<EvaluationFollowUpTable>[]
}

const hour = 3_600_000
const hours = (n: number) => Math.round(n * hour)
const ratedShare = 0.3
/** Scores and their weights: mostly satisfied, about 5% poor. */
const scoreWeights: readonly [score: number, weight: number][] = [
  [5, 0.62],
  [4, 0.26],
  [3, 0.07],
  [2, 0.03],
  [1, 0.02],
]
const comments = {
  praise: ['工作人员很耐心，一次就办好了', '效率很高，点赞', '讲解很清楚，谢谢', '服务热情周到'],
  complaint: ['等了很久才轮到', '材料要求前后说法不一致', '态度比较冷淡', '跑了两次还没办成'],
}
const revisitNotes = [
  '已电话回访，群众反映等候时间较长，已致歉并说明高峰时段',
  '已电话回访，了解到材料清单解释不清，已当面补充说明',
  '已回访，群众情绪平复，对后续处理表示认可',
]
const rectifyNotes = [
  '已在窗口张贴材料清单，并对相关人员进行业务培训',
  '调整高峰时段窗口排班，增开综合窗口',
  '已组织服务规范学习，纳入月度考核',
]
const appealReason = '群众对政策规定不满，办理流程符合要求，申请复核'

/**
 * About 30% of the finished visits of the history get a rating (mostly 4–5, ~5% poor); every poor
 * rating has its follow-up, handled as far as the seed's `now` lets it be (older ones closed,
 * recent ones open, a few late), and the newest poor rating of the first center is under appeal.
 * Drawn from a stream of its own, so the queue history stays as it was.
 */
export function generateEvaluations(
  data: DemoData,
  history: HistoryRows,
  seed: number,
  now: number,
): EvaluationRows {
  const random = new SeededRandom(seed + 0xe7a1)
  const calendar = workingCalendar(data.calendar_day)
  const rows: EvaluationRows = { evaluation: [], evaluation_follow_up: [] }
  const trackable = new Set(
    history.service_case.filter((c) => c.applicant_phone !== null).map((c) => c.ticket_id),
  )
  const handlers = new Map<number, number[]>()
  for (const s of data.staff) {
    if (s.center_id === null || (s.role !== 'manager' && s.role !== 'supervisor')) continue
    handlers.set(s.center_id, [...(handlers.get(s.center_id) ?? []), s.id])
  }

  for (const ticket of history.ticket) {
    if (ticket.status !== 'done' || !random.chance(ratedShare)) continue
    const score = random.weighted(scoreWeights, ([, weight]) => weight)[0]
    const track = trackable.has(ticket.id) && random.chance(0.3)
    const ratedAt = Math.min(
      now - hour,
      ticket.finished_at! + (track ? hours(random.between(1, 48)) : random.int(10, 120) * 1000),
    )
    const polarity = score >= 4 ? 'praise' : 'complaint'
    const evaluation: Selectable<EvaluationTable> = {
      id: rows.evaluation.length + 1,
      ticket_id: ticket.id,
      center_id: ticket.center_id,
      counter_id: ticket.counter_id,
      staff_id: ticket.staff_id!,
      score,
      reasons: JSON.stringify(someReasons(random, score)),
      comment: random.chance(score >= 4 ? 0.08 : 0.4) ? random.pick(comments[polarity]) : null,
      channel: track ? 'track' : 'tablet',
      rated_at: ratedAt,
      rated_day: shanghaiToday(ratedAt),
      excluded: 0,
    }
    rows.evaluation.push(evaluation)
    if (isPoorScore(score)) {
      const by = random.pick(handlers.get(ticket.center_id) ?? [])
      const id = rows.evaluation_follow_up.length + 1
      rows.evaluation_follow_up.push({ id, ...followUp(random, evaluation, by, calendar, now) })
    }
  }
  appealNewest(rows, data.center[0]?.id, now)
  return rows
}

function someReasons(random: SeededRandom, score: number): EvaluationReason[] {
  const offered = [...reasonsForScore(score)]
  const wanted = random.int(0, 2)
  const chosen: EvaluationReason[] = []
  while (chosen.length < wanted) {
    const [reason] = offered.splice(random.int(0, offered.length - 1), 1)
    chosen.push(reason!)
  }
  return chosen
}

/** A follow-up handled the way a center does: revisited within a day or so, rectified later. */
function followUp(
  random: SeededRandom,
  evaluation: Selectable<EvaluationTable>,
  by: number | undefined,
  calendar: ReturnType<typeof workingCalendar>,
  now: number,
): Omit<Selectable<EvaluationFollowUpTable>, 'id'> {
  const deadlines = followUpDeadlines(evaluation.rated_day, calendar)
  const late = random.chance(0.1)
  const revisitedAt = evaluation.rated_at + hours(random.between(2, late ? 80 : 20))
  const rectifiedAt = revisitedAt + hours(random.between(24, late ? 200 : 100))
  const revisited = by !== undefined && revisitedAt < now
  const rectified = revisited && rectifiedAt < now
  return {
    evaluation_id: evaluation.id,
    state: rectified ? 'closed' : revisited ? 'rectify' : 'revisit',
    revisit_due: deadlines.revisitDue,
    rectify_due: deadlines.rectifyDue,
    revisited_at: revisited ? revisitedAt : null,
    revisited_by: revisited ? by : null,
    revisit_note: revisited ? random.pick(revisitNotes) : null,
    rectified_at: rectified ? rectifiedAt : null,
    rectified_by: rectified ? by : null,
    rectify_note: rectified ? random.pick(rectifyNotes) : null,
    appeal_reason: null,
    appealed_at: null,
    appeal_decision: null,
    decision_note: null,
    decided_by: null,
    decided_at: null,
  }
}

/** The newest poor rating of the center waits for a supervisor's decision on an appeal. */
function appealNewest(rows: EvaluationRows, centerId: number | undefined, now: number) {
  const byId = new Map(rows.evaluation.map((e) => [e.id, e]))
  const newest = rows.evaluation_follow_up
    .filter((f) => byId.get(f.evaluation_id)!.center_id === centerId)
    .at(-1)
  if (!newest) return
  newest.appeal_reason = appealReason
  newest.appealed_at = Math.min(now, byId.get(newest.evaluation_id)!.rated_at + 3 * hour)
}
