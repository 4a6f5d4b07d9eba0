// What every stage of a benchmark run shares: its options, the site it runs (folder, port,
// environment, admin login), the result record the stages fill in, and the log.
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort } from '../lib/http.mjs'
import { root, run } from '../lib/process.mjs'
import { siteEnv } from '../lib/site.mjs'
import { DIST_DIR } from './options.mjs'

/** @param {number} ms */
export const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`

const runStart = performance.now()
/** @param {string} message */
export const log = (message) => console.log(`[bench ${seconds(performance.now() - runStart).padStart(7)}] ${message}`)

/** Milliseconds since `started` (a performance.now()), rounded. */
export const since = (started) => Math.round(performance.now() - started)

const loadAverage = () => os.loadavg().map((value) => Number(value.toFixed(2)))

async function gitInfo() {
  try {
    const git = (args) => run('git', args, { output: 'collect' })
    return {
      commit: (await git(['rev-parse', '--short', 'HEAD'])).trim(),
      dirty: (await git(['status', '--porcelain'])).trim() !== '',
    }
  } catch {
    return null
  }
}

/**
 * @param {import('./options.mjs').BenchOptions} opts
 */
export async function createContext(opts) {
  const startedAt = new Date()
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'valenx-bench-'))
  const port = await freePort()
  // A kept database (--database) already has its admin: its login comes from ADMIN_EMAIL / ADMIN_PASSWORD.
  const admin = opts.database
    ? { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD }
    : { email: 'bench@valenx.local', password: crypto.randomBytes(18).toString('base64url') }
  if (opts.database && !(admin.email && admin.password)) {
    throw new Error('--database needs ADMIN_EMAIL and ADMIN_PASSWORD of that database.')
  }
  const env = {
    ...siteEnv({ port, databaseUri: `file:${path.join(workDir, 'bench.db')}`, dataDir: workDir, distDir: DIST_DIR }),
    PAYLOAD_SECRET: crypto.randomBytes(32).toString('base64url'),
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
  }
  // A standalone build (NEXT_OUTPUT) is not what server.mjs serves.
  delete env.NEXT_OUTPUT
  const result = {
    startedAt: startedAt.toISOString(),
    options: opts,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      loadAverageAtStart: loadAverage(),
      loadAverageAtEnd: undefined,
    },
    git: await gitInfo(),
    timings: {},
    uncached: [],
    load: [],
    notes: [],
  }
  // app: the server and its memory sampler, once startApp() (app.mjs) has started them;
  // ceilingHtml: the article's HTML file the static ceilings serve, once loadTargets() wrote it.
  return {
    opts,
    workDir,
    port,
    base: `http://127.0.0.1:${port}`,
    admin,
    env,
    result,
    app: undefined,
    ceilingHtml: undefined,
  }
}

/** @typedef {Awaited<ReturnType<typeof createContext>>} BenchContext */

/**
 * Writes the result to bench/results/<start time>.json and returns that file's path.
 * @param {BenchContext['result']} result
 */
export function saveResult(result) {
  result.machine.loadAverageAtEnd = loadAverage()
  result.timings.totalMs = since(runStart)
  const resultsDir = path.join(root, 'bench', 'results')
  fs.mkdirSync(resultsDir, { recursive: true })
  const file = path.join(resultsDir, `${result.startedAt.replace(/[:.]/g, '-')}.json`)
  fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n')
  return path.relative(root, file)
}
