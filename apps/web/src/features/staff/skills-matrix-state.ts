import type { RouterInputs, RouterOutputs } from '@onewindow/api'
import type { SkillLevel } from '@onewindow/contracts'
import { type ShallowReactive, ref, shallowReactive, shallowRef } from 'vue'
import { trpc } from '../../trpc'
import { isCertified } from './skill-levels'

type Matrix = RouterOutputs['staff']['skillsMatrix']
export type MatrixQuery = RouterInputs['staff']['skillsMatrix']
export type MatrixSkill = Matrix['skills'][number]
export type MatrixRow = Omit<Matrix['staff'][number], 'cells'>

export interface Cell {
  level: SkillLevel
  certifiedOn: string
}

/**
 * One person's cells keyed by skill id. Reactive per key and kept apart from the table's rows, so
 * an edit re-renders the one cell component that reads it, not the table.
 */
export type RowCells = ShallowReactive<Record<number, Cell | undefined>>
/** One center's certified-or-better head count per skill id, reactive per key likewise. */
export type CenterCounts = ShallowReactive<Record<number, number>>

export interface CoverageRow {
  centerId: number
  centerName: string
  counts: CenterCounts
}

export interface MatrixApi {
  load(query: MatrixQuery): Promise<Matrix>
  setSkill(input: RouterInputs['staff']['setSkill']): Promise<RouterOutputs['staff']['setSkill']>
}

const trpcApi: MatrixApi = {
  load: (query) => trpc.staff.skillsMatrix.query(query),
  setSkill: (input) => trpc.staff.setSkill.mutate(input),
}

const rowOf = (person: Matrix['staff'][number]): MatrixRow => ({
  id: person.id,
  username: person.username,
  displayName: person.displayName,
  role: person.role,
  status: person.status,
  centerId: person.centerId,
  centerName: person.centerName,
})

/** The skills matrix of one page: loading, per-cell state, optimistic edits with rollback. */
export function useSkillsMatrix(api: MatrixApi = trpcApi) {
  const skills = shallowRef<MatrixSkill[]>([])
  const rows = shallowRef<MatrixRow[]>([])
  const coverage = shallowRef<CoverageRow[]>([])
  const loading = ref(false)
  let cellsByStaff = new Map<number, RowCells>()
  let countsByCenter = new Map<number, CenterCounts>()
  const noCells = shallowReactive<Record<number, Cell | undefined>>({})
  let latest = 0
  let pendingEdits = 0

  /** Loads the matrix; an answer to a superseded request (typing in the search) is dropped. */
  async function load(query: MatrixQuery): Promise<void> {
    const request = ++latest
    loading.value = true
    try {
      const matrix = await api.load(query)
      if (request !== latest) return
      cellsByStaff = new Map(
        matrix.staff.map((person) => [
          person.id,
          shallowReactive<Record<number, Cell | undefined>>(
            Object.fromEntries(
              person.cells.map((c) => [c.skillId, { level: c.level, certifiedOn: c.certifiedOn }]),
            ),
          ),
        ]),
      )
      countsByCenter = new Map(matrix.coverage.map((c) => [c.centerId, shallowReactive(c.counts)]))
      coverage.value = matrix.coverage.map((c) => ({
        ...c,
        counts: countsByCenter.get(c.centerId)!,
      }))
      skills.value = matrix.skills
      rows.value = matrix.staff.map(rowOf)
    } catch {
      if (request === latest) rows.value = []
    } finally {
      if (request === latest) loading.value = false
    }
  }

  const cellsOf = (staffId: number): RowCells => cellsByStaff.get(staffId) ?? noCells
  const countsOf = (centerId: number): CenterCounts | null => countsByCenter.get(centerId) ?? null

  /** Puts `cell` in place and moves the coverage count with it; returns what was there. */
  function place(row: MatrixRow, skillId: number, cell: Cell | null): Cell | null {
    const cells = cellsOf(row.id)
    const before = cells[skillId] ?? null
    cells[skillId] = cell ?? undefined
    const counts = countsByCenter.get(row.centerId)
    const delta = Number(isCertified(cell?.level)) - Number(isCertified(before?.level))
    if (counts && row.status === 'active' && delta !== 0) {
      counts[skillId] = (counts[skillId] ?? 0) + delta
    }
    return before
  }

  /**
   * Shows the change at once and saves it; when the server refuses, puts the cell back (the API
   * error handler toasts the server's message). Resolves to whether it was saved.
   */
  async function setCell(row: MatrixRow, skillId: number, cell: Cell | null): Promise<boolean> {
    const before = place(row, skillId, cell)
    pendingEdits += 1
    try {
      const saved = await api.setSkill({
        staffId: row.id,
        skillId,
        level: cell?.level ?? null,
        certifiedOn: cell?.certifiedOn,
      })
      // The server's count is the truth, unless later edits are still on their way.
      const counts = countsByCenter.get(saved.coverage.centerId)
      if (counts && pendingEdits === 1) Object.assign(counts, saved.coverage.counts)
      return true
    } catch {
      place(row, skillId, before)
      return false
    } finally {
      pendingEdits -= 1
    }
  }

  return { skills, rows, coverage, loading, load, cellsOf, countsOf, setCell }
}
