// Stage 1, the database: a fresh one in the run's folder (migrations, the demo content, then the
// generated articles of src/scripts/bench-seed.ts), or a copy of a kept one (--database).
import fs from 'node:fs'
import path from 'node:path'

import { runPayloadScript } from '../lib/payload.mjs'
import { prepareDatabase } from '../lib/site.mjs'
import { log, seconds, since } from './context.mjs'

/**
 * A stalled `payload run` is stopped at its deadline and started once more, but only while its
 * output shows it never got past the start-up (`marker` not printed yet).
 * @param {import('./context.mjs').BenchContext} bench
 */
const onceMoreUnless = (bench, marker) => ({
  output: /** @type {const} */ ('tee'),
  attempts: 2,
  canRetry: (output) => !output.includes(marker),
  onRetry: (error) => {
    bench.result.notes.push(`${error.message}; retried once.`)
    log(`${error.message}; retrying once`)
  },
})

/** @param {import('./context.mjs').BenchContext} bench */
export async function seedDatabase(bench) {
  const { opts, result, env, workDir } = bench
  if (opts.database) {
    for (const suffix of ['', '-wal']) {
      const file = opts.database + suffix
      if (fs.existsSync(file)) fs.copyFileSync(file, path.join(workDir, `bench.db${suffix}`))
    }
    log(`using a copy of ${opts.database}: migrations only, no seeding`)
  }
  let started = performance.now()
  // Safe to run again: it migrates and seeds only what is missing.
  await prepareDatabase(env, { timeoutMs: 180_000, ...onceMoreUnless(bench, 'prepared:') })
  result.timings.prepareMs = since(started)
  if (opts.database) return

  started = performance.now()
  // Generous: about 0.2 s an article on a loaded 2-core machine, times five.
  const timeoutMs = 180_000 + opts.articles * 1_000
  const seedEnv = { ...env, BENCH_ARTICLES: String(opts.articles), SCRIPT_TIMEOUT_MS: String(timeoutMs) }
  const output = await runPayloadScript('src/scripts/bench-seed.ts', {
    env: seedEnv,
    timeoutMs,
    ...onceMoreUnless(bench, 'bench-seed:'),
  })
  result.timings.seedWallMs = since(started)
  const marker = /bench-seed: created=(\d+) ms=(\d+)/.exec(output)
  if (!marker) throw new Error('bench-seed.ts stopped before it finished')
  result.timings.seedMs = Number(marker[2])
  result.seededArticles = Number(marker[1])
  result.wordsPerArticle = Number(/average (\d+) words/.exec(output)?.[1] ?? 0)
  log(
    `seeded ${result.seededArticles} articles in ${seconds(result.timings.seedMs)} ` +
      `(${seconds(result.timings.seedWallMs)} with Payload start-up)`,
  )
}
