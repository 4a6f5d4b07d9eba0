// The front process: what listens on the server's port. It holds the front cache
// (src/cache/frontCache.mjs) and answers its hits itself; everything else it passes to the app
// process (./appProcess.mjs, Next with Payload), which it starts and which dies with it.
//
// Why two processes: a process that has loaded Next answers even a bare "hello" at half the rate of
// one that has not (Next's instrumentation of the event loop, its patched globals and its heap), so
// a cache inside Next's process could never serve much faster than that (`npm run bench`). Here a
// hit costs a Map look-up and one write. The app process tells this one what to purge, and waits
// for the answer, before a change's response goes out (src/cache/purgers.mjs): what one process
// promised of the front cache still holds.
//
// Plain JavaScript, no Next, no Payload, no TypeScript: it starts in a few milliseconds.
import { fork } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { CLIENT_ADDRESS_HEADER, clientAddressOf } from '../auth/clientAddress.mjs'
import { FrontCache } from '../cache/frontCache.mjs'
import { refuseOversizedBody } from '../config/bodyLimits.mjs'
import { proxyTo } from './proxy.mjs'

const APP_PROCESS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'appProcess.mjs')
/** How long the app process has to stop after SIGTERM before it is killed. */
const STOP_MS = 10_000

/**
 * Starts the app process, waits until it is ready, then listens on `port`. Resolves once
 * listening. The process exits when the app process does (with its code), so a supervisor that
 * restarts the server restarts both.
 * @param {{ root: string, port: number, hostname?: string, cacheMb: number,
 *   proxies: import('node:net').BlockList | null }} options
 */
export async function startFront({ root, port, hostname, cacheMb, proxies }) {
  // The app process's socket, in a folder only this user can enter: nobody else can reach it, so
  // the client address this process hands over cannot be forged.
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'valenx-app-'))
  fs.chmodSync(socketDir, 0o700)
  const socketPath = path.join(socketDir, 'app.sock')
  const removeSocketDir = () => fs.rmSync(socketDir, { recursive: true, force: true })

  const cache = cacheMb > 0 ? new FrontCache({ maxBytes: cacheMb * 1024 * 1024 }) : null
  const app = fork(APP_PROCESS, process.argv.slice(2), {
    cwd: process.cwd(),
    env: {
      ...process.env,
      PORT: String(port),
      VALENX_ROOT: root,
      VALENX_HOSTNAME: hostname ?? '',
      VALENX_APP_SOCKET: socketPath,
      VALENX_FRONT_CACHE: cache ? '1' : '0',
    },
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  })
  let stopping = false
  app.on('exit', (code, signal) => {
    removeSocketDir()
    if (stopping) process.exit(0)
    console.error(`The app process exited (${signal ?? `code ${code}`}): the server stops.`)
    process.exit(code || 1)
  })
  app.on('message', (message) => {
    if (message?.type !== 'purge' || !Array.isArray(message.tags)) return
    cache?.purge(message.tags.filter((tag) => typeof tag === 'string'))
    app.send({ type: 'purged', id: message.id }, () => undefined)
  })

  /** @type {string[]} */
  const appCaches = await new Promise((resolve) => {
    const ready = (message) => {
      if (message?.type !== 'ready') return
      app.off('message', ready)
      resolve(Array.isArray(message.caches) ? message.caches : [])
    }
    app.on('message', ready)
  })

  const toApp = proxyTo(socketPath)
  const proxy = (req, res) => {
    // Payload's sign-in throttle counts by this (src/auth/throttle.ts); a client's own copy is
    // replaced. Only what reaches the app needs it: a hit is answered without it.
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(req, proxies)
    toApp(req, res)
  }
  const serve = (req, res) => (cache ? cache.handle(req, res, () => proxy(req, res)) : proxy(req, res))
  // Over-limit bodies are refused before anything reads them (src/config/bodyLimits.mjs).
  const server = http.createServer((req, res) => refuseOversizedBody(req, res) || serve(req, res))
  // A client that asks before sending its body (`Expect: 100-continue`) hears 413 before it sends it.
  server.on('checkContinue', (req, res) => {
    if (refuseOversizedBody(req, res)) return
    res.writeContinue()
    serve(req, res)
  })
  // As `next start`: idle keep-alive connections outlive a load balancer's (often 60 s) idle timeout.
  server.keepAliveTimeout = 65_000

  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      stopping = true
      server.close()
      if (app.exitCode !== null || app.signalCode !== null) process.exit(0)
      app.kill('SIGTERM')
      setTimeout(() => app.kill('SIGKILL'), STOP_MS).unref()
    })
  }

  await new Promise((resolve) => server.listen(port, hostname, () => resolve(undefined)))
  const reachableHost = !hostname || hostname === '0.0.0.0' || hostname === '::' ? '127.0.0.1' : hostname
  const url = `http://${reachableHost.includes(':') ? `[${reachableHost}]` : reachableHost}:${port}`
  const caches = [cache ? `front cache ${cacheMb} MB` : 'front cache off', ...appCaches]
  console.log(`Serving on http://${hostname ?? 'localhost'}:${port} (${caches.join('; ')})`)
  app.send({ type: 'listening', url })
  return { server, app, cache }
}
