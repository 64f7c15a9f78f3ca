import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    globalSetup: ['./src/global-setup.ts'],
    // One browser and one server on a 2-core machine: files run one after another.
    fileParallelism: false,
    // A sign-in may wait up to 30 s for a code not used yet (see answerCodeStep).
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
