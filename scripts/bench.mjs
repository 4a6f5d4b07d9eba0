#!/usr/bin/env node
// `npm run bench`: the reader and editor paths measured side by side with a static ceiling, in one
// run on one machine. It seeds a fresh database in a temporary folder (demo content + generated
// articles), builds into .next-bench, serves it with server.mjs (Next behind the front cache), serves the article's HTML from a
// minimal static server, loads both with autocannon, times editor saves to the public page, counts
// what a reader downloads in Chromium, runs Lighthouse, and writes bench/results/<timestamp>.json.
//   --articles N      generated articles on top of the demo content (default 200)
//   --quick           30 articles, 3 s per target, no Lighthouse (unless --lighthouse)
//   --duration S      seconds of load per target (default 10, --quick 3)
//   --connections C   concurrent connections (default 32)
//   --edits N         editor saves timed (default 20)
//   --no-lighthouse   skip Lighthouse;  --lighthouse  run it even with --quick
//   --no-browser      skip the Chromium byte count (and Lighthouse)
//   --keep            keep the temporary database folder
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'

import autocannon from 'autocannon'

import { freePort } from './lib/http.mjs'
import { SCRIPT_TIMED_OUT } from './lib/payload.mjs'
import { bin, root } from './lib/process.mjs'
import { clearDataCache } from './lib/site.mjs'

// ---------------------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2)
const flag = (name) => argv.includes(name)
const option = (name, fallback) => {
  const index = argv.indexOf(name)
  if (index === -1) return fallback
  const value = Number(argv[index + 1])
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} needs a number`)
  return value
}
const stringOption = (name) => {
  const index = argv.indexOf(name)
  if (index === -1) return undefined
  if (!argv[index + 1]) throw new Error(`${name} needs a value`)
  return argv[index + 1]
}
const quick = flag('--quick')
const opts = {
  quick,
  articles: option('--articles', quick ? 30 : 200),
  duration: option('--duration', quick ? 3 : 10),
  connections: option('--connections', 32),
  edits: option('--edits', 20),
  browser: !flag('--no-browser'),
  lighthouse: !flag('--no-lighthouse') && !flag('--no-browser') && (!quick || flag('--lighthouse')),
  keep: flag('--keep'),
  // A database kept from an earlier run (--keep), used on a copy: the 10,000-article seed takes a while.
  database: stringOption('--database'),
  soak: flag('--soak'),
  soakDuration: option('--soak-duration', 60),
  soakConnections: option('--soak-connections', 64),
}
const PAGE_SIZE = 12
const ARTICLE_SLUG = 'ai-engineer-vs-ml-engineer'
const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium'
const LIGHTHOUSE = 'lighthouse@12.2.3'
const DIST_DIR = '.next-bench'

const startedAt = new Date()
const runStart = performance.now()
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`
const log = (message) => console.log(`[bench ${seconds(performance.now() - runStart).padStart(7)}] ${message}`)

const result = {
  startedAt: startedAt.toISOString(),
  options: opts,
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((value) => Number(value.toFixed(2))),
  },
  git: await gitInfo(),
  timings: {},
  uncached: [],
  load: [],
  notes: [],
}

async function gitInfo() {
  try {
    const commit = (await capture('git', ['rev-parse', '--short', 'HEAD'])).trim()
    const dirty = (await capture('git', ['status', '--porcelain'])).trim() !== ''
    return { commit, dirty }
  } catch {
    return null
  }
}

function capture(command, args, env = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} exited ${code}`))))
  })
}

// ---------------------------------------------------------------------------------------------------
// Processes: everything started here is stopped on the way out, error or not.

const children = new Set()

function startDetached(command, args, env, name) {
  // Its own process group, so stopping it stops whatever it spawned (the server and anything it forks).
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  child.output = ''
  const keep = (chunk) => {
    child.output = (child.output + chunk).slice(-20_000)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  child.name = name
  children.add(child)
  child.on('exit', () => children.delete(child))
  return child
}

async function stop(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const signal = (name) => {
    try {
      process.kill(-child.pid, name)
    } catch {
      // already gone
    }
  }
  signal('SIGTERM')
  const timeout = sleep(5000).then(() => 'timeout')
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    signal('SIGKILL')
    await Promise.race([exited, sleep(2000)])
  }
}

async function stopAll() {
  await Promise.all([...children].map(stop))
}

let interrupted = false
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (interrupted) return
    interrupted = true
    console.error(`\n${signal}: stopping the servers…`)
    stopAll().finally(() => process.exit(130))
  })
}

/**
 * A step run to completion within `timeoutMs`, its output streamed and kept. On the shared machine
 * `payload run` has been seen to hang at start-up, before it touched the database: such a step is
 * stopped at its deadline and, when `retry` says it is safe (nothing done yet), started once more.
 */
async function step(name, command, args, env, { timeoutMs, retry = () => false }) {
  for (let attempt = 1; ; attempt++) {
    const child = startDetached(command, args, env, name)
    child.stdout.on('data', (chunk) => process.stdout.write(chunk))
    child.stderr.on('data', (chunk) => process.stderr.write(chunk))
    let stdout = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)))
    const outcome = await Promise.race([exited, sleep(timeoutMs).then(() => 'timeout')])
    if (outcome === 0) return stdout
    if (outcome === 'timeout') await stop(child)
    const failure = `${name} ${outcome === 'timeout' ? `did not finish within ${timeoutMs / 1000} s` : `failed (${outcome})`}`
    if (attempt === 1 && (outcome === 'timeout' || outcome === SCRIPT_TIMED_OUT) && retry(stdout)) {
      result.notes.push(`${failure}; retried once.`)
      log(`${failure}; retrying once`)
      continue
    }
    throw new Error(failure)
  }
}

// ---------------------------------------------------------------------------------------------------
// Memory: the server's process tree, sampled from /proc.

function processTree(rootPid) {
  const parents = new Map()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      parents.set(Number(entry), ppid)
    } catch {
      // exited meanwhile
    }
  }
  const tree = [rootPid]
  for (let index = 0; index < tree.length; index++) {
    for (const [pid, ppid] of parents) if (ppid === tree[index]) tree.push(pid)
  }
  return tree
}

function statusKiB(pid, field) {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) : 0
  } catch {
    return 0
  }
}

function memorySampler(rootPid) {
  const state = { peakTreeRssMiB: 0, peakHwmMiB: 0, samples: 0, lastTreeRssMiB: 0 }
  const sample = () => {
    if (!fs.existsSync('/proc')) return
    let rss = 0
    for (const pid of processTree(rootPid)) {
      rss += statusKiB(pid, 'VmRSS')
      state.peakHwmMiB = Math.max(state.peakHwmMiB, statusKiB(pid, 'VmHWM') / 1024)
    }
    state.lastTreeRssMiB = rss / 1024
    state.peakTreeRssMiB = Math.max(state.peakTreeRssMiB, rss / 1024)
    state.samples++
  }
  const timer = setInterval(sample, 250)
  timer.unref()
  sample()
  return { state, sample, stop: () => clearInterval(timer) }
}

// ---------------------------------------------------------------------------------------------------
// HTTP helpers

async function timedGet(url, { headers = {}, timeoutMs = 60_000 } = {}) {
  const started = performance.now()
  const response = await fetch(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) })
  const body = await response.text()
  return { status: response.status, ms: performance.now() - started, body, headers: response.headers }
}

async function waitForPage(url, child, timeoutMs) {
  const deadline = performance.now() + timeoutMs
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (code ${child.exitCode}) before ${url} answered:\n${child.output}`)
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(30_000) })
      await response.arrayBuffer()
      if (response.status === 200) return
    } catch {
      // not listening yet
    }
    await sleep(50)
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
}

function load(name, url, { path: urlPath = '', duration = opts.duration } = {}) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: url + urlPath,
        connections: opts.connections,
        duration,
        headers: { 'accept-encoding': 'gzip, deflate, br' },
        timeout: 10,
      },
      (error, outcome) => {
        clearTimeout(guard)
        if (error) reject(error)
        else resolve(outcome)
      },
    )
    // autocannon stops by itself after `duration`; this only guards against a hung socket.
    const guard = setTimeout(() => instance.stop(), (duration + 20) * 1000)
  }).then((outcome) => ({
    name,
    path: urlPath || '/',
    requestsPerSecond: outcome.requests.average,
    requests: outcome.requests.total,
    latencyMs: { p50: outcome.latency.p50, p99: outcome.latency.p99, max: outcome.latency.max, mean: outcome.latency.average },
    bytesPerSecond: outcome.throughput.average,
    bytesPerResponse: outcome.requests.total ? Math.round(outcome.throughput.total / outcome.requests.total) : 0,
    errors: outcome.errors,
    timeouts: outcome.timeouts,
    non2xx: outcome.non2xx,
    durationS: outcome.duration,
  }))
}

// ---------------------------------------------------------------------------------------------------
// The run

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'valenx-bench-'))
const port = await freePort()
const base = `http://127.0.0.1:${port}`
const articlePath = `/blog/${ARTICLE_SLUG}`
// A kept database (--database) already has its admin: its login comes from ADMIN_EMAIL / ADMIN_PASSWORD.
const admin = opts.database
  ? { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD }
  : { email: 'bench@valenx.local', password: crypto.randomBytes(18).toString('base64url') }
if (opts.database && !(admin.email && admin.password)) throw new Error('--database needs ADMIN_EMAIL and ADMIN_PASSWORD of that database.')
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  NODE_OPTIONS: '--no-deprecation',
  PORT: String(port),
  DATA_DIR: workDir,
  DATABASE_URI: `file:${path.join(workDir, 'bench.db')}`,
  PAYLOAD_SECRET: crypto.randomBytes(32).toString('base64url'),
  ADMIN_EMAIL: admin.email,
  ADMIN_PASSWORD: admin.password,
  NEXT_DIST_DIR: DIST_DIR,
  NEXT_PUBLIC_SERVER_URL: `http://localhost:${port}`,
}
delete env.NEXT_OUTPUT

let server
let memory
let exitCode = 0
try {
  log(`options: ${JSON.stringify(opts)}; load average ${result.machine.loadAverageAtStart.join(' ')} on ${result.machine.cpus} cores`)
  log(`database and uploads in ${workDir}`)

  // 1. A fresh database: migrations, demo content, then the generated articles.
  if (opts.database) {
    for (const suffix of ['', '-wal']) {
      if (fs.existsSync(opts.database + suffix)) fs.copyFileSync(opts.database + suffix, path.join(workDir, `bench.db${suffix}`))
    }
    log(`using a copy of ${opts.database}: migrations only, no seeding`)
  }
  let started = performance.now()
  await step('prepare', bin('payload'), ['run', 'src/scripts/prepare.ts'], env, {
    timeoutMs: 180_000,
    // Safe to run again: it migrates and seeds only what is missing.
    retry: (output) => !output.includes('prepared:'),
  })
  result.timings.prepareMs = Math.round(performance.now() - started)
  if (!opts.database) {
    started = performance.now()
    const seedOutput = await step(
      'bench-seed',
      bin('payload'),
      ['run', 'src/scripts/bench-seed.ts'],
      { ...env, BENCH_ARTICLES: String(opts.articles), SCRIPT_TIMEOUT_MS: String(180_000 + opts.articles * 1_000) },
      {
        // Generous: about 0.2 s an article on a loaded 2-core machine, times five.
        timeoutMs: 180_000 + opts.articles * 1_000,
        retry: (output) => !output.includes('bench-seed:'),
      },
    )
    result.timings.seedWallMs = Math.round(performance.now() - started)
    const seedMarker = /bench-seed: created=(\d+) ms=(\d+)/.exec(seedOutput)
    if (!seedMarker) throw new Error('bench-seed.ts stopped before it finished')
    result.timings.seedMs = Number(seedMarker[2])
    result.seededArticles = Number(seedMarker[1])
    result.wordsPerArticle = Number(/average (\d+) words/.exec(seedOutput)?.[1] ?? 0)
    log(`seeded ${result.seededArticles} articles in ${seconds(result.timings.seedMs)} (${seconds(result.timings.seedWallMs)} with Payload start-up)`)
  }

  // 2. The production build, in its own folder.
  started = performance.now()
  clearDataCache(DIST_DIR)
  await step('next build', bin('next'), ['build'], { ...env, NODE_ENV: 'production' }, { timeoutMs: 1_800_000 + opts.articles * 500 })
  result.timings.buildMs = Math.round(performance.now() - started)
  log(`built in ${seconds(result.timings.buildMs)}`)

  // 3. Cold start: from spawning the server to the first article page.
  started = performance.now()
  server = startDetached(process.execPath, [path.join(root, 'server.mjs'), '-p', String(port), '-H', '127.0.0.1'], { ...env, NODE_ENV: 'production' }, 'server')
  memory = memorySampler(server.pid)
  await waitForPage(base + articlePath, server, 120_000)
  result.timings.coldStartToFirstPageMs = Math.round(performance.now() - started)
  memory.sample()
  result.memory = { idleAfterStartMiB: Math.round(memory.state.lastTreeRssMiB) }
  log(`cold start to first article page: ${result.timings.coldStartToFirstPageMs} ms`)

  if (opts.database) {
    const { totalDocs } = await (await fetch(`${base}/api/articles?limit=1&depth=0`)).json()
    result.seededArticles = totalDocs - 5
  }
  const totalArticles = result.seededArticles + 5

  // 4. Uncached renders. Category pages and /blog/page/N are rendered on their first request; the
  //    home, /blog, sitemap and feed are pre-rendered by the build, so a save that revalidates the
  //    article lists (a salary table save, as an editor would make) comes first.
  const lastPage = Math.max(1, Math.ceil(totalArticles / PAGE_SIZE))
  const listPage = totalArticles >= 120 ? 10 : lastPage
  const login = await fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  })
  const { token } = await login.json()
  if (!token) throw new Error(`admin login failed (${login.status})`)
  const auth = { authorization: `JWT ${token}`, 'content-type': 'application/json' }
  const tables = await (await fetch(`${base}/api/salary-tables?depth=0&limit=1&sort=createdAt`, { headers: auth })).json()
  const table = tables.docs?.[0]
  if (!table) throw new Error('no salary table found through the REST API')
  const patchTable = async (rows) => {
    const response = await fetch(`${base}/api/salary-tables/${table.id}?depth=0`, { method: 'PATCH', headers: auth, body: JSON.stringify({ rows }) })
    const body = await response.json()
    if (!response.ok) throw new Error(`PATCH salary table failed (${response.status}): ${JSON.stringify(body).slice(0, 500)}`)
    return body.doc
  }
  const firstRequest = async (name, urlPath) => {
    const response = await timedGet(base + urlPath, { headers: { 'accept-encoding': 'gzip' } })
    const entry = { name, path: urlPath, ms: Math.round(response.ms), status: response.status, cache: response.headers.get('x-nextjs-cache'), frontCache: response.headers.get('x-front-cache') }
    result.uncached.push(entry)
    log(`uncached ${name} ${urlPath}: ${entry.ms} ms (${entry.status}${entry.cache ? `, ${entry.cache}` : ''})`)
  }
  // Two categories: the first request into a route also loads its code, the second is the render alone.
  await firstRequest('category page', '/blog/category/comparisons')
  await firstRequest('second category page', '/blog/category/career-paths')
  await firstRequest(`blog page ${listPage}`, `/blog/page/${listPage}`)
  await patchTable(table.rows)
  for (const [name, urlPath] of [
    ['blog index', '/blog'],
    ['sitemap index', '/sitemap.xml'],
    ['sitemap articles', '/sitemaps/articles-1.xml'],
    ['sitemap pages', '/sitemaps/pages.xml'],
    ['feed', '/feed.xml'],
    ['home', '/'],
    ['article', articlePath],
  ]) {
    await firstRequest(name, urlPath)
  }

  // 5. The static ceiling: the article as the server renders it, served from memory.
  const article = await timedGet(base + articlePath)
  if (article.status !== 200) throw new Error(`${articlePath} answered ${article.status}`)
  const staticDir = path.join(workDir, 'static')
  fs.mkdirSync(staticDir)
  const htmlFile = path.join(staticDir, 'article.html')
  fs.writeFileSync(htmlFile, article.body)
  fs.writeFileSync(`${htmlFile}.gz`, zlib.gzipSync(article.body, { level: 9 }))
  result.articleHtml = { bytes: Buffer.byteLength(article.body), gzipBytes: fs.statSync(`${htmlFile}.gz`).size }
  const staticPort = await freePort()
  const staticServer = startDetached(process.execPath, [path.join(root, 'scripts/bench/static-server.mjs'), htmlFile, String(staticPort)], env, 'static server')
  const staticBase = `http://127.0.0.1:${staticPort}`
  await waitForPage(`${staticBase}/`, staticServer, 10_000)

  // 6. Load: each target warmed (cached) first, then measured at opts.connections connections.
  const targets = [
    ['article', base, articlePath],
    ['blog index', base, '/blog'],
    [`blog page ${listPage}`, base, `/blog/page/${listPage}`],
    ['feed.xml', base, '/feed.xml'],
    ['sitemap.xml', base, '/sitemap.xml'],
    ['sitemap articles', base, '/sitemaps/articles-1.xml'],
    ['static ceiling', staticBase, '/'],
  ]
  for (const [name, origin, urlPath] of targets) {
    for (let index = 0; index < 3; index++) await timedGet(origin + urlPath, { headers: { 'accept-encoding': 'gzip' } })
    log(`load: ${name} ${urlPath} for ${opts.duration} s at ${opts.connections} connections`)
    const outcome = await load(name, origin, { path: urlPath })
    result.load.push(outcome)
  }
  const ceiling = result.load.find((entry) => entry.name === 'static ceiling')
  for (const entry of result.load) entry.ratioToCeiling = ceiling?.requestsPerSecond ? entry.requestsPerSecond / ceiling.requestsPerSecond : null
  memory.sample()
  result.memory.peakTreeRssAfterLoadMiB = Math.round(memory.state.peakTreeRssMiB)
  await stop(staticServer)

  // 7. The editor path: a salary figure saved through the REST API, timed until the public page shows it.
  const rows = structuredClone(table.rows)
  const row = rows[0]
  const edits = []
  for (let index = 0; index < opts.edits; index++) {
    row.base = table.rows[0].base + (index + 1) * 111
    const expected = new Intl.NumberFormat('en-US', { style: 'currency', currency: table.currency || 'USD', maximumFractionDigits: 0 }).format(
      row.base + row.equity + row.bonus,
    )
    const saveStarted = performance.now()
    await patchTable(rows)
    const saved = performance.now()
    let seen = null
    let polls = 0
    while (performance.now() - saved < 15_000) {
      polls++
      const page = await timedGet(base + articlePath, { headers: { 'accept-encoding': 'gzip' }, timeoutMs: 15_000 })
      if (page.status === 200 && page.body.includes(expected)) {
        seen = performance.now()
        break
      }
      await sleep(10)
    }
    edits.push({ saveMs: Math.round(saved - saveStarted), toPageMs: seen ? Math.round(seen - saved) : null, polls, expected })
  }
  const toPage = edits.map((edit) => edit.toPageMs ?? Infinity).sort((a, b) => a - b)
  result.editorPath = {
    edits,
    medianMs: toPage.length ? toPage[Math.floor((toPage.length - 1) / 2)] : null,
    worstMs: toPage.length ? toPage[toPage.length - 1] : null,
    medianSaveMs: edits.map((edit) => edit.saveMs).sort((a, b) => a - b)[Math.floor((edits.length - 1) / 2)],
    missed: edits.filter((edit) => edit.toPageMs === null).length,
  }
  if (!Number.isFinite(result.editorPath.worstMs)) result.editorPath.worstMs = null
  log(`editor path: median ${result.editorPath.medianMs} ms, worst ${result.editorPath.worstMs ?? 'not seen within 15 s'} ms`)

  // 7b. The soak (--soak): readers on four pages and an editor saving every second, for a minute.
  if (opts.soak) {
    result.soak = await soak({ base, table, patchTable, auth, memory })
    if (!result.soak.passed) exitCode = 1
  }

  // 8. What a reader downloads, and Lighthouse.
  const hasChromium = fs.existsSync(CHROMIUM)
  if (!opts.browser) result.notes.push('Browser measurements skipped (--no-browser).')
  else if (!hasChromium) result.notes.push(`No Chromium at ${CHROMIUM} (set CHROME_PATH): browser bytes and Lighthouse skipped.`)
  else {
    result.browser = await browserBytes(base + articlePath)
    log(`browser: ${result.browser.totalBytes} B transferred, ${result.browser.jsBytes} B of JavaScript in ${result.browser.js.length} files`)
    if (opts.lighthouse) {
      result.lighthouse = {}
      for (const [name, urlPath] of [['article', articlePath], ['blog index', '/blog']]) {
        result.lighthouse[name] = await lighthouse(base + urlPath, name)
      }
    } else result.notes.push(`Lighthouse skipped (${opts.quick ? '--quick' : '--no-lighthouse'}).`)
  }

  memory.sample()
  result.memory.peakTreeRssMiB = Math.round(memory.state.peakTreeRssMiB)
  result.memory.peakProcessHwmMiB = Math.round(memory.state.peakHwmMiB)
  result.memory.samples = memory.state.samples
} catch (error) {
  exitCode = 1
  result.error = String(error?.stack ?? error)
  console.error(error)
  if (server?.output) console.error(`--- last server output ---\n${server.output.slice(-4000)}`)
} finally {
  memory?.stop()
  await stopAll()
  if (!opts.keep) fs.rmSync(workDir, { recursive: true, force: true })
}

result.machine.loadAverageAtEnd = os.loadavg().map((value) => Number(value.toFixed(2)))
result.timings.totalMs = Math.round(performance.now() - runStart)
const resultsDir = path.join(root, 'bench', 'results')
fs.mkdirSync(resultsDir, { recursive: true })
const resultFile = path.join(resultsDir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`)
fs.writeFileSync(resultFile, JSON.stringify(result, null, 2) + '\n')
console.log(`\n${report(result)}\n\nResults: ${path.relative(root, resultFile)}`)
process.exit(exitCode)

// ---------------------------------------------------------------------------------------------------

/**
 * Readers at opts.soakConnections connections cycling through the article, the index, a search and
 * the feed, while an editor saves the salary table once a second (each save changes a figure the
 * article shows). A warm-up at the same load, saves included, comes first, so the memory compared is that of a warm
 * server. Afterwards every acknowledged save must be found among the table's versions and the last
 * one on the public page: a "lost save" is an acknowledged save that is not.
 */
async function soak({ base, table, patchTable, auth, memory }) {
  const paths = [articlePath, '/blog', '/search?q=engineer', '/feed.xml']
  const readers = (duration) =>
    new Promise((resolve, reject) => {
      const instance = autocannon(
        {
          url: base,
          connections: opts.soakConnections,
          duration,
          headers: { 'accept-encoding': 'gzip, deflate, br' },
          timeout: 10,
          requests: paths.map((urlPath) => ({ method: 'GET', path: urlPath })),
        },
        (error, outcome) => {
          clearTimeout(guard)
          if (error) reject(error)
          else resolve(outcome)
        },
      )
      const guard = setTimeout(() => instance.stop(), (duration + 20) * 1000)
    })
  // RSS averaged over a second of samples: one sample can land either side of a garbage collection.
  const settledRss = async () => {
    let total = 0
    for (let index = 0; index < 4; index++) {
      memory.sample()
      total += memory.state.lastTreeRssMiB
      await sleep(250)
    }
    return total / 4
  }

  // The editor saves once a second during the warm-up too: each save revalidates the pages, so
  // without them the warm-up would measure a server that only answers from its caches, and the
  // memory baseline would sit below the steady state the soak then reaches.
  const rows = structuredClone(table.rows)
  const saves = []
  const editor = async (durationS) => {
    const deadline = performance.now() + durationS * 1000
    while (performance.now() < deadline) {
      const tick = performance.now()
      rows[0].base = table.rows[0].base + 7 * (saves.length + 1)
      const save = { base: rows[0].base, ok: false, ms: 0, error: null }
      saves.push(save)
      try {
        await patchTable(rows)
        save.ok = true
      } catch (error) {
        save.error = String(error.message ?? error).slice(0, 300)
      }
      save.ms = Math.round(performance.now() - tick)
      await sleep(Math.max(0, 1000 - (performance.now() - tick)))
    }
  }

  const warmUpS = Math.min(15, Math.max(5, Math.round(opts.soakDuration / 4)))
  log(`soak: warm-up ${warmUpS} s at ${opts.soakConnections} connections, a salary-table save every second`)
  await Promise.all([readers(warmUpS), editor(warmUpS)])
  const rssAfterWarmUpMiB = await settledRss()

  log(`soak: ${opts.soakDuration} s at ${opts.soakConnections} connections over ${paths.join(', ')}, a salary-table save every second`)
  const warmUpSaves = saves.length
  const editing = editor(opts.soakDuration)
  const outcome = await readers(opts.soakDuration)
  const rssAtEndMiB = await settledRss()
  await editing

  // Every acknowledged save, found again: the table's versions hold each saved figure once.
  const versions = await (
    await fetch(`${base}/api/salary-tables/versions?where[parent][equals]=${table.id}&depth=0&limit=0&sort=-updatedAt`, { headers: auth })
  ).json()
  const savedBases = new Set((versions.docs ?? []).map((version) => version.version?.rows?.[0]?.base))
  // The soak's own saves: the table keeps its newest 100 versions, and the warm-up's may be pruned.
  const soakSaves = saves.slice(warmUpSaves)
  const acknowledged = soakSaves.filter((save) => save.ok)
  const lost = acknowledged.filter((save) => !savedBases.has(save.base))
  const current = await (await fetch(`${base}/api/salary-tables/${table.id}?depth=0`, { headers: auth })).json()
  const last = acknowledged.at(-1)
  const lastIsCurrent = !last || current.rows?.[0]?.base === last.base
  const lastTotal = last
    ? new Intl.NumberFormat('en-US', { style: 'currency', currency: table.currency || 'USD', maximumFractionDigits: 0 }).format(
        last.base + rows[0].equity + rows[0].bonus,
      )
    : null
  let lastSaveOnPage = null
  for (const deadline = performance.now() + 5000; lastTotal && !lastSaveOnPage && performance.now() < deadline; await sleep(100)) {
    lastSaveOnPage = (await timedGet(base + articlePath)).body.includes(lastTotal)
  }
  // Leave the table as it was, for the steps that follow.
  await patchTable(table.rows)

  const saveMs = acknowledged.map((save) => save.ms).sort((a, b) => a - b)
  const summary = {
    durationS: opts.soakDuration,
    connections: opts.soakConnections,
    paths,
    requests: outcome.requests.total,
    requestsPerSecond: outcome.requests.average,
    latencyMs: { p50: outcome.latency.p50, p99: outcome.latency.p99, max: outcome.latency.max },
    errors: outcome.errors,
    timeouts: outcome.timeouts,
    non2xx: outcome.non2xx,
    saves: soakSaves.length,
    savesAcknowledged: acknowledged.length,
    saveErrors: soakSaves.filter((save) => !save.ok).map((save) => save.error),
    saveMs: { median: saveMs[Math.floor((saveMs.length - 1) / 2)] ?? null, worst: saveMs.at(-1) ?? null },
    lostSaves: lost.length,
    lastSaveIsCurrent: lastIsCurrent,
    lastSaveOnPage,
    rssAfterWarmUpMiB: Math.round(rssAfterWarmUpMiB),
    rssAtEndMiB: Math.round(rssAtEndMiB),
    rssGrowthPercent: Number((((rssAtEndMiB - rssAfterWarmUpMiB) / rssAfterWarmUpMiB) * 100).toFixed(1)),
  }
  summary.passed =
    summary.errors + summary.timeouts + summary.non2xx === 0 &&
    summary.saveErrors.length === 0 &&
    summary.lostSaves === 0 &&
    summary.lastSaveIsCurrent &&
    summary.lastSaveOnPage !== false &&
    summary.rssGrowthPercent <= 10
  log(
    `soak: ${summary.requests} requests, ${summary.errors + summary.timeouts} errors, ${summary.non2xx} non-2xx; ` +
      `${summary.savesAcknowledged}/${summary.saves} saves acknowledged, ${summary.lostSaves} lost; RSS ${summary.rssAfterWarmUpMiB} → ${summary.rssAtEndMiB} MiB (${summary.rssGrowthPercent}%)`,
  )
  return summary
}

async function browserBytes(url) {
  const { chromium } = await import('@playwright/test')
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  try {
    const context = await browser.newContext()
    const page = await context.newPage()
    const finished = []
    page.on('requestfinished', (request) => finished.push(request))
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 })
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined)
    const entries = []
    for (const request of finished) {
      const sizes = await request.sizes().catch(() => null)
      const response = await request.response()
      const decoded = await response?.body().then((body) => body.length).catch(() => null)
      entries.push({
        url: request.url().replace(url.replace(/\/blog\/.*$/, ''), ''),
        type: request.resourceType(),
        status: response?.status() ?? null,
        // Chromium now and then reports a negative body size for the streamed document: unknown, not 0.
        transferBytes: sizes && sizes.responseBodySize >= 0 ? sizes.responseBodySize + sizes.responseHeadersSize : null,
        bodyBytes: sizes && sizes.responseBodySize >= 0 ? sizes.responseBodySize : null,
        decodedBytes: decoded,
        encoding: (await response?.headerValue('content-encoding').catch(() => null)) ?? null,
        // A 307 here with no body is Chromium's own internal redirect (its reason is in this header).
        ...(response && response.status() >= 300 && response.status() < 400
          ? { location: await response.headerValue('location'), reason: await response.headerValue('non-authoritative-reason') }
          : {}),
      })
    }
    const js = entries.filter((entry) => entry.type === 'script')
    const sum = (list, key) => list.reduce((total, entry) => total + (entry[key] ?? 0), 0)
    const unknown = entries.filter((entry) => entry.transferBytes === null && entry.status === 200).map((entry) => entry.url)
    if (unknown.length) result.notes.push(`Chromium reported no transfer size for ${unknown.join(', ')}: not counted in the reader's bytes.`)
    return {
      requests: entries.length,
      unknownSizes: unknown,
      totalBytes: sum(entries, 'transferBytes'),
      totalDecodedBytes: sum(entries, 'decodedBytes'),
      jsBytes: sum(js, 'transferBytes'),
      jsDecodedBytes: sum(js, 'decodedBytes'),
      js: js.map(({ url: file, transferBytes, decodedBytes, encoding }) => ({ file, transferBytes, decodedBytes, encoding })),
      resources: entries,
    }
  } finally {
    await browser.close()
  }
}

async function lighthouse(url, name) {
  const output = path.join(workDir, `lighthouse-${name.replace(/\W+/g, '-')}.json`)
  log(`lighthouse (mobile): ${url}`)
  const child = startDetached(
    'npx',
    [
      '--yes',
      LIGHTHOUSE,
      url,
      '--output=json',
      `--output-path=${output}`,
      '--only-categories=performance,accessibility,best-practices,seo',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
      '--quiet',
    ],
    { ...env, CHROME_PATH: CHROMIUM, NODE_OPTIONS: '' },
    'lighthouse',
  )
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)))
  const code = await Promise.race([exited, sleep(240_000).then(() => 'timeout')])
  if (code === 'timeout') await stop(child)
  if (code !== 0 || !fs.existsSync(output)) return { error: `lighthouse ${code === 'timeout' ? 'timed out' : `exited ${code}`}: ${child.output.slice(-1500)}` }
  const report = JSON.parse(fs.readFileSync(output, 'utf8'))
  const scores = Object.fromEntries(Object.entries(report.categories).map(([key, category]) => [key, Math.round(category.score * 100)]))
  const metric = (id) => report.audits[id]?.numericValue
  const failing = []
  for (const [key, category] of Object.entries(report.categories)) {
    for (const ref of category.auditRefs) {
      const audit = report.audits[ref.id]
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) failing.push({ category: key, id: ref.id, score: audit.score, title: audit.title })
    }
  }
  return {
    scores,
    metricsMs: {
      fcp: Math.round(metric('first-contentful-paint')),
      lcp: Math.round(metric('largest-contentful-paint')),
      tbt: Math.round(metric('total-blocking-time')),
      speedIndex: Math.round(metric('speed-index')),
      cls: Number((metric('cumulative-layout-shift') ?? 0).toFixed(3)),
    },
    failing,
    warnings: report.runWarnings,
  }
}

function report(data) {
  const lines = []
  const pad = (value, width) => String(value).padStart(width)
  const fmt = (value, digits = 0) => (value === null || value === undefined || Number.isNaN(value) ? '–' : Number(value).toFixed(digits))
  lines.push(`Valenx Press benchmark, ${data.startedAt} (${data.git ? `${data.git.commit}${data.git.dirty ? '+dirty' : ''}` : 'no git'})`)
  lines.push(
    `${data.machine.cpus} cores, Node ${data.machine.node}, load average ${data.machine.loadAverageAtStart.join(' ')} at start, ${(data.machine.loadAverageAtEnd ?? []).join(' ')} at end`,
  )
  lines.push(
    `${data.seededArticles ?? '?'} generated articles (+5 demo, ~${data.wordsPerArticle ?? '?'} words each); ${data.options.connections} connections, ${data.options.duration} s per target, gzip accepted, loopback`,
  )
  lines.push('')
  lines.push(`${'target'.padEnd(16)} ${pad('req/s', 8)} ${pad('p50 ms', 7)} ${pad('p99 ms', 7)} ${pad('KB/s', 8)} ${pad('B/resp', 7)} ${pad('errors', 6)} ${pad('non2xx', 6)} ${pad('× ceiling', 9)}`)
  for (const entry of data.load) {
    lines.push(
      `${entry.name.padEnd(16)} ${pad(fmt(entry.requestsPerSecond), 8)} ${pad(fmt(entry.latencyMs.p50), 7)} ${pad(fmt(entry.latencyMs.p99), 7)} ${pad(fmt(entry.bytesPerSecond / 1024), 8)} ${pad(entry.bytesPerResponse, 7)} ${pad(entry.errors + entry.timeouts, 6)} ${pad(entry.non2xx, 6)} ${pad(fmt(entry.ratioToCeiling, 3), 9)}`,
    )
  }
  lines.push('')
  const t = data.timings
  lines.push(`seeding: ${t.seedMs !== undefined ? seconds(t.seedMs) : '–'}   build: ${t.buildMs !== undefined ? seconds(t.buildMs) : '–'}   cold start to first page: ${t.coldStartToFirstPageMs ?? '–'} ms`)
  if (data.uncached.length) lines.push(`uncached first render: ${data.uncached.map((entry) => `${entry.path} ${entry.ms} ms`).join(', ')}`)
  if (data.editorPath) {
    lines.push(
      `editor path (${data.editorPath.edits.length} salary saves → public page): median ${data.editorPath.medianMs ?? '–'} ms, worst ${data.editorPath.worstMs ?? 'not seen'} ms (save itself: median ${data.editorPath.medianSaveMs} ms)`,
    )
  }
  if (data.memory) lines.push(`server RSS (process tree): ${data.memory.idleAfterStartMiB} MiB after start, peak ${data.memory.peakTreeRssMiB ?? data.memory.peakTreeRssAfterLoadMiB ?? '–'} MiB`)
  if (data.articleHtml) lines.push(`article HTML: ${data.articleHtml.bytes} B, ${data.articleHtml.gzipBytes} B gzipped`)
  if (data.browser) {
    lines.push(`reader download (article, Chromium): ${data.browser.requests} requests, ${data.browser.totalBytes} B transferred; JavaScript ${data.browser.jsBytes} B transferred (${data.browser.jsDecodedBytes} B decoded)`)
    for (const file of data.browser.js) lines.push(`  ${file.file}  ${file.transferBytes} B (${file.decodedBytes} B decoded)`)
  }
  if (data.lighthouse) {
    for (const [name, entry] of Object.entries(data.lighthouse)) {
      if (entry.error) lines.push(`lighthouse ${name}: ${entry.error.split('\n')[0]}`)
      else {
        lines.push(
          `lighthouse ${name} (mobile): performance ${entry.scores.performance}, accessibility ${entry.scores.accessibility}, best practices ${entry.scores['best-practices']}, SEO ${entry.scores.seo}; FCP ${entry.metricsMs.fcp} ms, LCP ${entry.metricsMs.lcp} ms, TBT ${entry.metricsMs.tbt} ms, CLS ${entry.metricsMs.cls}`,
        )
        for (const audit of entry.failing) lines.push(`  below 1: ${audit.category} ${audit.id} (${audit.score})`)
      }
    }
  }
  if (data.soak) {
    const soak = data.soak
    lines.push(
      `soak (${soak.durationS} s, ${soak.connections} connections, ${soak.paths.join(' ')}): ${fmt(soak.requestsPerSecond)} req/s, p50 ${soak.latencyMs.p50} ms, p99 ${soak.latencyMs.p99} ms, ` +
        `${soak.errors + soak.timeouts} errors, ${soak.non2xx} non-2xx`,
    )
    lines.push(
      `  editor: ${soak.savesAcknowledged}/${soak.saves} saves acknowledged (median ${soak.saveMs.median} ms, worst ${soak.saveMs.worst} ms), ${soak.lostSaves} lost, ` +
        `last save current: ${soak.lastSaveIsCurrent ? 'yes' : 'NO'}, on the page: ${soak.lastSaveOnPage === null ? '–' : soak.lastSaveOnPage ? 'yes' : 'NO'}`,
    )
    lines.push(`  server RSS ${soak.rssAfterWarmUpMiB} MiB after warm-up, ${soak.rssAtEndMiB} MiB at the end (${soak.rssGrowthPercent > 0 ? '+' : ''}${soak.rssGrowthPercent}%): ${soak.passed ? 'PASS' : 'FAIL'}`)
  }
  for (const note of data.notes) lines.push(`note: ${note}`)
  lines.push(`total run time: ${seconds(t.totalMs ?? 0)}`)
  if (data.error) lines.push(`FAILED: ${data.error.split('\n')[0]}`)
  return lines.join('\n')
}
