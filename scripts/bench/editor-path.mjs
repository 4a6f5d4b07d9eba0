// Stage 7, the editor path: a salary figure saved through the REST API, timed from the save's
// answer to the first fetch of the public article page that shows the new total.
import { sleep } from '../lib/process.mjs'
import { log } from './context.mjs'
import { GZIP, timedGet } from './http.mjs'
import { ARTICLE_PATH } from './options.mjs'

const median = (sorted) => sorted[Math.floor((sorted.length - 1) / 2)]

/**
 * Polls the article until it shows `expected`, for at most 15 s; resolves with when it did (`seen`,
 * null if not in time) and how many fetches it took.
 * @param {string} url
 * @param {string} expected
 */
export async function firstSeen(url, expected) {
  const saved = performance.now()
  let polls = 0
  while (performance.now() - saved < 15_000) {
    polls++
    const page = await timedGet(url, { headers: GZIP, timeoutMs: 15_000 })
    if (page.status === 200 && page.body.includes(expected)) return { seen: performance.now(), polls }
    await sleep(10)
  }
  return { seen: null, polls }
}

/**
 * @param {import('./context.mjs').BenchContext} bench
 * @param {import('./editor-api.mjs').Editor} editor
 */
export async function editorPath({ opts, base, result }, editor) {
  const { table } = editor
  const rows = structuredClone(table.rows)
  const row = rows[0]
  const edits = []
  for (let index = 0; index < opts.edits; index++) {
    row.base = table.rows[0].base + (index + 1) * 111
    const expected = editor.totalText(row)
    const saveStarted = performance.now()
    await editor.saveRows(rows)
    const saved = performance.now()
    const { seen, polls } = await firstSeen(base + ARTICLE_PATH, expected)
    edits.push({
      saveMs: Math.round(saved - saveStarted),
      toPageMs: seen ? Math.round(seen - saved) : null,
      polls,
      expected,
    })
  }
  const toPage = edits.map((edit) => edit.toPageMs ?? Infinity).sort((a, b) => a - b)
  const worst = toPage.at(-1)
  result.editorPath = {
    edits,
    medianMs: toPage.length ? median(toPage) : null,
    worstMs: Number.isFinite(worst) ? worst : null,
    medianSaveMs: median(edits.map((edit) => edit.saveMs).sort((a, b) => a - b)),
    missed: edits.filter((edit) => edit.toPageMs === null).length,
  }
  log(
    `editor path: median ${result.editorPath.medianMs} ms, ` +
      `worst ${result.editorPath.worstMs ?? 'not seen within 15 s'} ms`,
  )
}
