#!/usr/bin/env node
// `npm run backup [-- --out <dir>]`: a portable export of all content (documents, versions, uploaded
// files) of the database named by DATABASE_URI, into <dir> (default backups/<timestamp>).
import fs from 'node:fs'
import path from 'node:path'

import nextEnv from '@next/env'

import { runPayloadScript } from './lib/payload.mjs'
import { root } from './lib/process.mjs'
import { toolEnv } from './lib/site.mjs'

nextEnv.loadEnvConfig(root)
const args = process.argv.slice(2)
const outIndex = args.indexOf('--out')
const out = path.resolve(
  outIndex >= 0 && args[outIndex + 1]
    ? args[outIndex + 1]
    : path.join(root, 'backups', new Date().toISOString().replace(/[:.]/g, '-')),
)
if (fs.existsSync(out) && fs.readdirSync(out).length) {
  console.error(`The backup folder ${out} is not empty; choose another with --out <dir>.`)
  process.exit(1)
}
const env = toolEnv({ BACKUP_DIR: out })
try {
  await runPayloadScript('src/scripts/backup.ts', { env })
} catch (error) {
  // A watchdog retry must start from an empty folder again.
  fs.rmSync(out, { recursive: true, force: true })
  console.error(error.message)
  process.exit(1)
}
