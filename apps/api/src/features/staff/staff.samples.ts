/**
 * A valid input per procedure, for the generated permission tests (see permissions.test.ts).
 * Inputs act on center 1 of the fixture and must succeed for every role allowed to call them.
 */
export const staffSamples: Record<string, unknown> = {
  'staff.list': {},
  'staff.setStatus': { staffId: 4, status: 'active' },
  'staff.unlock': { staffId: 4 },
}
