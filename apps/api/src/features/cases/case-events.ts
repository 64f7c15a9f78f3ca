import type { Missed } from '../../realtime/bus.ts'
import { realtime } from '../../realtime/realtime.ts'

/** Tells alert subscribers, on any instance of the API, that a case changed. */
export interface CaseChange {
  centerId: number
  departmentId: number | null
}

const channel = 'case'

export function publishCaseChange(change: CaseChange): void {
  realtime().publish(channel, change)
}

/**
 * Every case change until the signal aborts; subscribers keep the ones in their scope, and
 * refetch on `missed` (changes lost while Redis was unreachable).
 */
export function caseChanges(signal?: AbortSignal): AsyncGenerator<CaseChange | Missed> {
  return realtime().subscribe<CaseChange>(channel, signal)
}
