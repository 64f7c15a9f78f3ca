/** A valid input per procedure, for the generated permission tests (see permissions.test.ts). */
export const systemSamples: Record<string, unknown> = {
  'system.info': undefined,
}
