// The soak's second part (--soak): readers at 32 connections over the soak's pages for the soak's
// duration while an editor sends a 1 MB malformed body every second (issue 15): 9,000 salary rows
// where 100 are allowed, a 1 MB title, a 1 MB article body whose last node is of an unknown type.
// Each must be refused with a 400, and must not slow the readers down: every read is timed, and a
// read over 200 ms that overlapped a malformed request is counted against it. Reads over 200 ms that
// overlapped none are the machine's own background, reported beside them.
import { sleep } from '../lib/process.mjs'
import { log } from './context.mjs'
import { autocannonRun } from './load.mjs'
import { ARTICLE_PATH } from './options.mjs'

export const MALFORMED_CONNECTIONS = 32
export const SLOW_READ_MS = 200
const BODY_BYTES = 1024 * 1024

/** Pads a list until its JSON is about 1 MB. */
function toMegabyte(make) {
  const items = []
  const one = JSON.stringify(make(0)).length + 1
  for (let index = 0; index < Math.ceil(BODY_BYTES / one); index += 1) items.push(make(index))
  return items
}

/** The malformed bodies, in turn: where each goes, and what it is. */
function malformedBodies(tableId, articleId) {
  const row = (index) => ({ role: 'AI Engineer', tier: `Tier ${index}`, base: 1, equity: 0, bonus: 0, source: 'x' })
  const paragraph = (index) => ({
    type: 'paragraph',
    version: 1,
    direction: 'ltr',
    format: '',
    indent: 0,
    children: [
      {
        type: 'text',
        version: 1,
        text: `Sentence ${index} of a very long body.`,
        format: 0,
        detail: 0,
        mode: 'normal',
        style: '',
      },
    ],
  })
  const children = toMegabyte(paragraph)
  children.push({ type: 'no-such-node', version: 1 })
  return [
    { name: 'salary rows over the limit', path: `/api/salary-tables/${tableId}`, body: { rows: toMegabyte(row) } },
    { name: 'a 1 MB title', path: `/api/salary-tables/${tableId}`, body: { title: 'x'.repeat(BODY_BYTES) } },
    {
      name: 'a 1 MB article body with an unknown node',
      path: `/api/articles/${articleId}`,
      body: { content: { root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children } } },
    },
  ].map((entry) => ({ ...entry, text: JSON.stringify(entry.body) }))
}

/**
 * @param {import('./context.mjs').BenchContext} bench
 * @param {import('./editor-api.mjs').Editor} editor
 * @param {string[]} paths the pages the readers cycle through
 */
export async function malformedSoak({ opts, base }, editor, paths) {
  const slug = ARTICLE_PATH.split('/').at(-1)
  const articles = await (
    await fetch(`${base}/api/articles?where[slug][equals]=${slug}&depth=0&limit=1`, { headers: editor.auth })
  ).json()
  const bodies = malformedBodies(editor.table.id, articles.docs[0].id)
  const before = await (
    await fetch(`${base}/api/salary-tables/${editor.table.id}?depth=0`, { headers: editor.auth })
  ).json()

  /** [start, end] of every malformed request, in performance.now() time. */
  const windows = []
  const sent = []
  let stop = false
  const sender = (async () => {
    for (let index = 0; !stop; index += 1) {
      const tick = performance.now()
      const entry = bodies[index % bodies.length]
      let status = 0
      try {
        const response = await fetch(base + entry.path, { method: 'PATCH', headers: editor.auth, body: entry.text })
        status = response.status
        await response.arrayBuffer()
      } catch {
        status = -1
      }
      const end = performance.now()
      windows.push([tick, end])
      sent.push({ name: entry.name, status, ms: Math.round(end - tick), bytes: entry.text.length })
      await sleep(Math.max(0, 1000 - (performance.now() - tick)))
    }
  })()

  const reads = []
  log(
    `soak: ${opts.soakDuration} s at ${MALFORMED_CONNECTIONS} connections, a 1 MB malformed body every second (${bodies.map((entry) => entry.name).join('; ')})`,
  )
  const outcome = await autocannonRun({
    url: base,
    connections: MALFORMED_CONNECTIONS,
    duration: opts.soakDuration,
    requests: paths.map((urlPath) => ({ method: 'GET', path: urlPath })),
    onResponse: (responseTime) => {
      const end = performance.now()
      reads.push([end - responseTime, end])
    },
  })
  stop = true
  await sender

  const overlaps = ([start, end]) => windows.some(([from, to]) => start < to && end > from)
  const slow = reads.filter(([start, end]) => end - start > SLOW_READ_MS)
  const overlapping = reads.filter(overlaps)
  const slowOverlapping = slow.filter(overlaps)
  const rate = (part, whole) => (whole ? part / whole : 0)
  const backgroundRate = rate(slow.length - slowOverlapping.length, reads.length - overlapping.length)
  const after = await (
    await fetch(`${base}/api/salary-tables/${editor.table.id}?depth=0`, { headers: editor.auth })
  ).json()
  const ms = sent.map((entry) => entry.ms).sort((a, b) => a - b)

  const summary = {
    durationS: opts.soakDuration,
    connections: MALFORMED_CONNECTIONS,
    bodyBytes: BODY_BYTES,
    sent: sent.length,
    refused400: sent.filter((entry) => entry.status === 400).length,
    otherStatuses: [...new Set(sent.filter((entry) => entry.status !== 400).map((entry) => entry.status))],
    malformedMs: { median: ms[Math.floor((ms.length - 1) / 2)] ?? null, worst: ms.at(-1) ?? null },
    reads: reads.length,
    requestsPerSecond: outcome.requests.average,
    latencyMs: { p50: outcome.latency.p50, p99: outcome.latency.p99, max: outcome.latency.max },
    errors: outcome.errors + outcome.timeouts,
    non2xx: outcome.non2xx,
    slowReads: slow.length,
    readsOverlappingMalformed: overlapping.length,
    slowReadsOverlappingMalformed: slowOverlapping.length,
    backgroundSlowPercent: Number((backgroundRate * 100).toFixed(2)),
    // Slow reads during malformed requests beyond the rate at which reads were slow anyway.
    slowReadsCausedByMalformed: Math.max(0, Math.round(slowOverlapping.length - backgroundRate * overlapping.length)),
    tableUnchanged: JSON.stringify(before.rows) === JSON.stringify(after.rows) && before.title === after.title,
  }
  summary.passed =
    summary.sent > 0 &&
    summary.refused400 === summary.sent &&
    summary.errors + summary.non2xx === 0 &&
    summary.slowReadsCausedByMalformed === 0 &&
    summary.tableUnchanged
  log(
    `soak: ${summary.refused400}/${summary.sent} malformed bodies refused with 400 (median ${summary.malformedMs.median} ms); ` +
      `${summary.reads} reads, ${summary.slowReads} over ${SLOW_READ_MS} ms, ` +
      `${summary.slowReadsOverlappingMalformed} of them during a malformed request ` +
      `(${summary.readsOverlappingMalformed} reads overlapped one; background ${summary.backgroundSlowPercent}% slow)`,
  )
  return summary
}
