import { EventEmitter, on } from 'node:events'

/** Tells alert subscribers that a case changed. In-process, like the queue's changes. */
const bus = new EventEmitter()
bus.setMaxListeners(0)

export interface CaseChange {
  centerId: number
  departmentId: number | null
}

export function publishCaseChange(change: CaseChange): void {
  bus.emit('case', change)
}

/** Every case change until the signal aborts; subscribers keep the ones in their scope. */
export async function* caseChanges(signal?: AbortSignal) {
  for await (const [change] of on(bus, 'case', { signal })) yield change as CaseChange
}
