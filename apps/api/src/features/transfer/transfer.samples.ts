/** A valid input per procedure, for the generated permission tests (see permissions.test.ts). */
export const transferSamples: Record<string, unknown> = {}
