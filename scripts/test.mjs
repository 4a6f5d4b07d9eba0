#!/usr/bin/env node
// `npm test`: type check, lint, integration tests (Vitest, real Payload on temporary SQLite files),
// then end-to-end tests (Playwright, Chromium, production build). Every step runs; the last line
// sums them up as `N passed, N failed` and the exit code is non-zero if anything failed.
import fs from 'node:fs'
import path from 'node:path'

import { bin, root, run } from './lib/process.mjs'

const resultsDir = path.join(root, 'test-results')
fs.mkdirSync(resultsDir, { recursive: true })
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }
const readJson = (file) => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 }
const lines = []

async function step(name, command, args, count, stepEnv = env) {
  console.log(`\n=== ${name} ===`)
  const started = Date.now()
  let ok = true
  try {
    await run(command, args, { env: stepEnv })
  } catch {
    ok = false
  }
  const counted = count?.() ?? { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 }
  // A runner that crashed before reporting still counts as a failure.
  if (!ok && counted.failed === 0) counted.failed = 1
  totals.passed += counted.passed
  totals.failed += counted.failed
  totals.skipped += counted.skipped
  lines.push(
    `${ok ? 'ok  ' : 'FAIL'} ${name}: ${counted.passed} passed, ${counted.failed} failed (${Math.round((Date.now() - started) / 1000)}s)`,
  )
}

const vitestJson = path.join(resultsDir, 'vitest.json')
const playwrightJson = path.join(resultsDir, 'playwright.json')
fs.rmSync(vitestJson, { force: true })
fs.rmSync(playwrightJson, { force: true })

await step('type check (tsc --noEmit)', bin('tsc'), ['--noEmit'])
await step('lint (eslint)', bin('eslint'), ['.'])
await step('format (prettier --check)', bin('prettier'), ['--check', '.'])
await step(
  'integration (vitest)',
  bin('vitest'),
  ['run', '--config', 'vitest.config.mts', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`],
  () => {
    const report = readJson(vitestJson)
    return {
      passed: report?.numPassedTests ?? 0,
      failed: report?.numFailedTests ?? 0,
      skipped: report?.numPendingTests ?? 0,
    }
  },
)
await step(
  'end-to-end (playwright)',
  bin('playwright'),
  ['test', '--reporter=list,json'],
  () => {
    const stats = readJson(playwrightJson)?.stats
    return {
      passed: (stats?.expected ?? 0) + (stats?.flaky ?? 0),
      failed: stats?.unexpected ?? 0,
      skipped: stats?.skipped ?? 0,
    }
  },
  { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson },
)

console.log('\n' + lines.join('\n'))
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`)
process.exit(totals.failed ? 1 : 0)
