#!/usr/bin/env node
// `npm run build`: the production build into NEXT_DIST_DIR (default .next), with no database and
// no secret (scripts/lib/site.mjs, buildSite): the pages are rendered on their first request and
// cached, so one build serves any database. This is what the Dockerfile runs; `npm start` runs it
// when the sources changed.
import fs from 'node:fs'
import path from 'node:path'

import nextEnv from '@next/env'

import { root } from './lib/process.mjs'
import { buildSite, sourceStamp, STAMP_FILE, toolEnv } from './lib/site.mjs'

// NEXT_PUBLIC_SERVER_URL and the other build-time settings may come from the .env files.
nextEnv.loadEnvConfig(root)
const distDir = process.env.NEXT_DIST_DIR || '.next'
await buildSite(toolEnv(), distDir)
fs.writeFileSync(path.join(root, distDir, STAMP_FILE), sourceStamp())
console.log(`Built into ${distDir}: serve it with \`npm run serve\` (or \`npm start\`, which also migrates and seeds).`)
