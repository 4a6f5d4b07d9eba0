import { defineConfig } from 'vitest/config'

import { payloadNodeOptions } from './scripts/lib/payload.mjs'

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    environment: 'node',
    include: ['tests/int/**/*.test.ts'],
    setupFiles: ['tests/int/setup.ts'],
    // Each file boots its own Payload on its own database; one at a time keeps 2 cores responsive.
    pool: 'forks',
    // Node loads the Payload config's packages natively here too: no Lexical top-level-await wrappers
    // (see payloadNodeOptions in scripts/lib/payload.mjs).
    execArgv: payloadNodeOptions({ NODE_ENV: 'test' }),
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
