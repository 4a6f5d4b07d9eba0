// What each reader page shows, by its path: the cache tags Next collected while rendering it (the
// `x-next-cache-tags` of its incremental-cache entry, which Next keeps to itself outside its
// "minimal mode"). The cache handler (./nextCacheHandler.mjs) records them whenever Next stores or
// reads a page; the app process (src/server/appProcess.mjs) reads them to announce `Surrogate-Key`,
// under which the front cache files the page. Plain JavaScript, shared through globalThis (the
// server and Next's cache handler are separate module graphs of one process).
import { AsyncLocalStorage } from 'node:async_hooks'

const STATE = Symbol.for('valenx.pageTags')
/** Pages remembered; beyond it the least recently recorded is forgotten (it gets no Surrogate-Key until read again). */
const MAX_PAGES = 50_000

function state() {
  return (globalThis[STATE] ??= { pages: new Map(), requests: new AsyncLocalStorage() })
}

/** Next's implicit tags (`_N_T_/blog/[slug]/page`) are its own; only ours are announced. */
const ours = (tag) => tag && !tag.startsWith('_N_T_')

/**
 * The path of a page's cache entry: Next keys reader pages `/route-cache/<kind>/<hash>/$<path>`,
 * the home page as `/index`.
 * @param {string} key
 */
export function pathOfCacheKey(key) {
  const marker = key.indexOf('/$/')
  const path = marker >= 0 ? key.slice(marker + 2) : key
  return path === '/index' ? '/' : path
}

/**
 * Records the tags of the page cached under `key` (a comma-separated header value, or a list).
 * @param {string} key @param {string | string[] | undefined} tags
 */
export function recordPageTags(key, tags) {
  if (tags === undefined) return
  const list = (Array.isArray(tags) ? tags : String(tags).split(',')).map((tag) => tag.trim()).filter(ours)
  const { pages } = state()
  const path = pathOfCacheKey(key)
  pages.delete(path)
  pages.set(path, [...new Set(list)])
  if (pages.size > MAX_PAGES) pages.delete(pages.keys().next().value)
}

/**
 * The tags of the page at this request URL (query ignored, as Next's page cache ignores it), or
 * undefined when no rendering of it has been seen.
 * @param {string} url
 */
export function pageTagsOf(url) {
  let path = String(url ?? '/').split('?')[0] || '/'
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1)
  try {
    path = decodeURI(path)
  } catch {
    // keep it as sent
  }
  return state().pages.get(path)
}

/**
 * Runs `handle` as the request that began now: the cache handler refuses to keep anything that
 * request renders from before a change it shows (see nextCacheHandler.mjs, `set`).
 * @template T @param {() => T} handle
 */
export function asRequest(handle) {
  return state().requests.run({ startedAt: Date.now() }, handle)
}

/** When the request being handled began (ms since the epoch), or undefined outside one. */
export function requestStartedAt() {
  return state().requests.getStore()?.startedAt
}
