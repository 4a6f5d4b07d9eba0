#!/usr/bin/env node
// The production server: a front process holding the reader pages' front cache
// (src/server/front.mjs, src/cache/frontCache.mjs) in front of the app process that runs Next with
// Payload inside it (src/server/appProcess.mjs), which it starts and stops. `npm start`, `npm run
// serve`, the end-to-end tests and the benchmark all serve through it, so what is measured is what
// runs. It serves the build in NEXT_DIST_DIR (default .next) as it is: it never builds, migrates by
// hand or seeds (`npm start` does those first; `npm run serve` does not), and several may serve one
// database (Payload applies pending migrations on connecting, one process at a time:
// src/db/lock.ts).
//   node server.mjs [-p PORT] [-H HOST]     (defaults: $PORT or 3000, $HOSTNAME or all interfaces)
// FRONT_CACHE_MB sets the cache's size (default 64); FRONT_CACHE_MB=0 turns it off.
// REDIS_URL: Next's cache in Redis, shared with the other instances, whose purges this one follows
// (src/cache/sharedNextCache.mjs, src/cache/peers.mjs). EDGE_PURGE_URL: Varnish addresses purged by
// tag on every change (src/cache/edgePurge.mjs).
// WARM_UP=0 skips the warm-up after start; WARM_UP_ARTICLES=N (default 20): see src/cache/warmUp.mjs.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { trustedProxies } from './src/auth/clientAddress.mjs'
import { edgePurgeTargets } from './src/cache/edgePurge.mjs'
import { startFront } from './src/server/front.mjs'

const root = path.dirname(fileURLToPath(import.meta.url))
const arg = (flag) => {
  const index = process.argv.indexOf(flag)
  return index >= 0 ? process.argv[index + 1] : undefined
}
const port = Number(arg('-p') ?? process.env.PORT ?? 3000)
const hostname = arg('-H') ?? process.env.HOSTNAME ?? undefined
const cacheMb = Number(process.env.FRONT_CACHE_MB ?? 64)
// Read once, before anything starts: a wrong TRUSTED_PROXY or EDGE_PURGE_URL stops the server
// here, naming the entry.
const proxies = trustedProxies()
edgePurgeTargets()

const distDir = path.join(root, process.env.NEXT_DIST_DIR || '.next')
if (!fs.existsSync(path.join(distDir, 'BUILD_ID'))) {
  console.error(`No production build in ${distDir}: run \`npm run build\` first.`)
  process.exit(1)
}

await startFront({ root, port, hostname, cacheMb, proxies })
