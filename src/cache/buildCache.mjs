// What Next keeps in the build folder besides the code: the pages it rendered (HTML, RSC payload,
// route-handler body, metadata and prefetch segments: the build's own beside the compiled routes
// in server/app, a running server's in server/route-cache) and the data cache (`unstable_cache`
// entries in cache/fetch-cache). Both belong to the database they were read from, never to the
// build: `next build` reads none (its renders, of an empty site, are dropped by
// scripts/lib/site.mjs), and the production server (server.mjs) drops what a previous run left,
// so a server never serves a page from a database that changed while it was stopped (a restore,
// a new seed, another instance's edits). Plain JavaScript: the server loads it before Next.
import fs from 'node:fs'
import path from 'node:path'

const RENDER_SUFFIXES = ['.html', '.rsc', '.meta', '.body', '.segments']
// Next's own error page, rendered at build from its own component: it reads nothing.
const KEPT = new Set(['_global-error'])

/**
 * The server folders of `distDir`: its own and, with `output: 'standalone'`, the copy inside
 * standalone/.
 * @param {string} distDir an absolute path
 */
const serverDirs = (distDir) => [
  path.join(distDir, 'server'),
  path.join(distDir, 'standalone', path.basename(distDir), 'server'),
]

/**
 * Every rendered page under `dir` (the files and folders whose names end in one of RENDER_SUFFIXES),
 * the compiled code left alone.
 * @param {string} dir
 * @returns {string[]}
 */
function renderedFiles(dir) {
  if (!fs.existsSync(dir)) return []
  const found = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    const suffix = RENDER_SUFFIXES.find((ending) => entry.name.endsWith(ending))
    if (suffix && !KEPT.has(entry.name.slice(0, -suffix.length))) found.push(full)
    else if (entry.isDirectory()) found.push(...renderedFiles(full))
  }
  return found
}

/**
 * The data cache's entries that hold content: `unstable_cache` reads and fetches of anything but
 * a `data:` URL (Next's image renderer fetches its own WebAssembly that way; that entry is code,
 * the same for every database). The tags manifest is not an entry.
 * @param {string} distDir an absolute path
 */
export function dataCacheEntries(distDir) {
  const dir = path.join(distDir, 'cache', 'fetch-cache')
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((name) => name !== 'tags-manifest.json')
    .filter((name) => {
      try {
        const entry = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'))
        return !String(entry?.data?.url ?? '').startsWith('data:') || entry?.tags?.length > 0
      } catch {
        return true
      }
    })
}

/**
 * Deletes every rendered page and data-cache entry of `distDir`; returns how many were deleted.
 * The routes stay in prerender-manifest.json, so Next still treats them as static: it renders each
 * on its next request and caches it (ISR), tagged for on-demand revalidation.
 * @param {string} distDir an absolute path
 */
export function dropRenderedPages(distDir) {
  const renders = serverDirs(distDir).flatMap((dir) => [
    ...renderedFiles(path.join(dir, 'app')),
    ...[path.join(dir, 'route-cache')].filter((routeCache) => fs.existsSync(routeCache)),
  ])
  for (const file of renders) fs.rmSync(file, { recursive: true, force: true })
  const fetchCache = path.join(distDir, 'cache', 'fetch-cache')
  const entries = fs.existsSync(fetchCache) ? fs.readdirSync(fetchCache).length : 0
  fs.rmSync(fetchCache, { recursive: true, force: true })
  return renders.length + entries
}
