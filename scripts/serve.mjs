#!/usr/bin/env node
// `npm run serve`: the existing production build (NEXT_DIST_DIR, default .next) served on $PORT by
// server.mjs. No build, no seed: it is what each instance of a deployment runs, several against
// one database if need be. Pending migrations are applied by the first instance to connect, one
// at a time (src/db/lock.ts); each due job runs on one instance (src/db/exclusive.ts).
import fs from 'node:fs'
import path from 'node:path'

import nextEnv from '@next/env'

import { root, serveInForeground } from './lib/process.mjs'
import { serverCommand, sourceStamp, STAMP_FILE } from './lib/site.mjs'

nextEnv.loadEnvConfig(root)
const port = process.env.PORT || '3000'
const distDir = path.join(root, process.env.NEXT_DIST_DIR || '.next')
if (!fs.existsSync(path.join(distDir, 'BUILD_ID'))) {
  console.error(`No production build in ${path.relative(root, distDir)}: run \`npm run build\` first.`)
  process.exit(1)
}
const stampFile = path.join(distDir, STAMP_FILE)
if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') !== sourceStamp())
  console.warn('Note: the sources changed since this build; `npm run build` to serve the new code.')

serveInForeground(...serverCommand(port), {
  env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', PORT: port },
})
