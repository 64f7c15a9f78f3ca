import { beforeEach, describe, expect, it } from 'vitest'
import { setLocale } from '../../i18n'
import { toCsv } from '../../shared/export/table-export'
import { actorText, changeSummary, oplogTable, type OplogRow } from './oplog-export'

const row: OplogRow = {
  id: 7,
  at: new Date('2026-11-27T02:03:04Z'),
  actorId: 2,
  actorName: 'manager1',
  actorDisplayName: '甲经理',
  centerId: 1,
  action: 'staff.setStatus',
  targetType: 'staff',
  targetId: '4',
  before: { status: 'active', note: '=1+1' },
  after: { status: 'disabled', reason: 'left' },
  ip: '10.0.0.2',
}

describe('operation log export', () => {
  beforeEach(() => setLocale('zh-CN'))

  it('sums up the changed fields with readable names', () => {
    expect(changeSummary(row)).toBe('状态: 启用 → 停用; − 备注: =1+1; + 原因: left')
    expect(changeSummary({ ...row, before: null, after: null })).toBe('')
    expect(changeSummary({ ...row, before: { a: 1 }, after: { a: 1 } })).toBe('')
    // A value with no name, or of a target with no states, stays as it is.
    expect(
      changeSummary({ ...row, before: { status: 'odd' }, after: { status: 'disabled' } }),
    ).toBe('状态: odd → 停用')
    expect(changeSummary({ ...row, targetType: 'quota', after: { status: 'disabled' } })).toBe(
      '状态: active → disabled; − 备注: =1+1',
    )
  })

  it('names the actor with the sign-in name, the logged name alone, or as anonymous', () => {
    expect(actorText(row)).toBe('甲经理（manager1）')
    expect(actorText({ actorId: 9, actorName: 'kiosk', actorDisplayName: null })).toBe('kiosk')
    expect(actorText({ actorId: null, actorName: 'anonymous', actorDisplayName: null })).toBe(
      '匿名（未登录）',
    )
  })

  it('writes one row per entry, labels and raw JSON, formulas defused', () => {
    const table = oplogTable([row], (id) => (id === 1 ? '甲中心' : null))
    expect(table.headers).toEqual([
      '#',
      '时间',
      '操作人',
      '操作',
      '操作代码',
      '操作对象',
      '所属中心',
      'IP 地址',
      '变更',
      '变更前（JSON）',
      '变更后（JSON）',
    ])
    expect(table.rows[0]).toEqual([
      7,
      expect.stringMatching(/^2026-11-27 10:03/),
      '甲经理（manager1）',
      '修改账户状态',
      'staff.setStatus',
      '人员 #4',
      '甲中心',
      '10.0.0.2',
      '状态: 启用 → 停用; − 备注: =1+1; + 原因: left',
      '{"status":"active","note":"=1+1"}',
      '{"status":"disabled","reason":"left"}',
    ])
    expect(oplogTable([row]).headers).not.toContain('所属中心')
    expect(toCsv(oplogTable([{ ...row, actorDisplayName: '=cmd' }]))).toContain("'=cmd（manager1）")
  })
})
