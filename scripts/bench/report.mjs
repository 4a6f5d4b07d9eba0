// The table `npm run bench` prints at the end, from the result record (the JSON it saves).
import { seconds } from './context.mjs'

const pad = (value, width) => String(value).padStart(width)
const fmt = (value, digits = 0) =>
  value === null || value === undefined || Number.isNaN(value) ? '–' : Number(value).toFixed(digits)
const orDash = (ms) => (ms !== undefined ? seconds(ms) : '–')

function loadTable(load, ceiling) {
  const columns = [
    ['req/s', 8],
    ['p50 ms', 7],
    ['p99 ms', 7],
    ['KB/s', 8],
    ['B/resp', 7],
    ['errors', 6],
    ['non2xx', 6],
    [ceiling === 'nginx ceiling' ? '× nginx' : '× ceiling', 9],
  ]
  const row = (name, values) =>
    [name.padEnd(16), ...values.map((value, index) => pad(value, columns[index][1]))].join(' ')
  const lines = [
    row(
      'target',
      columns.map(([title]) => title),
    ),
  ]
  for (const entry of load) {
    lines.push(
      row(entry.name, [
        fmt(entry.requestsPerSecond),
        fmt(entry.latencyMs.p50, 1),
        fmt(entry.latencyMs.p99, 1),
        fmt(entry.bytesPerSecond / 1024),
        entry.bytesPerResponse,
        entry.errors + entry.timeouts,
        entry.non2xx,
        fmt(entry.ratioToCeiling, 3),
      ]),
    )
  }
  return lines
}

function lighthouseLines(lighthouse) {
  const lines = []
  for (const [name, entry] of Object.entries(lighthouse)) {
    if (entry.error) {
      lines.push(`lighthouse ${name}: ${entry.error.split('\n')[0]}`)
      continue
    }
    const { scores, metricsMs: m } = entry
    lines.push(
      `lighthouse ${name} (mobile): performance ${scores.performance}, accessibility ${scores.accessibility}, ` +
        `best practices ${scores['best-practices']}, SEO ${scores.seo}; ` +
        `FCP ${m.fcp} ms, LCP ${m.lcp} ms, TBT ${m.tbt} ms, CLS ${m.cls}`,
    )
    for (const audit of entry.failing) lines.push(`  below 1: ${audit.category} ${audit.id} (${audit.score})`)
  }
  return lines
}

function soakLines(soak) {
  const yesNo = (value) => (value ? 'yes' : 'NO')
  return [
    `soak (${soak.durationS} s, ${soak.connections} connections, ${soak.paths.join(' ')}): ` +
      `${fmt(soak.requestsPerSecond)} req/s, p50 ${soak.latencyMs.p50} ms, p99 ${soak.latencyMs.p99} ms, ` +
      `${soak.errors + soak.timeouts} errors, ${soak.non2xx} non-2xx`,
    `  editor: ${soak.savesAcknowledged}/${soak.saves} saves acknowledged ` +
      `(median ${soak.saveMs.median} ms, worst ${soak.saveMs.worst} ms), ` +
      `${soak.lostSaves} lost, last save current: ${yesNo(soak.lastSaveIsCurrent)}, ` +
      `on the page: ${soak.lastSaveOnPage === null ? '–' : yesNo(soak.lastSaveOnPage)}`,
    `  server RSS ${soak.rssAfterWarmUpMiB} MiB after warm-up, ${soak.rssAtEndMiB} MiB at the end ` +
      `(${soak.rssGrowthPercent > 0 ? '+' : ''}${soak.rssGrowthPercent}%): ${soak.passed ? 'PASS' : 'FAIL'}`,
    ...malformedLines(soak.malformed),
  ]
}

function malformedLines(malformed) {
  if (!malformed) return []
  const m = malformed
  return [
    `  malformed bodies (${m.durationS} s, ${m.connections} connections, ${m.bodyBytes / 1024 / 1024} MB every second): ` +
      `${m.refused400}/${m.sent} refused with 400${m.otherStatuses.length ? ` (also ${m.otherStatuses.join(', ')})` : ''}, ` +
      `median ${m.malformedMs.median} ms, worst ${m.malformedMs.worst} ms; table unchanged: ${m.tableUnchanged ? 'yes' : 'NO'}`,
    `  reads meanwhile: ${m.reads} (${fmt(m.requestsPerSecond)} req/s, p50 ${m.latencyMs.p50} ms, p99 ${m.latencyMs.p99} ms, ` +
      `max ${m.latencyMs.max} ms), ${m.errors} errors, ${m.non2xx} non-2xx; over 200 ms: ${m.slowReads}, ` +
      `${m.slowReadsOverlappingMalformed} of them during a malformed request (${m.readsOverlappingMalformed} reads overlapped one, ` +
      `background ${m.backgroundSlowPercent}% slow), caused by it: ${m.slowReadsCausedByMalformed}: ${m.passed ? 'PASS' : 'FAIL'}`,
  ]
}

function editKindLines(editKinds) {
  const lines = [
    `edit kinds → every dependent page: worst ${editKinds.worstMs ?? '–'} ms, ` +
      `${editKinds.withinOneSecond ? 'all within 1 s' : 'NOT all within 1 s'}` +
      (editKinds.missed.length ? ` (not within ${editKinds.giveUpMs / 1000} s: ${editKinds.missed.join(', ')})` : ''),
  ]
  for (const kind of editKinds.kinds) {
    const pages = Object.entries(kind.pages).map(([page, ms]) => `${page} ${ms ?? '–'}`)
    lines.push(`  ${kind.name.padEnd(20)} worst ${pad(kind.worstMs ?? '–', 5)} ms: ${pages.join(', ')}`)
  }
  return lines
}

/**
 * The scale-out targets (README, "Performance"), each against the nginx runs beside it: the cached
 * article through Varnish ≥ 0.9 × nginx, through one server ≥ 0.5 × nginx with p99 ≤ 10 ms, and an
 * edit on the page through Varnish on the other instance within 1 s, worst of all saves.
 * @param {import('./context.mjs').BenchContext['result']} data
 */
function targetLines(data) {
  const find = (name) => data.load.find((entry) => entry.name === name)
  const verdict = (ok) => (ok === undefined ? 'not measured' : ok ? 'PASS' : 'FAIL')
  const serve = find('article')
  const varnish = find('article, Varnish')
  const editWorst = data.cluster?.editToVarnish.worstMs
  const checks = [
    [
      'article through Varnish ≥ 0.9 × nginx',
      varnish,
      varnish && varnish.ratioToCeiling >= 0.9,
      varnish?.ratioToCeiling,
    ],
    ['article through one server ≥ 0.5 × nginx', serve, serve && serve.ratioToCeiling >= 0.5, serve?.ratioToCeiling],
    ['article through one server p99 ≤ 10 ms', serve, serve && serve.latencyMs.p99 <= 10, serve?.latencyMs.p99],
    ['edit → Varnish on the other instance ≤ 1 s', data.cluster, editWorst != null && editWorst <= 1000, editWorst],
  ]
  return [
    'targets: ' +
      checks
        .map(
          ([name, measured, ok, figure]) =>
            `${name}: ${measured ? `${fmt(figure, figure > 10 ? 0 : 2)} ` : ''}${verdict(measured ? ok : undefined)}`,
        )
        .join('; '),
  ]
}

/** @param {import('./context.mjs').BenchContext['result']} data */
export function report(data) {
  const { machine, options, timings: t } = data
  const commit = data.git ? `${data.git.commit}${data.git.dirty ? '+dirty' : ''}` : 'no git'
  const coldStart = t.coldStartToFirstPageMs ?? '–'
  const lines = [
    `Valenx Press benchmark, ${data.startedAt} (${commit})`,
    `${machine.cpus} cores, Node ${machine.node}, load average ${machine.loadAverageAtStart.join(' ')} at start, ` +
      `${(machine.loadAverageAtEnd ?? []).join(' ')} at end`,
    `${data.seededArticles ?? '?'} generated articles (+5 demo, ~${data.wordsPerArticle ?? '?'} words each); ` +
      `${options.connections} connections, ${options.duration} s per target, gzip accepted, loopback, wrk`,
    ...(data.target ? [`site under test: ${data.target} (--base)`] : []),
    '',
    ...loadTable(data.load, data.ceiling),
    ...targetLines(data),
    '',
    `seeding: ${orDash(t.seedMs)}   build: ${orDash(t.buildMs)}   cold start to first page: ${coldStart} ms`,
  ]
  if (data.uncached.length)
    lines.push(`uncached first render: ${data.uncached.map((entry) => `${entry.path} ${entry.ms} ms`).join(', ')}`)
  const editor = data.editorPath
  if (editor) {
    lines.push(
      `editor path (${editor.edits.length} salary saves → public page): median ${editor.medianMs ?? '–'} ms, ` +
        `worst ${editor.worstMs ?? 'not seen'} ms (save itself: median ${editor.medianSaveMs} ms)`,
    )
  }
  const cluster = data.cluster
  if (cluster) {
    const side = (path) => `median ${path.medianMs ?? '–'} ms, worst ${path.worstMs ?? 'not seen'} ms`
    lines.push(
      `two instances behind Varnish (Redis): editor path (${cluster.editToVarnish.edits.length} saves through A → page) ` +
        `through Varnish ${side(cluster.editToVarnish)}; on instance B ${side(cluster.editToOtherInstance)}`,
    )
  }
  if (data.editKinds) lines.push(...editKindLines(data.editKinds))
  const memory = data.memory
  if (memory) {
    const peak = memory.peakTreeRssMiB ?? memory.peakTreeRssAfterLoadMiB ?? '–'
    lines.push(`server RSS (process tree): ${memory.idleAfterStartMiB} MiB after start, peak ${peak} MiB`)
  }
  if (data.articleHtml) lines.push(`article HTML: ${data.articleHtml.bytes} B, ${data.articleHtml.gzipBytes} B gzipped`)
  const browser = data.browser
  if (browser) {
    lines.push(
      `reader download (article, Chromium): ${browser.requests} requests, ${browser.totalBytes} B transferred; ` +
        `JavaScript ${browser.jsBytes} B transferred (${browser.jsDecodedBytes} B decoded)`,
    )
    for (const file of browser.js)
      lines.push(`  ${file.file}  ${file.transferBytes} B (${file.decodedBytes} B decoded)`)
  }
  if (data.lighthouse) lines.push(...lighthouseLines(data.lighthouse))
  if (data.soak) lines.push(...soakLines(data.soak))
  const unrelated = data.unrelatedSoak
  if (unrelated) {
    const side = (run) => `${fmt(run.requestsPerSecond)} req/s (p99 ${run.p99} ms)`
    lines.push(
      `unrelated soak (${unrelated.windows ?? 1} × ${unrelated.durationS / (unrelated.windows ?? 1)} s each way, ` +
        `${unrelated.connections} connections, ${unrelated.paths.join(' ')}): ` +
        `${side(unrelated.quiet)} without saves, ${side(unrelated.busy)} while an unshown table is saved every 500 ms ` +
        `(${unrelated.savesOk}/${unrelated.saves} saves, median ${unrelated.saveMs?.median ?? '–'} ms): ` +
        `${fmt(unrelated.ratio, 2)} of it, ` +
        `${unrelated.passed ? 'PASS' : 'FAIL'} (target 0.80)`,
    )
  }
  for (const note of data.notes) lines.push(`note: ${note}`)
  lines.push(`total run time: ${seconds(t.totalMs ?? 0)}`)
  if (data.error) lines.push(`FAILED: ${data.error.split('\n')[0]}`)
  return lines.join('\n')
}
