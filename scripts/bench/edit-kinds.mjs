// Stage 7b, the edit kinds: every kind of edit readers see (scripts/lib/edits.mjs: FAQ question and
// answer, category title, author name, image alt text, the site, a salary cell, an article's title
// and excerpt), saved through the REST API on a fixture of the stage's own, each timed from the
// save's answer to the first fetch of every dependent page (the article, the article whose related
// cards show it, home, /blog, its category page, the feed, search, the sitemap's lastmod) that
// shows it. Every page is requested before each edit, so what is measured is a cached page being
// refreshed, as a reader would meet it. The target: every page within 1 s.
import { createFixture, EDIT_KINDS, pagesOf, restClient, whenShown } from '../lib/edits.mjs'
import { log } from './context.mjs'

/** A page that has not shown an edit after this long counts as missed. */
const GIVE_UP_MS = 5_000

/** @param {import('./context.mjs').BenchContext} bench */
export async function editKinds({ opts, base, admin, result }) {
  const api = await restClient(base, admin)
  const fixture = await createFixture(api)
  const pages = pagesOf(fixture)
  const rounds = opts.quick ? 2 : 3
  const kinds = []
  for (const kind of EDIT_KINDS) {
    const runs = []
    for (let round = 0; round < rounds; round++) {
      // Cached before the edit, as readers keep them.
      await Promise.all(
        Object.values(pages).map((path) => fetch(base + path).then((response) => response.arrayBuffer())),
      )
      fixture.edits += 1
      try {
        const expected = await kind.apply(api, fixture, fixture.edits)
        runs.push(await whenShown(base, pages, expected, { timeoutMs: GIVE_UP_MS }))
      } catch (error) {
        // A failed save is a result too (the page never shows it), not the end of the run.
        result.notes.push(`edit kind ${kind.name}: ${String(error?.message ?? error).slice(0, 300)}`)
        runs.push({ save: null })
      }
    }
    const perPage = {}
    for (const run of runs) {
      for (const [page, ms] of Object.entries(run)) {
        const worst = perPage[page]
        perPage[page] = ms === null || worst === null ? null : Math.max(worst ?? 0, ms)
      }
    }
    const values = Object.values(perPage)
    const worstMs = values.includes(null) ? null : Math.max(...values)
    kinds.push({ name: kind.name, rounds, worstMs, pages: perPage })
    const missed = Object.entries(perPage)
      .filter(([, ms]) => ms === null)
      .map(([page]) => page)
    log(
      `edit kind ${kind.name}: worst ${worstMs ?? `– (not within ${GIVE_UP_MS / 1000} s on ${missed.join(', ')})`}` +
        `${worstMs === null ? '' : ' ms'} over ${Object.keys(perPage).join(', ')}`,
    )
  }
  const all = kinds.flatMap((kind) => Object.values(kind.pages))
  result.editKinds = {
    kinds,
    giveUpMs: GIVE_UP_MS,
    worstMs: all.includes(null) ? null : Math.max(...all),
    missed: kinds.flatMap((kind) =>
      Object.entries(kind.pages)
        .filter(([, ms]) => ms === null)
        .map(([page]) => `${kind.name} → ${page}`),
    ),
    withinOneSecond: all.every((ms) => ms !== null && ms <= 1000),
  }
}
