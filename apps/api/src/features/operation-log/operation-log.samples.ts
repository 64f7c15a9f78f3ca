/** A valid input per procedure, for the generated permission tests (see permissions.test.ts). */
export const operationLogSamples: Record<string, unknown> = {
  'operationLog.list': {},
  'operationLog.export': {},
  'operationLog.verify': undefined,
}
