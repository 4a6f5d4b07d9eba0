#!/usr/bin/env node
// `npm test`: type check, lint, integration tests (Vitest, real Payload on temporary SQLite files),
// then end-to-end tests (Playwright, Chromium, production build). Every step runs; the last line
// sums them up as `N passed, N failed` and the exit code is non-zero if anything failed. Above it,
// nothing that went right only on a second try is hidden: every Playwright test that passed on a
// retry (flaky, not counted as passed) and every `payload run` start-up that was retried
// (scripts/lib/payload.mjs records them in VALENX_RETRY_LOG) is listed and counted.
import fs from 'node:fs'
import path from 'node:path'

import { bin, root, run } from './lib/process.mjs'

const resultsDir = path.join(root, 'test-results')
fs.mkdirSync(resultsDir, { recursive: true })
const retryLog = path.join(resultsDir, 'script-retries.jsonl')
fs.rmSync(retryLog, { force: true })
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', VALENX_RETRY_LOG: retryLog }
const readJson = (file) => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

const totals = { passed: 0, failed: 0, skipped: 0, flaky: 0 }
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
  totals.flaky += counted.flaky ?? 0
  const flaky = counted.flaky ? `, ${counted.flaky} flaky` : ''
  const skipped = counted.skipped ? `, ${counted.skipped} skipped` : ''
  lines.push(
    `${ok ? 'ok  ' : 'FAIL'} ${name}: ${counted.passed} passed, ${counted.failed} failed${skipped}${flaky} (${Math.round((Date.now() - started) / 1000)}s)`,
  )
}

/** "file › title" of every test Playwright reports as flaky (failed, then passed on a retry). */
function flakyTitles(report) {
  const titles = []
  const walk = (suite, trail) => {
    for (const spec of suite.specs ?? []) {
      if (spec.tests?.some((test) => test.status === 'flaky')) titles.push([...trail, spec.title].join(' › '))
    }
    for (const child of suite.suites ?? []) walk(child, [...trail, child.title])
  }
  for (const suite of report?.suites ?? []) walk(suite, [suite.title])
  return titles
}
const flakyTests = []

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
// The journeys own their data, so they run in any order: a new one each run, printed to reproduce.
const shuffle =
  process.env.E2E_SHUFFLE === 'off' ? null : process.env.E2E_SHUFFLE || String(Math.floor(Math.random() * 1e9))
const e2eOrder = shuffle ? `shuffled with seed ${shuffle} (E2E_SHUFFLE=${shuffle} reproduces it)` : 'in file order'
await step(
  'end-to-end (playwright)',
  bin('playwright'),
  ['test', '--reporter=list,json', ...(shuffle ? [`--shuffle=${shuffle}`] : [])],
  () => {
    const report = readJson(playwrightJson)
    const stats = report?.stats
    flakyTests.push(...flakyTitles(report))
    return {
      passed: stats?.expected ?? 0,
      failed: stats?.unexpected ?? 0,
      skipped: stats?.skipped ?? 0,
      flaky: stats?.flaky ?? 0,
    }
  },
  { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson },
)

const retries = fs.existsSync(retryLog)
  ? fs
      .readFileSync(retryLog, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
  : []
console.log('\n' + lines.join('\n'))
console.log(`end-to-end order: ${e2eOrder}, ${env.E2E_WORKERS || 2} workers`)
for (const title of flakyTests) console.log(`flaky (passed only on a retry): ${title}`)
for (const retry of retries) console.log(`retried start-up: ${retry.file} (${retry.why}: ${retry.tail})`)
console.log(`${totals.flaky} flaky tests, ${retries.length} retried script start-ups`)
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`)
// Under CI a test that passed only on a retry fails the run: a retry is a bug until explained.
// Retried script start-ups are the watchdog's (scripts/lib/payload.mjs): reported, not failed.
const flakyFails = process.env.CI === 'true' && totals.flaky > 0
if (flakyFails) console.log('FAIL: flaky tests under CI=true (see above)')
process.exit(totals.failed || flakyFails ? 1 : 0)
