import { describe, expect, it, vi } from 'vitest'
import { effect } from 'vue'
import { type MatrixApi, useSkillsMatrix } from './skills-matrix-state'

const matrix = {
  skills: [
    { id: 1, code: 'medical-insurance', name: '医保类' },
    { id: 2, code: 'civil-aid', name: '民政救助类' },
  ],
  coverage: [{ centerId: 1, centerName: '甲中心', counts: { 1: 1, 2: 0 } }],
  staff: [
    {
      id: 4,
      username: 'staff1',
      displayName: '甲窗口',
      role: 'staff' as const,
      status: 'active' as const,
      centerId: 1,
      centerName: '甲中心',
      cells: [{ skillId: 1, level: 1 as const, certifiedOn: '2025-01-02' }],
    },
  ],
}

function apiWith(setSkill: MatrixApi['setSkill']): MatrixApi {
  return { load: () => Promise.resolve(structuredClone(matrix)), setSkill }
}

describe('the skills matrix state', () => {
  it('shows an edit and its coverage at once, then takes the server’s count', async () => {
    let answer!: (value: Awaited<ReturnType<MatrixApi['setSkill']>>) => void
    const setSkill = vi.fn(
      () => new Promise<Awaited<ReturnType<MatrixApi['setSkill']>>>((r) => (answer = r)),
    )
    const state = useSkillsMatrix(apiWith(setSkill))
    await state.load({})
    const row = state.rows.value[0]!
    const saving = state.setCell(row, 1, { level: 2, certifiedOn: '2025-03-04' })
    expect(state.cellsOf(4)[1]).toEqual({ level: 2, certifiedOn: '2025-03-04' })
    expect(state.countsOf(1)![1]).toBe(2)
    expect(setSkill).toHaveBeenCalledWith({
      staffId: 4,
      skillId: 1,
      level: 2,
      certifiedOn: '2025-03-04',
    })
    answer({
      changed: true,
      cell: { level: 2, certifiedOn: '2025-03-04' },
      coverage: { centerId: 1, centerName: '甲中心', counts: { 1: 3, 2: 0 } },
    })
    expect(await saving).toBe(true)
    expect(state.countsOf(1)![1]).toBe(3)
  })

  it('puts the cell and the count back when the server refuses', async () => {
    const state = useSkillsMatrix(apiWith(() => Promise.reject(new Error('refused'))))
    await state.load({})
    const row = state.rows.value[0]!
    expect(await state.setCell(row, 1, null)).toBe(false)
    expect(state.cellsOf(4)[1]).toEqual({ level: 1, certifiedOn: '2025-01-02' })
    expect(state.countsOf(1)![1]).toBe(1)
  })

  it('re-runs only what reads the edited cell', async () => {
    const state = useSkillsMatrix(apiWith(() => new Promise(() => {})))
    await state.load({})
    const runs = { skill1: 0, skill2: 0 }
    effect(() => void (state.cellsOf(4)[1], (runs.skill1 += 1)))
    effect(() => void (state.cellsOf(4)[2], (runs.skill2 += 1)))
    void state.setCell(state.rows.value[0]!, 2, { level: 3, certifiedOn: '2025-01-01' })
    expect(runs).toEqual({ skill1: 1, skill2: 2 })
  })
})
