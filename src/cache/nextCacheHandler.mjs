// Next's incremental cache (pages, route handlers and unstable_cache reads), as Next keeps it by
// default (its file-system cache, which this wraps and does not change) or, with `REDIS_URL` set,
// in Redis, shared by every instance (./sharedNextCache.mjs), with three additions:
//
// 1. Each page's tags are recorded by path (./pageTags.mjs) whenever Next stores or reads the page:
//    the server announces them as `Surrogate-Key` and files front-cache entries under them.
// 2. When tags expire, the purgers (./purgers.mjs: the front cache, an edge cache) are told, after
//    Next's cache, never before. ./invalidate.ts calls `revalidateTag` here directly, while the save
//    commits: Next's own `revalidateTag` runs only once the response is sent (`waitUntil`), and a
//    client that reads right after its save would get the page from before it.
// 3. A page or read rendered by a request that began before one of its tags expired is not kept:
//    it may hold what was read before the change committed. The next request renders it again.
//    On the file system, tag expiries are also written to a journal in the build's cache folder and
//    read back on start-up: Next keeps them in memory only, so a page cached before a change and
//    not requested again before a restart would otherwise be served stale after it. In Redis the
//    expiries are kept with the entries, for every instance (./sharedNextCache.mjs).
//
// Configured in next.config.mjs (`cacheHandler`). The build (`next build`) never uses Redis: it
// caches nothing (src/cache/buildCache.mjs), and needs no server to reach.
import fs from 'node:fs'
import path from 'node:path'

import fileSystemCacheModule from 'next/dist/server/lib/incremental-cache/file-system-cache.js'
import tagsManifestModule from 'next/dist/server/lib/incremental-cache/tags-manifest.external.js'

import { recordPageTags, requestStartedAt } from './pageTags.mjs'
import { purgeTags } from './purgers.mjs'
import { redisUrl } from './redis.mjs'
import { SharedNextCache } from './sharedNextCache.mjs'

const FileSystemCache = fileSystemCacheModule.default ?? fileSystemCacheModule
const { tagsManifest } = tagsManifestModule

const STATE = Symbol.for('valenx.nextCacheHandler')
/** Tag → when it last expired, in this process (ms since the epoch); pruned beyond this many. */
const MAX_RECENT = 20_000
const JOURNAL = 'valenx-expired-tags.jsonl'
const JOURNAL_MAX_BYTES = 2 * 1024 * 1024

const state = () => (globalThis[STATE] ??= { recent: new Map(), journalLoaded: new Set() })

const ENTRY_TAGS = 'x-next-cache-tags'
const isPage = (value) => value?.kind === 'APP_PAGE' || value?.kind === 'APP_ROUTE' || value?.kind === 'PAGES'

/** The journal's file for a build (`<distDir>/cache/…`), from Next's server folder. */
const journalFile = (serverDistDir) => (serverDistDir ? path.join(serverDistDir, '..', 'cache', JOURNAL) : null)

/** Reads the journal into Next's tag manifest once per build folder and process. */
function loadJournal(file) {
  const { journalLoaded } = state()
  if (!file || journalLoaded.has(file)) return
  journalLoaded.add(file)
  let text
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    return
  }
  const latest = new Map()
  for (const line of text.split('\n')) {
    if (!line) continue
    try {
      const { at, tags } = JSON.parse(line)
      for (const tag of tags) latest.set(tag, Math.max(latest.get(tag) ?? 0, at))
    } catch {
      // a line cut short by a crash
    }
  }
  for (const [tag, at] of latest) {
    const entry = tagsManifest.get(tag) ?? {}
    if ((entry.expired ?? 0) < at) tagsManifest.set(tag, { ...entry, stale: at, expired: at })
  }
  // Compacted: one line per tag.
  if (text.length > JOURNAL_MAX_BYTES) {
    const lines = [...latest].map(([tag, at]) => JSON.stringify({ at, tags: [tag] }))
    fs.writeFileSync(file, `${lines.join('\n')}\n`)
  }
}

function remember(tags, at, file) {
  const { recent } = state()
  for (const tag of tags) {
    recent.delete(tag)
    recent.set(tag, at)
  }
  while (recent.size > MAX_RECENT) recent.delete(recent.keys().next().value)
  if (!file) return
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.appendFileSync(file, `${JSON.stringify({ at, tags })}\n`)
  } catch (error) {
    console.error('Could not journal expired cache tags:', error?.message ?? error)
  }
}

/** Whether the request rendering this entry began before one of its tags expired. */
function renderedBeforeChange(tags) {
  const startedAt = requestStartedAt()
  if (startedAt === undefined || !tags?.length) return false
  const { recent } = state()
  return tags.some((tag) => (recent.get(tag) ?? 0) >= startedAt)
}

const entryTags = (data, ctx) => {
  if (isPage(data)) {
    const header = data.headers?.[ENTRY_TAGS]
    return typeof header === 'string' ? header.split(',') : []
  }
  return ctx?.tags ?? []
}

/** Redis when `REDIS_URL` is set, for a production server (not `next build`, not `next dev`). */
const sharedCacheFor = (ctx) => Boolean(redisUrl()) && !ctx.dev && process.env.NEXT_PHASE !== 'phase-production-build'

export default class ValenxCacheHandler {
  constructor(ctx) {
    this.shared = sharedCacheFor(ctx) ? new SharedNextCache(ctx) : null
    this.delegate = this.shared ?? new FileSystemCache(ctx)
    this.journal = ctx.dev || this.shared ? null : journalFile(ctx.serverDistDir)
    loadJournal(this.journal)
    // Next makes one per request, all alike: the last is how ./invalidate.ts expires tags at once.
    state().current = this
  }

  async get(key, ctx) {
    const entry = await this.delegate.get(key, ctx)
    if (entry && isPage(entry.value)) recordPageTags(key, entry.value.headers?.[ENTRY_TAGS])
    return entry
  }

  async set(key, data, ctx) {
    if (data && renderedBeforeChange(entryTags(data, ctx))) return
    if (this.shared) await this.shared.set(key, data, ctx, requestStartedAt() ?? Date.now())
    else await this.delegate.set(key, data, ctx)
    if (data && isPage(data)) recordPageTags(key, data.headers?.[ENTRY_TAGS])
  }

  async revalidateTag(tags, durations) {
    const list = typeof tags === 'string' ? [tags] : [...tags]
    if (this.shared) {
      // Remembered first: a render of this process that began before now and is stored while Redis
      // answers is refused at once.
      const at = Date.now()
      remember(list, at, null)
      await this.shared.revalidateTag(list, at)
    } else {
      await this.delegate.revalidateTag(tags, durations)
      const expiresNow = !durations || durations.expire === undefined || durations.expire === 0
      // Next's own file-system cache dates expiries with Date.now() too.
      if (expiresNow) remember(list, Date.now(), this.journal)
    }
    await purgeTags(list)
  }

  resetRequestCache() {
    this.delegate.resetRequestCache?.()
  }
}
