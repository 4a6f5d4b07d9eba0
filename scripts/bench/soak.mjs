// The soak (--soak, between the editor path and the browser): readers at opts.soakConnections
// cycling through the article, the index, a search and the feed, while an editor saves the salary
// table once a second (each save changes a figure the article shows). A warm-up at the same load,
// saves included, comes first, so the memory compared is that of a warm server. Afterwards every
// acknowledged save must be found among the table's versions and the last one on the public page:
// a "lost save" is an acknowledged save that is not. Then the readers go on while malformed bodies
// arrive instead of saves (./malformed.mjs).
import crypto from 'node:crypto'

import { sleep } from '../lib/process.mjs'
import { log } from './context.mjs'
import { timedGet } from './http.mjs'
import { autocannonRun } from './load.mjs'
import { malformedSoak } from './malformed.mjs'
import { settledRssMiB } from './memory.mjs'
import { ARTICLE_PATH } from './options.mjs'
import { wrkRun } from './wrk.mjs'

const PATHS = [ARTICLE_PATH, '/blog', '/search?q=engineer', '/feed.xml']

/**
 * One save a second until `durationS` has passed, each recorded in `saves` (acknowledged or not).
 * @param {import('./editor-api.mjs').Editor} editor
 */
function savingEditor(editor) {
  const { table } = editor
  const rows = structuredClone(table.rows)
  const saves = []
  const saveFor = async (durationS) => {
    const deadline = performance.now() + durationS * 1000
    while (performance.now() < deadline) {
      const tick = performance.now()
      rows[0].base = table.rows[0].base + 7 * (saves.length + 1)
      const save = { base: rows[0].base, ok: false, ms: 0, error: null }
      saves.push(save)
      try {
        await editor.saveRows(rows)
        save.ok = true
      } catch (error) {
        save.error = String(error.message ?? error).slice(0, 300)
      }
      save.ms = Math.round(performance.now() - tick)
      await sleep(Math.max(0, 1000 - (performance.now() - tick)))
    }
  }
  return { rows, saves, saveFor }
}

/**
 * Whether the acknowledged saves all stuck: found among the table's versions, the last one current
 * and (within 5 s) on the public page.
 * @param {import('./editor-api.mjs').Editor} editor
 */
async function checkSaves(editor, acknowledged, rows) {
  const { base, auth, table } = editor
  const query = `where[parent][equals]=${table.id}&depth=0&limit=0&sort=-updatedAt`
  const versions = await (await fetch(`${base}/api/salary-tables/versions?${query}`, { headers: auth })).json()
  const savedBases = new Set((versions.docs ?? []).map((version) => version.version?.rows?.[0]?.base))
  const current = await (await fetch(`${base}/api/salary-tables/${table.id}?depth=0`, { headers: auth })).json()
  const last = acknowledged.at(-1)
  const lastTotal = last ? editor.totalText({ ...rows[0], base: last.base }) : null
  let lastSaveOnPage = null
  for (
    const deadline = performance.now() + 5000;
    lastTotal && !lastSaveOnPage && performance.now() < deadline;
    await sleep(100)
  ) {
    lastSaveOnPage = (await timedGet(base + ARTICLE_PATH)).body.includes(lastTotal)
  }
  return {
    lostSaves: acknowledged.filter((save) => !savedBases.has(save.base)).length,
    lastSaveIsCurrent: !last || current.rows?.[0]?.base === last.base,
    lastSaveOnPage,
  }
}

/**
 * @param {import('./context.mjs').BenchContext} bench
 * @param {import('./editor-api.mjs').Editor} editor
 * @param {import('./memory.mjs').MemorySampler} memory
 */
export async function soak({ opts, base }, editor, memory) {
  const readers = (duration) =>
    wrkRun({ url: base + PATHS[0], connections: opts.soakConnections, duration, paths: PATHS })
  // The editor saves during the warm-up too: each save revalidates the pages, so without them the
  // warm-up would measure a server that only answers from its caches, and the memory baseline would
  // sit below the steady state the soak then reaches.
  const editing = savingEditor(editor)

  const warmUpS = Math.min(15, Math.max(5, Math.round(opts.soakDuration / 4)))
  log(`soak: warm-up ${warmUpS} s at ${opts.soakConnections} connections, a salary-table save every second`)
  await Promise.all([readers(warmUpS), editing.saveFor(warmUpS)])
  const rssAfterWarmUpMiB = await settledRssMiB(memory)

  const connections = `${opts.soakConnections} connections over ${PATHS.join(', ')}`
  log(`soak: ${opts.soakDuration} s at ${connections}, a salary-table save every second`)
  const warmUpSaves = editing.saves.length
  const saving = editing.saveFor(opts.soakDuration)
  const outcome = await readers(opts.soakDuration)
  const rssAtEndMiB = await settledRssMiB(memory)
  await saving

  // The soak's own saves: the table keeps its newest 100 versions, and the warm-up's may be pruned.
  const soakSaves = editing.saves.slice(warmUpSaves)
  const acknowledged = soakSaves.filter((save) => save.ok)
  const checked = await checkSaves(editor, acknowledged, editing.rows)
  // Leave the table as it was, for the stages that follow.
  await editor.saveRows(editor.table.rows)
  const malformed = await malformedSoak({ opts, base }, editor, PATHS)

  const saveMs = acknowledged.map((save) => save.ms).sort((a, b) => a - b)
  const summary = {
    durationS: opts.soakDuration,
    connections: opts.soakConnections,
    paths: PATHS,
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
    ...checked,
    rssAfterWarmUpMiB: Math.round(rssAfterWarmUpMiB),
    rssAtEndMiB: Math.round(rssAtEndMiB),
    rssGrowthPercent: Number((((rssAtEndMiB - rssAfterWarmUpMiB) / rssAfterWarmUpMiB) * 100).toFixed(1)),
    malformed,
  }
  summary.passed =
    summary.errors + summary.timeouts + summary.non2xx === 0 &&
    summary.saveErrors.length === 0 &&
    summary.lostSaves === 0 &&
    summary.lastSaveIsCurrent &&
    summary.lastSaveOnPage !== false &&
    summary.rssGrowthPercent <= 10 &&
    malformed.passed
  log(
    `soak: ${summary.requests} requests, ${summary.errors + summary.timeouts} errors, ${summary.non2xx} non-2xx; ` +
      `${summary.savesAcknowledged}/${summary.saves} saves acknowledged, ${summary.lostSaves} lost; ` +
      `RSS ${summary.rssAfterWarmUpMiB} → ${summary.rssAtEndMiB} MiB (${summary.rssGrowthPercent}%)`,
  )
  return summary
}

/** Pages the unrelated soak measures: neither shows the table it saves. */
const UNRELATED_PATHS = [ARTICLE_PATH, '/blog']

/**
 * The unrelated soak (--soak, after the soak): reads of the article and /blog, in windows that
 * alternate between no saves and an editor saving, every 500 ms, a salary table that neither page
 * shows (it is embedded in one old article, on the blog's last page). A save should re-render exactly the pages showing
 * what it changed, so these reads should keep their pace: the target is at least 80% of their
 * requests/s without saves.
 * @param {import('./context.mjs').BenchContext} bench
 * @param {import('./editor-api.mjs').Editor} editor
 */
export async function unrelatedSoak({ opts, base }, editor) {
  const { auth } = editor
  const post = async (path, body) => {
    const response = await fetch(`${base}/api${path}`, { method: 'POST', headers: auth, body: JSON.stringify(body) })
    const answer = await response.json()
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(answer).slice(0, 300)}`)
    return answer.doc
  }
  const stamp = Date.now().toString(36)
  const rows = [{ role: 'Unrelated Engineer', tier: 'Any', base: 50_000, equity: 0, bonus: 0, source: 'Bench' }]
  const table = await post('/salary-tables', {
    title: `Unrelated ${stamp}`,
    asOf: '2026-01-01',
    rows,
    _status: 'published',
  })
  const categories = await (await fetch(`${base}/api/categories?limit=1&depth=0`, { headers: auth })).json()
  const blockFields = {
    id: crypto.randomBytes(12).toString('hex'),
    blockName: '',
    blockType: 'salaryTable',
    table: table.id,
  }
  const content = {
    root: {
      type: 'root',
      direction: 'ltr',
      format: '',
      indent: 0,
      version: 1,
      children: [{ type: 'block', version: 2, format: '', fields: blockFields }],
    },
  }
  await post('/articles', {
    title: `Unrelated article ${stamp}`,
    excerpt: 'Shows the table the unrelated soak saves.',
    category: categories.docs[0].id,
    publishedAt: '2000-01-01T00:00:00.000Z',
    content,
    _status: 'published',
  })

  // Quiet and busy windows alternate, so that a change in the machine's other load during the run
  // (builds, other benchmarks) weighs on both alike rather than on one of them.
  const windows = 4
  const windowS = Math.max(3, Math.round(opts.soakDuration / 3 / windows))
  const durationS = windows * windowS
  const readers = () =>
    autocannonRun({
      url: base,
      connections: opts.connections,
      duration: windowS,
      requests: UNRELATED_PATHS.map((urlPath) => ({ method: 'GET', path: urlPath })),
    })
  const saves = []
  let n = 0
  /** Saves the unshown table every 500 ms while `reading` runs; resolves with its outcome. */
  const whileSaving = async (reading) => {
    let saving = true
    const editing = (async () => {
      while (saving) {
        const tick = performance.now()
        n++
        const response = await fetch(`${base}/api/salary-tables/${table.id}?depth=0`, {
          method: 'PATCH',
          headers: auth,
          body: JSON.stringify({ rows: [{ ...rows[0], base: rows[0].base + n }] }),
        })
        await response.arrayBuffer()
        saves.push({ ok: response.ok, ms: Math.round(performance.now() - tick) })
        await sleep(Math.max(0, 500 - (performance.now() - tick)))
      }
    })()
    const outcome = await reading
    saving = false
    await editing
    return outcome
  }
  log(
    `unrelated soak: ${windows} × ${windowS} s of reads of ${UNRELATED_PATHS.join(', ')} at ${opts.connections} ` +
      `connections, alternately without and with a save every 500 ms of the table "${table.title}"`,
  )
  await whileSaving(readers()) // warm-up, saves included
  const quietRuns = []
  const busyRuns = []
  for (let index = 0; index < windows; index++) {
    quietRuns.push(await readers())
    busyRuns.push(await whileSaving(readers()))
  }
  const summarize = (outcomes) => {
    const requests = outcomes.reduce((sum, outcome) => sum + outcome.requests.total, 0)
    return {
      requestsPerSecond: requests / (outcomes.length * windowS),
      p50: Math.max(...outcomes.map((outcome) => outcome.latency.p50)),
      p99: Math.max(...outcomes.map((outcome) => outcome.latency.p99)),
      errors: outcomes.reduce((sum, outcome) => sum + outcome.errors + outcome.timeouts, 0),
      non2xx: outcomes.reduce((sum, outcome) => sum + outcome.non2xx, 0),
    }
  }
  const quiet = summarize(quietRuns)
  const busy = summarize(busyRuns)
  const ratio = quiet.requestsPerSecond ? busy.requestsPerSecond / quiet.requestsPerSecond : null
  const saveMs = saves.map((save) => save.ms).sort((a, b) => a - b)
  const summary = {
    paths: UNRELATED_PATHS,
    durationS,
    windows,
    connections: opts.connections,
    quiet,
    busy,
    saves: saves.length,
    savesOk: saves.filter((save) => save.ok).length,
    saveMs: { median: saveMs[Math.floor((saveMs.length - 1) / 2)] ?? null, worst: saveMs.at(-1) ?? null },
    ratio: ratio === null ? null : Number(ratio.toFixed(3)),
  }
  summary.passed = summary.ratio !== null && summary.ratio >= 0.8 && busy.errors + busy.non2xx === 0
  log(
    `unrelated soak: ${Math.round(quiet.requestsPerSecond)} req/s without saves, ` +
      `${Math.round(busy.requestsPerSecond)} with saves (${summary.ratio} of it; saves median ${summary.saveMs.median} ms)`,
  )
  return summary
}
