#!/usr/bin/env node
// `npm run migrate:create -- <name>`: writes the SQLite migration for the current schema, comparing
// against the committed snapshots. It runs against a scratch database so your data is not involved.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { payloadCommand } from './lib/payload.mjs'
import { run } from './lib/process.mjs'
import { toolEnv } from './lib/site.mjs'

const name = process.argv[2] || 'schema-change'
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'valenx-migration-'))
try {
  const env = toolEnv({ DATABASE_URI: `file:${path.join(scratch, 'scratch.db')}` })
  await run(...payloadCommand(['migrate:create', name, '--skip-empty'], env), { env })
} finally {
  fs.rmSync(scratch, { recursive: true, force: true })
}
