// Next's incremental cache in Redis (`REDIS_URL`), shared by every instance: pages, route-handler
// bodies and `unstable_cache` reads, through @fortedigital/nextjs-cache-handler (its `redis-strings`
// handler: one Redis string per entry, a hash of each entry's tags, and on a tag's expiry every
// entry carrying it deleted). ./nextCacheHandler.mjs wraps it as it wraps Next's file-system cache.
//
// Added here: when each tag last expired, in one hash for every instance and every build
// (`valenx:tag-expiries`, tag → ms since the epoch). An entry is stored dated by when the request
// that rendered it began, and an entry dated before the expiry of one of its tags is a miss. That
// keeps out what the library alone would let in: a page another instance was rendering from the
// old content while the change committed, stored after the library deleted the old one; and, in a
// rolling deploy, the other build's entries (each build has its own key prefix, because a page
// refers to its build's assets, and the library expires only its own prefix).
import { CacheHandler } from '@fortedigital/nextjs-cache-handler'
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings'

import { REDIS_TIMEOUT_MS, redisClient, withRedis } from './redis.mjs'

const EXPIRIES = 'valenx:tag-expiries'
const STATE = Symbol.for('valenx.sharedNextCache')

/** The library's handler reads its configuration from this hook once per process. */
function configure() {
  if (globalThis[STATE]) return
  globalThis[STATE] = true
  CacheHandler.onCreation(async ({ buildId }) => ({
    handlers: [
      createRedisHandler({
        client: await redisClient('cache'),
        keyPrefix: `valenx:${String(buildId ?? 'build').trim()}:`,
        timeoutMs: REDIS_TIMEOUT_MS,
      }),
    ],
  }))
}

/** The delegate ./nextCacheHandler.mjs uses with `REDIS_URL` set (Next's CacheHandler interface). */
export class SharedNextCache {
  constructor(ctx) {
    configure()
    this.library = new CacheHandler(ctx)
  }

  /** The entry, or null when it is absent, Redis is unreachable, or one of its tags expired since it was rendered. */
  async get(key, ctx) {
    const entry = await this.library.get(key, ctx)
    if (!entry) return null
    // The tags it is asked under count as well as those it was stored with, as in Next's own check:
    // a read is stored under the tags known before it ran and asked for again under all it read
    // (src/data/read.ts).
    const tags = [...new Set([...(entry.tags ?? []), ...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])])]
    if (!tags.length) return entry
    try {
      const expiries = await withRedis((client) => client.hmGet(EXPIRIES, tags))
      if (expiries.some((at) => at !== null && Number(at) >= entry.lastModified)) return null
    } catch {
      return null
    }
    return entry
  }

  /** Stores the entry dated `renderedFrom` (when its request began), not when it was finished. */
  async set(key, data, ctx, renderedFrom) {
    await this.library.set(key, data, { ...ctx, internal_lastModified: renderedFrom })
  }

  /** Records the expiry for every instance, then has the library delete the entries. */
  async revalidateTag(tags, at) {
    try {
      await withRedis((client) => client.hSet(EXPIRIES, Object.fromEntries(tags.map((tag) => [tag, String(at)]))))
    } catch (error) {
      console.error(`Could not record the expiry of ${tags.length} cache tags in Redis:`, error?.message ?? error)
    }
    await this.library.revalidateTag(tags)
  }

  resetRequestCache() {}
}
