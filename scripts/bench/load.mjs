// Stages 5 and 6: the static ceilings (the article's HTML, pre-compressed, served from memory by
// static-server.mjs and from disk by nginx), then wrk's load on each target (in its own process,
// wrk.mjs), warmed first, and each target's ratio to the ceiling (nginx's when it runs).
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

import autocannon from 'autocannon'

import { freePort, waitForHttp } from '../lib/http.mjs'
import { root, start, stop } from '../lib/process.mjs'
import { log } from './context.mjs'
import { GZIP, timedGet } from './http.mjs'
import { startNginxCeiling } from './nginx.mjs'
import { ARTICLE_PATH } from './options.mjs'
import { listPageOf } from './uncached.mjs'
import { wrkRun } from './wrk.mjs'

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
      p90: outcome.latency.p90,
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
  return { server, origin, htmlFile }
}

/** The reader paths measured on every site under test. */
export function readerTargets(result) {
  const listPage = listPageOf(result)
  return [
    ['article', ARTICLE_PATH],
    ['blog index', '/blog'],
    [`blog page ${listPage}`, `/blog/page/${listPage}`],
    ['feed.xml', '/feed.xml'],
    ['sitemap.xml', '/sitemap.xml'],
    ['sitemap articles', '/sitemaps/articles-1.xml'],
  ]
}

/**
 * Three warm-up requests, then wrk's load on one target; its entry goes into result.load unless
 * `keep` is false.
 * @param {import('./context.mjs').BenchContext} bench
 * @param {string} name @param {string} origin @param {string} urlPath
 */
export async function loadTarget({ opts, result }, name, origin, urlPath, { keep = true } = {}) {
  for (let index = 0; index < 3; index++) await timedGet(origin + urlPath, { headers: GZIP })
  log(`load: ${name} ${origin}${urlPath} for ${opts.duration} s at ${opts.connections} connections`)
  const outcome = await wrkRun({ url: origin + urlPath, connections: opts.connections, duration: opts.duration })
  const entry = loadEntry(name, urlPath, outcome)
  if (keep) result.load.push(entry)
  return entry
}

/** Several runs of one target as one entry: the rate over all of them, the worst of each latency. */
function mergedEntry(runs) {
  const [first] = runs
  const sum = (pick) => runs.reduce((total, run) => total + pick(run), 0)
  const worst = (pick) => Math.max(...runs.map(pick))
  const durationS = sum((run) => run.durationS)
  const requests = sum((run) => run.requests)
  const bytes = sum((run) => run.bytesPerSecond * run.durationS)
  return {
    ...first,
    requestsPerSecond: requests / durationS,
    requests,
    latencyMs: Object.fromEntries(Object.keys(first.latencyMs).map((key) => [key, worst((run) => run.latencyMs[key])])),
    bytesPerSecond: bytes / durationS,
    errors: sum((run) => run.errors),
    timeouts: sum((run) => run.timeouts),
    non2xx: sum((run) => run.non2xx),
    durationS,
    runs: runs.length,
  }
}

/**
 * A target measured in turn with the nginx ceiling, `rounds` times each (nginx first), so that
 * both see the machine as it is at that moment: on a shared 2-core machine a figure taken minutes
 * apart can differ by half. Pushes the target's entry, with `ratioToCeiling` to the nginx runs
 * beside it (also pushed, as `<ceilingName>`), and returns both.
 * @param {import('./context.mjs').BenchContext} bench
 * @param {{ name: string, origin: string, path: string }} target
 * @param {{ origin: string }} nginx
 * @param {{ ceilingName: string, rounds?: number }} options
 */
export async function pairedWithNginx(bench, target, nginx, { ceilingName, rounds = 3 }) {
  const targetRuns = []
  const nginxRuns = []
  // A second of load first, not counted: a server's first second under load (threads started,
  // code optimised) is not what it serves at.
  await wrkRun({ url: target.origin + target.path, connections: bench.opts.connections, duration: 1 })
  for (let round = 0; round < rounds; round++) {
    nginxRuns.push(await loadTarget(bench, ceilingName, nginx.origin, '/', { keep: false }))
    targetRuns.push(await loadTarget(bench, target.name, target.origin, target.path, { keep: false }))
  }
  const ceiling = mergedEntry(nginxRuns)
  const entry = mergedEntry(targetRuns)
  entry.ratioToCeiling = entry.requestsPerSecond / ceiling.requestsPerSecond
  entry.pairedWith = ceilingName
  ceiling.ratioToCeiling = 1
  bench.result.load.push(entry, ceiling)
  return { entry, ceiling }
}

/**
 * The reader targets of the server under test (bench.base), then the two static ceilings, and
 * every target's ratio to the ceiling: nginx's, or the node server's when nginx is not installed.
 * @param {import('./context.mjs').BenchContext} bench
 * @param {import('./memory.mjs').MemorySampler | undefined} memory
 */
export async function loadTargets(bench, memory) {
  const { base, result } = bench
  const ceiling = await startStaticCeiling(bench)
  const nginx = await startNginxCeiling(ceiling.htmlFile, result.notes)
  bench.ceilingHtml = ceiling.htmlFile
  for (const [name, urlPath] of readerTargets(result)) {
    // The article, the page every target is about, is measured in turn with nginx.
    if (nginx && urlPath === ARTICLE_PATH)
      await pairedWithNginx(bench, { name, origin: base, path: urlPath }, nginx, { ceilingName: 'nginx beside it' })
    else await loadTarget(bench, name, base, urlPath)
  }
  await loadTarget(bench, 'static ceiling', ceiling.origin, '/')
  if (nginx) await loadTarget(bench, 'nginx ceiling', nginx.origin, '/')
  const ceilingName = nginx ? 'nginx ceiling' : 'static ceiling'
  const ceilingRate = result.load.find((entry) => entry.name === ceilingName)?.requestsPerSecond
  result.ceiling = ceilingName
  for (const entry of result.load) {
    if (entry.ratioToCeiling === undefined)
      entry.ratioToCeiling = ceilingRate ? entry.requestsPerSecond / ceilingRate : null
  }
  if (memory) {
    memory.sample()
    result.memory.peakTreeRssAfterLoadMiB = Math.round(memory.state.peakTreeRssMiB)
  }
  await stop(ceiling.server)
  if (nginx) await stop(nginx.server)
}
