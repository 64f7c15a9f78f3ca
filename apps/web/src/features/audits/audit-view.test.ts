import { describe, expect, it } from 'vitest'
import { checklistLabel } from './audit-view'

const t = (key: string) => `«${key}»`

describe('checklistLabel', () => {
  it("prefers the plan's own label, translates standard points, and shows other keys as they are", () => {
    expect(checklistLabel({ key: 'materials', label: '材料核验', weight: 10 }, t)).toBe('材料核验')
    expect(checklistLabel({ key: 'materials', label: null, weight: 10 }, t)).toBe(
      '«audits.checklist.materials»',
    )
    expect(checklistLabel({ key: 'signature', label: null, weight: 10 }, t)).toBe('signature')
  })
})
