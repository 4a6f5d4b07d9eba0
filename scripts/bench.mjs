#!/usr/bin/env node
// `npm run bench`: the reader and editor paths measured side by side with a static ceiling, in one
// run on one machine (README, "Performance"; options in scripts/bench/options.mjs). Each stage is
// a module of scripts/bench/; this runs them in order, stops every server it started whatever
// happens (error or Ctrl-C), and writes bench/results/<timestamp>.json and the table.
import fs from 'node:fs'

import { stopAll, stopAllOnSignal } from './lib/process.mjs'
import { buildApp, startApp } from './bench/app.mjs'
import { browserBytes } from './bench/browser.mjs'
import { clusterStage } from './bench/cluster.mjs'
import { createContext, log, saveResult } from './bench/context.mjs'
import { editorPath } from './bench/editor-path.mjs'
import { editKinds } from './bench/edit-kinds.mjs'
import { signInAsEditor } from './bench/editor-api.mjs'
import { lighthouse } from './bench/lighthouse.mjs'
import { loadTargets } from './bench/load.mjs'
import { recordPeakMemory } from './bench/memory.mjs'
import { ARTICLE_PATH, CHROMIUM, DEMO_ARTICLES, parseOptions } from './bench/options.mjs'
import { report } from './bench/report.mjs'
import { seedDatabase } from './bench/seed.mjs'
import { soak, unrelatedSoak } from './bench/soak.mjs'
import { uncachedRenders } from './bench/uncached.mjs'

/** @param {import('./bench/context.mjs').BenchContext} bench */
async function browserStages(bench) {
  const { opts, base, result } = bench
  if (!opts.browser) {
    result.notes.push('Browser measurements skipped (--no-browser).')
    return
  }
  if (!CHROMIUM) {
    result.notes.push('No Chromium found (set CHROME_PATH): browser bytes and Lighthouse skipped.')
    return
  }
  result.browser = await browserBytes(base + ARTICLE_PATH, result.notes)
  log(
    `browser: ${result.browser.totalBytes} B transferred, ` +
      `${result.browser.jsBytes} B of JavaScript in ${result.browser.js.length} files`,
  )
  if (!opts.lighthouse) {
    result.notes.push(`Lighthouse skipped (${opts.quick ? '--quick' : '--no-lighthouse'}).`)
    return
  }
  result.lighthouse = {}
  for (const [name, urlPath] of [
    ['article', ARTICLE_PATH],
    ['blog index', '/blog'],
  ]) {
    result.lighthouse[name] = await lighthouse(bench, base + urlPath, name)
  }
}

/**
 * Every stage in order; resolves with whether the run passed (the soak, when asked for, can fail it).
 * @param {import('./bench/context.mjs').BenchContext} bench
 */
async function stages(bench) {
  const { opts, result } = bench
  log(
    `options: ${JSON.stringify(opts)}; ` +
      `load average ${result.machine.loadAverageAtStart.join(' ')} on ${result.machine.cpus} cores`,
  )
  if (opts.base) return measureRunningSite(bench)
  log(`database and uploads in ${bench.workDir}`)
  await seedDatabase(bench)
  await buildApp(bench)
  const app = (bench.app = await startApp(bench))
  const editor = await signInAsEditor(bench)
  await uncachedRenders(bench, editor)
  await loadTargets(bench, app.memory)
  await editorPath(bench, editor)
  await editKinds(bench)
  if (opts.soak) {
    result.soak = await soak(bench, editor, app.memory)
    result.unrelatedSoak = await unrelatedSoak(bench, editor)
  }
  await browserStages(bench)
  recordPeakMemory(result, app.memory)
  app.memory.stop()
  if (opts.cluster) await clusterStage(bench)
  return !opts.soak || (result.soak.passed && result.unrelatedSoak.passed)
}

/**
 * --base URL: the load stage against a site that is already running (its own deployment, another
 * instance, a cache in front of several), with the same static ceilings beside it.
 * @param {import('./bench/context.mjs').BenchContext} bench
 */
async function measureRunningSite(bench) {
  const { opts, result } = bench
  bench.base = opts.base
  result.target = opts.base
  const { totalDocs } = await (await fetch(`${opts.base}/api/articles?limit=1&depth=0`)).json()
  result.seededArticles = totalDocs - DEMO_ARTICLES
  result.notes.push(`Measured the site at ${opts.base}: no seed, build, start, editor path or browser stages.`)
  await loadTargets(bench, undefined)
  return true
}

const bench = await createContext(parseOptions(process.argv.slice(2)))
const removeWorkDir = () => {
  if (!bench.opts.keep) fs.rmSync(bench.workDir, { recursive: true, force: true })
}
stopAllOnSignal(removeWorkDir)

let passed = false
try {
  passed = await stages(bench)
} catch (error) {
  bench.result.error = String(error?.stack ?? error)
  console.error(error)
  if (bench.app?.server.output) console.error(`--- last server output ---\n${bench.app.server.output.slice(-4000)}`)
} finally {
  bench.app?.memory.stop()
  await stopAll()
  removeWorkDir()
}

const resultFile = saveResult(bench.result)
console.log(`\n${report(bench.result)}\n\nResults: ${resultFile}`)
process.exit(passed ? 0 : 1)
