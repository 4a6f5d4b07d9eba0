// The site as the scripts build and serve it: its environment, the database preparation, the
// production build and the server command. Used by `npm start`, the e2e servers and the benchmark.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { dataCacheEntries, dropRenderedPages } from '../../src/cache/buildCache.mjs'
import { runPayloadScript } from './payload.mjs'
import { bin, root, run } from './process.mjs'

/**
 * The environment for Payload and Next commands started by a script: no telemetry, no deprecation
 * warnings (Payload's dependencies print several on every start).
 * @param {NodeJS.ProcessEnv} [extra]
 * @returns {NodeJS.ProcessEnv}
 */
export const toolEnv = (extra = {}) => ({
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  NODE_OPTIONS: '--no-deprecation',
  ...extra,
})

/**
 * A site of its own, as the e2e servers and the benchmark run one: its port, database, data folder
 * (uploads, local secrets) and build folder.
 * @param {{ port: number | string, databaseUri: string, dataDir: string, distDir: string }} site
 */
export function siteEnv({ port, databaseUri, dataDir, distDir }) {
  return toolEnv({
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URI: databaseUri,
    NEXT_DIST_DIR: distDir,
    NEXT_PUBLIC_SERVER_URL: `http://localhost:${port}`,
  })
}

/**
 * Migrates the database and seeds the demo content into an empty one (src/scripts/prepare.ts);
 * its output ends with `prepared: seeded=N`.
 * @param {NodeJS.ProcessEnv} env
 * @param {Omit<Parameters<typeof runPayloadScript>[1], 'env'>} [options] runPayloadScript()'s
 */
export const prepareDatabase = (env, options = {}) => runPayloadScript('src/scripts/prepare.ts', { env, ...options })

/**
 * Where the build is pointed instead of a database: a file in a folder that does not exist, so a
 * page that tried to read content during `next build` would fail the build at once rather than
 * bake someone's content into it. Pages read nothing during the build (src/data/read.ts).
 */
export const NO_DATABASE = 'file:/valenx-the-build-reads-no-database/none.db'

/**
 * Builds the production app into `distDir` (relative to the repository), with no database and no
 * secret: the same build serves any database (an image is built once and deployed many times).
 * `next build` renders the static routes once, from an empty site (src/data/read.ts); those
 * renders are deleted afterwards, so every page is rendered from the database on its first request
 * and cached from then on. A build that cached data anyway is refused.
 * @param {NodeJS.ProcessEnv} env
 * @param {string} distDir
 * @param {{ timeoutMs?: number }} [options]
 */
export async function buildSite(env, distDir, { timeoutMs } = {}) {
  const dir = path.join(root, distDir)
  dropRenderedPages(dir)
  const buildEnv = { ...env, NODE_ENV: 'production', DATABASE_URI: NO_DATABASE }
  delete buildEnv.PAYLOAD_SECRET
  await run(bin('next'), ['build'], { env: buildEnv, output: timeoutMs ? 'tee' : 'inherit', timeoutMs })
  const cached = dataCacheEntries(dir)
  if (cached.length)
    throw new Error(
      `The build cached ${cached.length} data entries (${dir}/cache/fetch-cache): pages must read content only on a request (src/data/read.ts).`,
    )
  dropRenderedPages(dir)
}

/**
 * Drops the pages and data a server rendered into the build folder (src/cache/buildCache.mjs): the
 * server does it at every start, a restore does it at once.
 * @param {string} distDir
 */
export function clearDataCache(distDir) {
  dropRenderedPages(path.join(root, distDir))
}

/**
 * The production server's command line (server.mjs: Next behind the front cache).
 * @param {number | string} port
 * @param {string[]} [extra]
 * @returns {[string, string[]]}
 */
export const serverCommand = (port, extra = []) => [
  process.execPath,
  [path.join(root, 'server.mjs'), '-p', String(port), ...extra],
]

/** Written into the build folder with the sourceStamp() it was built from. */
export const STAMP_FILE = 'valenx-source-stamp'

/** A hash of everything a production build depends on: when it changes, `npm start` rebuilds. */
export function sourceStamp() {
  const hash = crypto.createHash('sha256')
  const entries = [
    'app',
    'collections',
    'src',
    'migrations',
    'payload.config.ts',
    'payload-types.ts',
    'next.config.mjs',
    'tsconfig.json',
    'package-lock.json',
  ]
  const walk = (target) => {
    const full = path.join(root, target)
    if (!fs.existsSync(full)) return
    const stat = fs.statSync(full)
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) walk(path.join(target, name))
    } else {
      hash.update(target)
      hash.update(fs.readFileSync(full))
    }
  }
  for (const entry of entries) walk(entry)
  return hash.digest('hex')
}
