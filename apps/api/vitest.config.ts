import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // Each file gets its own databases; MariaDB setup dominates, so run files one at a time.
    fileParallelism: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
})
