#!/usr/bin/env node
// The production server: Next (with Payload inside it) behind the reader pages' front cache
// (src/cache/frontCache.mjs). `npm start`, the end-to-end tests and the benchmark all serve through
// it, so what is measured is what runs. One process: Payload's hooks purge the cache they share.
// It serves the build in NEXT_DIST_DIR (default .next) as it is: it never builds, migrates by hand
// or seeds (`npm start` does those first; `npm run serve` does not), and several may serve one
// database (Payload applies pending migrations on connecting, one process at a time:
// src/db/lock.ts).
//   node server.mjs [-p PORT] [-H HOST]     (defaults: $PORT or 3000, $HOSTNAME or all interfaces)
// FRONT_CACHE_MB sets the cache's size (default 64); FRONT_CACHE_MB=0 turns it off.
// REDIS_URL: Next's cache in Redis, shared with the other instances, whose purges this one follows
// (src/cache/sharedNextCache.mjs, src/cache/peers.mjs). EDGE_PURGE_URL: Varnish addresses purged by
// tag on every change (src/cache/edgePurge.mjs).
// WARM_UP=0 skips the warm-up after start; WARM_UP_ARTICLES=N (default 20): see src/cache/warmUp.mjs.
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import next from 'next'

import { CLIENT_ADDRESS_HEADER, clientAddressOf, trustedProxies } from './src/auth/clientAddress.mjs'
import { dropRenderedPages } from './src/cache/buildCache.mjs'
import { edgePurgeTargets, installEdgePurge } from './src/cache/edgePurge.mjs'
import { announceSurrogateKeys, FrontCache } from './src/cache/frontCache.mjs'
import { asRequest } from './src/cache/pageTags.mjs'
import { joinPeers } from './src/cache/peers.mjs'
import { redisUrl } from './src/cache/redis.mjs'
import { warmUp } from './src/cache/warmUp.mjs'
import { refuseOversizedBody } from './src/config/bodyLimits.mjs'
import { servePlainHtml } from './src/server/plainHtml.mjs'

const root = path.dirname(fileURLToPath(import.meta.url))
const arg = (flag) => {
  const index = process.argv.indexOf(flag)
  return index >= 0 ? process.argv[index + 1] : undefined
}
const port = Number(arg('-p') ?? process.env.PORT ?? 3000)
const hostname = arg('-H') ?? process.env.HOSTNAME ?? undefined
const cacheMb = Number(process.env.FRONT_CACHE_MB ?? 64)
// Read once: a wrong TRUSTED_PROXY or EDGE_PURGE_URL stops the server here, naming the entry.
const proxies = trustedProxies()
const edgeTargets = edgePurgeTargets()

process.env.NODE_ENV = 'production'
process.env.NEXT_TELEMETRY_DISABLED = '1'
// Due jobs (scheduled publishing) run through a request, where Next can revalidate the pages they
// change: see src/config/jobRunner.ts. The secret lives only in this process.
process.env.VALENX_JOB_RUNNER_SECRET = crypto.randomBytes(32).toString('base64url')
const reachableHost = !hostname || hostname === '0.0.0.0' || hostname === '::' ? '127.0.0.1' : hostname
const selfUrl = `http://${reachableHost.includes(':') ? `[${reachableHost}]` : reachableHost}:${port}`

const distDir = path.join(root, process.env.NEXT_DIST_DIR || '.next')
if (!fs.existsSync(path.join(distDir, 'BUILD_ID'))) {
  console.error(`No production build in ${distDir}: run \`npm run build\` first.`)
  process.exit(1)
}
// What a previous run rendered came from the database as it was then (src/cache/buildCache.mjs).
try {
  dropRenderedPages(distDir)
} catch (error) {
  console.error(`Could not clear the pages a previous run rendered in ${distDir}:`, error)
}

const app = next({ dev: false, dir: root, hostname: hostname ?? 'localhost', port })
await app.prepare()
const handle = app.getRequestHandler()
// The purgers in this order: this process's front cache, then the other instances, then the edge
// (src/cache/purgers.mjs).
const cache = cacheMb > 0 ? new FrontCache({ maxBytes: cacheMb * 1024 * 1024 }).install() : null
if (redisUrl()) await joinPeers()
installEdgePurge(edgeTargets)
const caches = [
  cache ? `front cache ${cacheMb} MB` : 'front cache off',
  redisUrl() ? 'Next cache in Redis' : null,
  edgeTargets.length ? `edge purges to ${edgeTargets.map((url) => url.host).join(', ')}` : null,
].filter(Boolean)

// Each request is dated, so nothing it renders from before a change is kept (nextCacheHandler.mjs).
const serve = (req, res) =>
  asRequest(() => {
    announceSurrogateKeys(req, res)
    // Reader pages go out without Next's scripts (src/server/plainHtml.mjs), and are cached that way.
    const toNext = () => servePlainHtml(req, res, () => handle(req, res))
    return cache ? cache.handle(req, res, toNext) : toNext()
  })
// Over-limit bodies are refused before anything reads them (src/config/bodyLimits.mjs).
const server = http.createServer((req, res) => {
  // Payload's sign-in throttle counts by this (src/auth/throttle.ts); a client's own copy is replaced.
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(req, proxies)
  return refuseOversizedBody(req, res) || serve(req, res)
})
// A client that asks before sending its body (`Expect: 100-continue`) hears 413 before it sends it.
server.on('checkContinue', (req, res) => {
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(req, proxies)
  if (refuseOversizedBody(req, res)) return
  res.writeContinue()
  serve(req, res)
})
// As `next start`: idle keep-alive connections outlive a load balancer's (often 60 s) idle timeout.
server.keepAliveTimeout = 65_000
server.listen(port, hostname, () => {
  console.log(`Serving on http://${hostname ?? 'localhost'}:${port} (${caches.join('; ')})`)
  if (process.env.WARM_UP === '0') return
  const articles = Number(process.env.WARM_UP_ARTICLES ?? 20)
  void warmUp(selfUrl, { articles: Number.isFinite(articles) ? articles : 20 }).then((done) =>
    console.log(
      `Warm-up: ${done.rendered} of ${done.pages} pages rendered in ${done.ms} ms` +
        (done.failures.length ? `; not rendered: ${done.failures.join(', ')}` : ''),
    ),
  )
})

const JOBS_EVERY_MS = 10_000
let jobsRunning = false
const runDueJobs = async () => {
  if (jobsRunning || process.env.VALENX_DISABLE_JOBS === '1') return
  jobsRunning = true
  try {
    const response = await fetch(`${selfUrl}/api/payload-jobs/run?queue=default&limit=20`, {
      headers: { authorization: `Bearer ${process.env.VALENX_JOB_RUNNER_SECRET}` },
      signal: AbortSignal.timeout(120_000),
    })
    await response.arrayBuffer()
    if (!response.ok) console.error(`Running due jobs answered HTTP ${response.status}`)
  } catch (error) {
    console.error('Running due jobs failed:', error instanceof Error ? error.message : error)
  } finally {
    jobsRunning = false
  }
}
setInterval(runDueJobs, JOBS_EVERY_MS).unref()

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close()
    process.exit(0)
  })
}
