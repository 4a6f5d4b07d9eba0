// The app process: Next, with Payload inside it, started by the front process (server.mjs) with an
// IPC channel and a private Unix socket to serve on (VALENX_APP_SOCKET, in a folder only this user
// can enter). Everything that is not a front-cache hit reaches it through the front: it renders,
// runs Payload (admin, API, hooks), announces each page's `Surrogate-Key`, purges, runs due jobs
// and warms the pages up. It never listens on a network port: the front is the only way in, so the
// client address the front hands over (CLIENT_ADDRESS_HEADER) can be believed.
//
// Messages with the front (process.send):
//   → { type: 'ready', caches }            listening; `caches` describes what this process keeps
//   ← { type: 'listening', url }           the front is listening on `url`: warm up, run jobs
//   → { type: 'purge', id, tags }          drop the front-cache entries filed under `tags`
//   ← { type: 'purged', id }               done (the change's response waits for it: purgers.mjs)
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'

import next from 'next'

import { dropRenderedPages } from '../cache/buildCache.mjs'
import { edgePurgeTargets, installEdgePurge } from '../cache/edgePurge.mjs'
import { announceSurrogateKeys } from '../cache/frontCache.mjs'
import { asRequest } from '../cache/pageTags.mjs'
import { joinPeers } from '../cache/peers.mjs'
import { registerPurger } from '../cache/purgers.mjs'
import { redisUrl } from '../cache/redis.mjs'
import { warmUp } from '../cache/warmUp.mjs'
import { refuseOversizedBody } from '../config/bodyLimits.mjs'
import { servePlainHtml } from './plainHtml.mjs'

const socketPath = process.env.VALENX_APP_SOCKET
if (!socketPath || typeof process.send !== 'function') {
  console.error('src/server/appProcess.mjs is started by server.mjs (npm start, npm run serve), not on its own.')
  process.exit(1)
}
const root = process.env.VALENX_ROOT ?? process.cwd()
const port = Number(process.env.PORT ?? 3000)
const hostname = process.env.VALENX_HOSTNAME || undefined
const frontCacheOn = process.env.VALENX_FRONT_CACHE === '1'
// Read once: a wrong EDGE_PURGE_URL stops the server here, naming the entry.
const edgeTargets = edgePurgeTargets()

process.env.NODE_ENV = 'production'
process.env.NEXT_TELEMETRY_DISABLED = '1'
// Due jobs (scheduled publishing) run through a request, where Next can revalidate the pages they
// change: see src/config/jobRunner.ts. The secret lives only in this process.
process.env.VALENX_JOB_RUNNER_SECRET = crypto.randomBytes(32).toString('base64url')

const distDir = path.join(root, process.env.NEXT_DIST_DIR || '.next')
// What a previous run rendered came from the database as it was then (src/cache/buildCache.mjs).
try {
  dropRenderedPages(distDir)
} catch (error) {
  console.error(`Could not clear the pages a previous run rendered in ${distDir}:`, error)
}

// This process goes with the front: a front killed outright (kill -9) closes the channel, and
// leaves the socket's folder to this process to remove.
process.on('disconnect', () => {
  fs.rmSync(path.dirname(socketPath), { recursive: true, force: true })
  process.exit(0)
})

const app = next({ dev: false, dir: root, hostname: hostname ?? 'localhost', port })
await app.prepare()
const handle = app.getRequestHandler()

// The purgers in this order: the front cache, then the other instances, then the edge
// (src/cache/purgers.mjs): the edge is purged once no copy it could refill from is left.
if (frontCacheOn) registerPurger('front cache', frontCachePurge(), { wait: true })
if (redisUrl()) await joinPeers()
installEdgePurge(edgeTargets)
const caches = [
  redisUrl() ? 'Next cache in Redis' : null,
  edgeTargets.length ? `edge purges to ${edgeTargets.map((url) => url.host).join(', ')}` : null,
].filter(Boolean)

/** The front cache's purger: the tags sent to the front process, resolved when it has dropped them. */
function frontCachePurge() {
  let next = 0
  /** @type {Map<number, () => void>} */
  const waiting = new Map()
  process.on('message', (message) => {
    if (message?.type !== 'purged') return
    waiting.get(message.id)?.()
    waiting.delete(message.id)
  })
  return (tags) =>
    new Promise((resolve) => {
      const id = ++next
      waiting.set(id, resolve)
      process.send?.({ type: 'purge', id, tags }, (error) => {
        if (!error) return
        waiting.delete(id)
        resolve(undefined)
      })
    })
}

// Each request is dated, so nothing it renders from before a change is kept (nextCacheHandler.mjs).
const serve = (req, res) =>
  asRequest(() => {
    announceSurrogateKeys(req, res)
    // Reader pages go out without Next's scripts (src/server/plainHtml.mjs), and are cached that way.
    return servePlainHtml(req, res, () => handle(req, res))
  })
const server = http.createServer((req, res) => refuseOversizedBody(req, res) || serve(req, res))
// The front keeps its connections to this process open between requests.
server.keepAliveTimeout = 65_000
fs.rmSync(socketPath, { force: true })
server.listen(socketPath, () => {
  fs.chmodSync(socketPath, 0o600)
  process.send?.({ type: 'ready', caches })
})

process.on('message', (message) => {
  if (message?.type !== 'listening' || typeof message.url !== 'string') return
  startJobs(message.url)
  if (process.env.WARM_UP === '0') return
  const articles = Number(process.env.WARM_UP_ARTICLES ?? 20)
  // Through the front, as readers come: the front cache is filled on the way.
  void warmUp(message.url, { articles: Number.isFinite(articles) ? articles : 20 }).then((done) =>
    console.log(
      `Warm-up: ${done.rendered} of ${done.pages} pages rendered in ${done.ms} ms` +
        (done.failures.length ? `; not rendered: ${done.failures.join(', ')}` : ''),
    ),
  )
})

const JOBS_EVERY_MS = 10_000
/** Runs due jobs every JOBS_EVERY_MS through `url` (the front), one run at a time. */
function startJobs(url) {
  let running = false
  const runDueJobs = async () => {
    if (running || process.env.VALENX_DISABLE_JOBS === '1') return
    running = true
    try {
      const response = await fetch(`${url}/api/payload-jobs/run?queue=default&limit=20`, {
        headers: { authorization: `Bearer ${process.env.VALENX_JOB_RUNNER_SECRET}` },
        signal: AbortSignal.timeout(120_000),
      })
      await response.arrayBuffer()
      if (!response.ok) console.error(`Running due jobs answered HTTP ${response.status}`)
    } catch (error) {
      console.error('Running due jobs failed:', error instanceof Error ? error.message : error)
    } finally {
      running = false
    }
  }
  setInterval(runDueJobs, JOBS_EVERY_MS).unref()
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close()
    process.exit(0)
  })
}
