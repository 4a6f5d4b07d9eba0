// Stages 5 and 6: the static ceiling (the article's HTML served from memory by static-server.mjs),
// then autocannon's load on each target, warmed first, and each target's ratio to the ceiling.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

import autocannon from 'autocannon'

import { freePort, waitForHttp } from '../lib/http.mjs'
import { root, start, stop } from '../lib/process.mjs'
import { log } from './context.mjs'
import { GZIP, timedGet } from './http.mjs'
import { ARTICLE_PATH } from './options.mjs'
import { listPageOf } from './uncached.mjs'

/**
 * One autocannon run against `url` (cycling through `requests` when given); resolves with its
 * outcome. autocannon stops by itself after `duration`; the guard only ends a hung socket.
 * `onResponse` hears every response's time in ms (the soak times each read).
 * @param {{ url: string, connections: number, duration: number,
 *   requests?: { method: string, path: string }[], onResponse?: (ms: number) => void }} target
 */
export function autocannonRun({ url, connections, duration, requests, onResponse }) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration, headers: { 'accept-encoding': 'gzip, deflate, br' }, timeout: 10, requests },
      (error, outcome) => {
        clearTimeout(guard)
        if (error) reject(error)
        else resolve(outcome)
      },
    )
    if (onResponse) instance.on('response', (_client, _status, _bytes, responseTime) => onResponse(responseTime))
    const guard = setTimeout(() => instance.stop(), (duration + 20) * 1000)
  })
}

/** One target's line in the result (and the report's table). */
function loadEntry(name, urlPath, outcome) {
  return {
    name,
    path: urlPath || '/',
    requestsPerSecond: outcome.requests.average,
    requests: outcome.requests.total,
    latencyMs: {
      p50: outcome.latency.p50,
      p99: outcome.latency.p99,
      max: outcome.latency.max,
      mean: outcome.latency.average,
    },
    bytesPerSecond: outcome.throughput.average,
    bytesPerResponse: outcome.requests.total ? Math.round(outcome.throughput.total / outcome.requests.total) : 0,
    errors: outcome.errors,
    timeouts: outcome.timeouts,
    non2xx: outcome.non2xx,
    durationS: outcome.duration,
  }
}

/**
 * The article as the server renders it, saved with a .gz compressed once and served from memory.
 * @param {import('./context.mjs').BenchContext} bench
 */
async function startStaticCeiling({ base, workDir, env, result }) {
  const article = await timedGet(base + ARTICLE_PATH)
  if (article.status !== 200) throw new Error(`${ARTICLE_PATH} answered ${article.status}`)
  const staticDir = path.join(workDir, 'static')
  fs.mkdirSync(staticDir)
  const htmlFile = path.join(staticDir, 'article.html')
  fs.writeFileSync(htmlFile, article.body)
  fs.writeFileSync(`${htmlFile}.gz`, zlib.gzipSync(article.body, { level: 9 }))
  result.articleHtml = { bytes: Buffer.byteLength(article.body), gzipBytes: fs.statSync(`${htmlFile}.gz`).size }
  const port = await freePort()
  const script = path.join(root, 'scripts/bench/static-server.mjs')
  const server = start(process.execPath, [script, htmlFile, String(port)], { env, name: 'static server' })
  const origin = `http://127.0.0.1:${port}`
  await waitForHttp(`${origin}/`, {
    child: server,
    timeoutMs: 10_000,
    intervalMs: 50,
    ready: (status) => status === 200,
  })
  return { server, origin }
}

/**
 * @param {import('./context.mjs').BenchContext} bench
 * @param {import('./memory.mjs').MemorySampler} memory
 */
export async function loadTargets(bench, memory) {
  const { opts, base, result } = bench
  const ceiling = await startStaticCeiling(bench)
  const listPage = listPageOf(result)
  const targets = [
    ['article', base, ARTICLE_PATH],
    ['blog index', base, '/blog'],
    [`blog page ${listPage}`, base, `/blog/page/${listPage}`],
    ['feed.xml', base, '/feed.xml'],
    ['sitemap.xml', base, '/sitemap.xml'],
    ['sitemap articles', base, '/sitemaps/articles-1.xml'],
    ['static ceiling', ceiling.origin, '/'],
  ]
  for (const [name, origin, urlPath] of targets) {
    for (let index = 0; index < 3; index++) await timedGet(origin + urlPath, { headers: GZIP })
    log(`load: ${name} ${urlPath} for ${opts.duration} s at ${opts.connections} connections`)
    const outcome = await autocannonRun({
      url: origin + urlPath,
      connections: opts.connections,
      duration: opts.duration,
    })
    result.load.push(loadEntry(name, urlPath, outcome))
  }
  const ceilingRate = result.load.find((entry) => entry.name === 'static ceiling')?.requestsPerSecond
  for (const entry of result.load) entry.ratioToCeiling = ceilingRate ? entry.requestsPerSecond / ceilingRate : null
  memory.sample()
  result.memory.peakTreeRssAfterLoadMiB = Math.round(memory.state.peakTreeRssMiB)
  await stop(ceiling.server)
}
