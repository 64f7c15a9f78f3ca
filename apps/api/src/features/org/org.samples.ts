/** A valid input per procedure, for the generated permission tests (see permissions.test.ts). */
export const orgSamples: Record<string, unknown> = {
  'org.centers': {},
}
