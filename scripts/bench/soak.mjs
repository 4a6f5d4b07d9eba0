// The soak (--soak, between the editor path and the browser): readers at opts.soakConnections
// cycling through the article, the index, a search and the feed, while an editor saves the salary
// table once a second (each save changes a figure the article shows). A warm-up at the same load,
// saves included, comes first, so the memory compared is that of a warm server. Afterwards every
// acknowledged save must be found among the table's versions and the last one on the public page:
// a "lost save" is an acknowledged save that is not.
import { sleep } from '../lib/process.mjs'
import { log } from './context.mjs'
import { timedGet } from './http.mjs'
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
      `${summary.savesAcknowledged}/${summary.saves} saves acknowledged, ${summary.lostSaves} lost; ` +
      `RSS ${summary.rssAfterWarmUpMiB} → ${summary.rssAtEndMiB} MiB (${summary.rssGrowthPercent}%)`,
  )
  return summary
}
