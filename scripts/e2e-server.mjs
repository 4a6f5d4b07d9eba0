#!/usr/bin/env node
// Started by Playwright (playwright.config.ts, webServer): a production build served on a free port,
// against a database of its own in a temporary folder, seeded with the demo content. It builds into
// .next-e2e so it never replaces the build that `npm start` serves. The build comes first, before
// the database exists at all: every journey then runs on a build that read no database.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { serveInForeground } from './lib/process.mjs'
import { runPayloadScript } from './lib/payload.mjs'
import { buildSite, prepareDatabase, serverCommand, siteEnv } from './lib/site.mjs'

const port = process.env.E2E_PORT
if (!port) throw new Error('E2E_PORT is not set (playwright.config.ts sets it).')

const dataDir = process.env.E2E_DATA_DIR || fs.mkdtempSync(path.join(os.tmpdir(), 'valenx-e2e-'))
fs.mkdirSync(dataDir, { recursive: true })
const env = siteEnv({
  port,
  databaseUri: process.env.E2E_DATABASE_URI || `file:${path.join(dataDir, 'e2e.db')}`,
  dataDir,
  distDir: process.env.E2E_DIST_DIR || '.next-e2e',
})

// E2E_REUSE_BUILD=1 serves the build already there (rerunning one spec while changing only tests).
if (process.env.E2E_REUSE_BUILD !== '1' || !fs.existsSync(path.join(env.NEXT_DIST_DIR, 'BUILD_ID')))
  await buildSite(env, env.NEXT_DIST_DIR)
await prepareDatabase(env)
// An admin per worker (tests/e2e/workerAdmin.mjs): workers that sign in at once keep their sessions.
await runPayloadScript('tests/e2e/scripts/worker-admins.ts', { env })

serveInForeground(...serverCommand(port), {
  env: { ...env, NODE_ENV: 'production' },
  cleanup: () => fs.rmSync(dataDir, { recursive: true, force: true }),
})
