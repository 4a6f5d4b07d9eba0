#!/usr/bin/env node
// `npm run restore -- <dir>`: loads a backup written by `npm run backup` into the database named by
// DATABASE_URI, which must be empty (a new SQLite file or MongoDB database). Add --new-ids to give
// every document a new id (references follow); MongoDB does this by itself for SQLite's UUIDs.
import fs from 'node:fs'
import path from 'node:path'

import nextEnv from '@next/env'

import { runPayloadScript } from './lib/payload.mjs'
import { root } from './lib/process.mjs'
import { clearDataCache, toolEnv } from './lib/site.mjs'

nextEnv.loadEnvConfig(root)
const args = process.argv.slice(2)
const dir = args.find((arg) => !arg.startsWith('--'))
if (!dir || !fs.existsSync(path.join(dir, 'manifest.json'))) {
  console.error('Usage: npm run restore -- <backup folder>   (the folder holds manifest.json)')
  process.exit(1)
}
const env = toolEnv({ RESTORE_DIR: path.resolve(dir), RESTORE_NEW_IDS: args.includes('--new-ids') ? '1' : '' })
// A run its watchdog stops is tried again: the restore is one transaction, so a stopped run leaves
// the database empty.
await runPayloadScript('src/scripts/restore.ts', { env }).catch((error) => {
  console.error(error.message)
  process.exit(1)
})
// The pages and data a server rendered into the build folder hold the content of the database
// that was there before. The server drops them at every start as well; doing it now leaves nothing
// stale for a server started some other way.
clearDataCache(process.env.NEXT_DIST_DIR || '.next')
console.log('The next start of the server renders every page from the restored content.')
