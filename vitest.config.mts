import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    environment: 'node',
    include: ['tests/int/**/*.test.ts'],
    setupFiles: ['tests/int/setup.ts'],
    // Each file boots its own Payload on its own database; one at a time keeps 2 cores responsive.
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
