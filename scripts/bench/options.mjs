// The benchmark's command line (documented in the README, "Performance") and its fixed settings.
import { systemChromium } from '../lib/chromium.mjs'

/** Articles a blog index page lists (app/(frontend)/blog/page/[page]). */
export const PAGE_SIZE = 12
/** The demo article every stage measures. */
export const ARTICLE_PATH = '/blog/ai-engineer-vs-ml-engineer'
/** Articles the demo content has besides the generated ones. */
export const DEMO_ARTICLES = 5
/** Where Chromium is, for the browser bytes and Lighthouse; undefined: both are skipped. */
export const CHROMIUM = systemChromium()
export const LIGHTHOUSE = 'lighthouse@12.2.3'
/** The build folder: never `.next`, which `npm start` serves. */
export const DIST_DIR = '.next-bench'

/**
 * @param {string[]} argv the arguments after `npm run bench --`
 *   --articles N       generated articles on top of the demo content (default 200)
 *   --quick            30 articles, 3 s per target, no Lighthouse (unless --lighthouse)
 *   --duration S       seconds of load per target (default 10, --quick 3)
 *   --connections C    concurrent connections (default 32)
 *   --edits N          editor saves timed (default 20)
 *   --no-lighthouse    skip Lighthouse;  --lighthouse  run it even with --quick
 *   --no-browser       skip the Chromium byte count (and Lighthouse)
 *   --keep             keep the temporary database folder
 *   --database FILE    rerun on a copy of a database kept with --keep (no seeding)
 *   --no-cluster       skip the two instances behind Varnish (last stage; needs redis-server, varnish,
 *                      varnish-modules)
 *   --soak             the soak (--soak-duration S, default 60; --soak-connections C, default 64)
 *   --base URL         measure the reader paths of a site already running at URL (another instance,
 *                      a cache in front of instances) instead of starting one: the load stage only
 */
export function parseOptions(argv) {
  const flag = (name) => argv.includes(name)
  const valueOf = (name) => {
    const index = argv.indexOf(name)
    if (index === -1) return undefined
    if (!argv[index + 1]) throw new Error(`${name} needs a value`)
    return argv[index + 1]
  }
  const number = (name, fallback) => {
    if (!flag(name)) return fallback
    const value = Number(argv[argv.indexOf(name) + 1])
    if (!Number.isFinite(value) || value < 0) throw new Error(`${name} needs a number`)
    return value
  }
  const quick = flag('--quick')
  return {
    quick,
    articles: number('--articles', quick ? 30 : 200),
    duration: number('--duration', quick ? 3 : 10),
    connections: number('--connections', 32),
    edits: number('--edits', 20),
    browser: !flag('--no-browser'),
    lighthouse: !flag('--no-lighthouse') && !flag('--no-browser') && (!quick || flag('--lighthouse')),
    keep: flag('--keep'),
    // Used on a copy: the 10,000-article seed takes a while.
    database: valueOf('--database'),
    soak: flag('--soak'),
    cluster: !flag('--no-cluster'),
    base: valueOf('--base')?.replace(/\/$/, ''),
    soakDuration: number('--soak-duration', 60),
    soakConnections: number('--soak-connections', 64),
  }
}

/** @typedef {ReturnType<typeof parseOptions>} BenchOptions */
