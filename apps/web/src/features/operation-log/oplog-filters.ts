import type { OperationLogFilter } from '@onewindow/contracts'

/** What the filter bar holds; empty fields filter nothing. */
export interface OplogFilterState {
  actions: string[]
  actorId: number | undefined
  targetType: string | undefined
  targetId: string
  range: [Date, Date] | null
  text: string
  centerId: number | undefined
}

export const emptyFilters = (): OplogFilterState => ({
  actions: [],
  actorId: undefined,
  targetType: undefined,
  targetId: '',
  range: null,
  text: '',
  centerId: undefined,
})

/** The API's filter input: blanks trimmed away, the range's end included to the second. */
export function filterInput(state: OplogFilterState): OperationLogFilter {
  const text = state.text.trim()
  const targetId = state.targetId.trim()
  return {
    centerId: state.centerId,
    actions: state.actions.length ? [...state.actions] : undefined,
    actorId: state.actorId,
    targetType: state.targetType || undefined,
    targetId: targetId || undefined,
    from: state.range?.[0],
    to: state.range ? new Date(state.range[1].getTime() + 1000) : undefined,
    text: text || undefined,
  }
}

export function isFiltered(state: OplogFilterState): boolean {
  const input = filterInput({ ...state, centerId: undefined })
  return Object.values(input).some((value) => value !== undefined)
}
