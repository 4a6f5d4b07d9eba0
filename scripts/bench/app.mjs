// Stages 2 and 3: the production build in its own folder (no database, as `npm run build`), then
// the server's cold start, from spawning server.mjs (Next behind the front cache) to the first 200
// of the demo article, rendered on that request.
import { waitForHttp } from '../lib/http.mjs'
import { start } from '../lib/process.mjs'
import { buildSite, serverCommand } from '../lib/site.mjs'
import { log, seconds, since } from './context.mjs'
import { memorySampler } from './memory.mjs'
import { ARTICLE_PATH, DEMO_ARTICLES, DIST_DIR } from './options.mjs'

/** @param {import('./context.mjs').BenchContext} bench */
export async function buildApp({ opts, env, result }) {
  const started = performance.now()
  await buildSite(env, DIST_DIR, { timeoutMs: 1_800_000 + opts.articles * 500 })
  result.timings.buildMs = since(started)
  log(`built in ${seconds(result.timings.buildMs)}`)
}

/**
 * Starts the server and its memory sampler; the caller stops both (stopAll(), memory.stop()).
 * @param {import('./context.mjs').BenchContext} bench
 */
export async function startApp({ opts, env, port, base, result }) {
  const started = performance.now()
  const [command, args] = serverCommand(port, ['-H', '127.0.0.1'])
  // No warm-up: the cold start and the uncached first renders are figures of their own.
  const server = start(command, args, { env: { ...env, NODE_ENV: 'production', WARM_UP: '0' }, name: 'server' })
  const memory = memorySampler(server.pid)
  // Polled every 50 ms: the cold start is one of the figures.
  await waitForHttp(base + ARTICLE_PATH, { child: server, intervalMs: 50, ready: (status) => status === 200 })
  result.timings.coldStartToFirstPageMs = since(started)
  memory.sample()
  result.memory = { idleAfterStartMiB: Math.round(memory.state.lastTreeRssMiB) }
  log(`cold start to first article page: ${result.timings.coldStartToFirstPageMs} ms`)

  if (opts.database) {
    const { totalDocs } = await (await fetch(`${base}/api/articles?limit=1&depth=0`)).json()
    result.seededArticles = totalDocs - DEMO_ARTICLES
  }
  return { server, memory }
}
