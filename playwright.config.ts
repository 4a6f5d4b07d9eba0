import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { chromium, defineConfig, devices } from '@playwright/test'

import { CHROMIUM_FLAGS, systemChromium } from './scripts/lib/chromium.mjs'
import { freePort } from './scripts/lib/http.mjs'
import { workerAdminEmail } from './tests/e2e/workerAdmin.mjs'

/**
 * End-to-end tests drive Chromium against a production build (`next build`, served by server.mjs
 * as `npm start` does) that the webServer below starts on a free port with its own database, and
 * stops afterwards.
 * The values are decided once, in the runner process, and reach the workers through the environment.
 */
process.env.E2E_PORT ||= String(await freePort())
// The server's database folder, known to the tests too (tests/e2e/scheduled.spec.ts writes a job into it).
process.env.E2E_DATA_DIR ||= fs.mkdtempSync(path.join(os.tmpdir(), 'valenx-e2e-'))
process.env.ADMIN_EMAIL ||= 'e2e-admin@valenx.local'
process.env.ADMIN_PASSWORD ||= `e2e-${crypto.randomBytes(9).toString('base64url')}`
process.env.PAYLOAD_SECRET ||= crypto.randomBytes(24).toString('base64url')
/** Parallel workers: E2E_WORKERS, default 2. Each journey owns its data, so they share one server. */
process.env.E2E_WORKERS ||= '2'
// In a worker (Playwright sets its slot before loading this file): the admin of that slot alone.
if (process.env.TEST_PARALLEL_INDEX !== undefined)
  process.env.ADMIN_EMAIL = workerAdminEmail(process.env.TEST_PARALLEL_INDEX)

const baseURL = `http://localhost:${process.env.E2E_PORT}`

/** Playwright's own Chromium where it is installed, otherwise Debian's; neither: say what to install. */
function chromiumExecutable(): string | undefined {
  try {
    const bundled = chromium.executablePath()
    if (bundled && fs.existsSync(bundled)) return undefined
  } catch {
    // no bundled browser registered
  }
  const system = systemChromium()
  if (system) return system
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one of:\n' +
      '  - Debian/Ubuntu: sudo apt-get install -y chromium   (gives /usr/bin/chromium)\n' +
      "  - Playwright's own: npx playwright install chromium\n" +
      'or set CHROME_PATH to a Chromium or Chrome binary.',
  )
}

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: CHROMIUM_FLAGS,
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `${baseURL}/`,
    timeout: 15 * 60_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
})
