#!/usr/bin/env node
// Started by Playwright (playwright.config.ts, webServer): a production build served on a free port,
// against a database of its own in a temporary folder, seeded with the demo content. It builds into
// .next-e2e so it never replaces the build that `npm start` serves.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { bin, clearDataCache, root, run, runPayloadScript } from './lib.mjs'

const port = process.env.E2E_PORT
if (!port) throw new Error('E2E_PORT is not set (playwright.config.ts sets it).')

const dataDir = process.env.E2E_DATA_DIR || fs.mkdtempSync(path.join(os.tmpdir(), 'valenx-e2e-'))
fs.mkdirSync(dataDir, { recursive: true })
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  NODE_OPTIONS: '--no-deprecation',
  PORT: port,
  DATA_DIR: dataDir,
  DATABASE_URI: process.env.E2E_DATABASE_URI || `file:${path.join(dataDir, 'e2e.db')}`,
  NEXT_DIST_DIR: process.env.E2E_DIST_DIR || '.next-e2e',
  NEXT_PUBLIC_SERVER_URL: `http://localhost:${port}`,
}

await runPayloadScript('src/scripts/prepare.ts', { env })
// A fresh database each run: nothing read from the last one may be pre-rendered into this build.
clearDataCache(env.NEXT_DIST_DIR)
await run(bin('next'), ['build'], { env: { ...env, NODE_ENV: 'production' } })

const server = spawn(process.execPath, [path.join(root, 'server.mjs'), '-p', port], { cwd: root, env: { ...env, NODE_ENV: 'production' }, stdio: 'inherit' })
const stop = () => {
  server.kill('SIGTERM')
  fs.rmSync(dataDir, { recursive: true, force: true })
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
server.on('exit', (code) => {
  fs.rmSync(dataDir, { recursive: true, force: true })
  process.exit(code ?? 0)
})
