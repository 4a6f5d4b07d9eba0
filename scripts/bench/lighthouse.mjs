// Stage 9, Lighthouse (through npx, default mobile configuration) on one page: the four category
// scores, the main metrics, and every weighted audit that scored below 1.
import fs from 'node:fs'
import path from 'node:path'

import { run } from '../lib/process.mjs'
import { log } from './context.mjs'
import { CHROMIUM, LIGHTHOUSE } from './options.mjs'

function summarise(report) {
  const scores = Object.fromEntries(
    Object.entries(report.categories).map(([key, category]) => [key, Math.round(category.score * 100)]),
  )
  const metric = (id) => report.audits[id]?.numericValue
  const failing = []
  for (const [key, category] of Object.entries(report.categories)) {
    for (const ref of category.auditRefs) {
      const audit = report.audits[ref.id]
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
        failing.push({ category: key, id: ref.id, score: audit.score, title: audit.title })
      }
    }
  }
  return {
    scores,
    metricsMs: {
      fcp: Math.round(metric('first-contentful-paint')),
      lcp: Math.round(metric('largest-contentful-paint')),
      tbt: Math.round(metric('total-blocking-time')),
      speedIndex: Math.round(metric('speed-index')),
      cls: Number((metric('cumulative-layout-shift') ?? 0).toFixed(3)),
    },
    failing,
    warnings: report.runWarnings,
  }
}

/**
 * @param {import('./context.mjs').BenchContext} bench
 * @param {string} url
 * @param {string} name
 */
export async function lighthouse({ workDir, env }, url, name) {
  const output = path.join(workDir, `lighthouse-${name.replace(/\W+/g, '-')}.json`)
  log(`lighthouse (mobile): ${url}`)
  const args = [
    '--yes',
    LIGHTHOUSE,
    url,
    '--output=json',
    `--output-path=${output}`,
    '--only-categories=performance,accessibility,best-practices,seo',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
    '--quiet',
  ]
  try {
    await run('npx', args, {
      env: { ...env, CHROME_PATH: CHROMIUM, NODE_OPTIONS: '' },
      output: 'collect',
      timeoutMs: 240_000,
    })
  } catch (error) {
    const why = error.timedOut ? 'timed out' : `exited ${error.exitCode}`
    return { error: `lighthouse ${why}: ${(error.output ?? error.message).slice(-1500)}` }
  }
  if (!fs.existsSync(output)) return { error: `lighthouse wrote no report to ${output}` }
  return summarise(JSON.parse(fs.readFileSync(output, 'utf8')))
}
