// Worker entry: plain JavaScript, so it starts the same under tsx, vitest or node, then runs the
// TypeScript worker through tsx's loader (worker threads do not inherit the parent's loader).
import { tsImport } from 'tsx/esm/api'

await tsImport('./roster-worker.ts', import.meta.url)
