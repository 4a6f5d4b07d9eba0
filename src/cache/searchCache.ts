/**
 * A reader's search results, remembered per query (src/data/search.ts) with the cache tags of what
 * each read, and forgotten, through `invalidate` (./invalidate.ts), when a change fires one of those
 * tags: every result when the index changes what it finds (`search:list`), only those whose cards
 * show an article, category, salary table or FAQ when that is edited.
 *
 * - Bounded: at most MAX_ENTRIES queries, least recently used first out, so made-up queries can
 *   only push other queries out, never grow the memory.
 * - Single-flight: concurrent readers of the same uncached query share one database query.
 * - A result computed while the index changed is handed to the readers who asked for it but never
 *   kept, so nothing from before an unpublish outlives it.
 * - TTL: a change the hooks cannot see (a script, another server on the same database) lasts at
 *   most TTL_MS.
 *
 * The state lives on globalThis: the REST routes that run the hooks and the search page are
 * separate bundles of the same process, and must share one cache.
 */
import { registerPurger } from './purgers.mjs'

export const MAX_ENTRIES = 500
export const TTL_MS = 60_000

type Entry = { value: unknown; at: number; tags: Set<string> }
type State = {
  entries: Map<string, Entry>
  inflight: Map<string, Promise<unknown>>
  /** Numbers every forget; `forgotten` holds, per tag, the last one that named it. */
  generation: number
  forgotten: Map<string, number>
  /** Results begun before this generation are never kept (every result forgotten, or the map pruned). */
  keepFrom: number
}
/** What `load` found, and the cache tags of what it read (src/cache/documentTags.ts). */
export type Loaded<T> = { value: T; tags: string[] }

const key = Symbol.for('valenx.searchCache')
const globals = globalThis as typeof globalThis & { [key]?: State }
const state = (): State =>
  (globals[key] ??= { entries: new Map(), inflight: new Map(), generation: 0, forgotten: new Map(), keepFrom: 0 })

/** Whether a result begun at `generation`, having read `tags`, may hold something forgotten since. */
const forgottenSince = (current: State, generation: number, tags: string[]) =>
  generation < current.keepFrom || tags.some((tag) => (current.forgotten.get(tag) ?? -1) >= generation)

/** The cached results for `query`, or runs `load` once however many readers ask at the same time. */
export async function cachedSearch<T>(query: string, load: () => Promise<Loaded<T>>): Promise<T> {
  const current = state()
  const hit = current.entries.get(query)
  if (hit && Date.now() - hit.at < TTL_MS) {
    // Map keeps insertion order: re-inserting marks it most recently used.
    current.entries.delete(query)
    current.entries.set(query, hit)
    return hit.value as T
  }
  if (hit) current.entries.delete(query)
  const pending = current.inflight.get(query)
  if (pending) return pending as Promise<T>

  const generation = current.generation
  const promise = load().then(
    ({ value, tags }) => {
      if (current.inflight.get(query) === promise) current.inflight.delete(query)
      if (!forgottenSince(current, generation, tags)) {
        current.entries.set(query, { value, at: Date.now(), tags: new Set(tags) })
        while (current.entries.size > MAX_ENTRIES) current.entries.delete(current.entries.keys().next().value as string)
      }
      return value
    },
    (error: unknown) => {
      if (current.inflight.get(query) === promise) current.inflight.delete(query)
      throw error
    },
  )
  current.inflight.set(query, promise)
  return promise
}

/**
 * Forgets the cached searches that read any of `tags`, or every one without tags. Called by
 * `invalidate` for this instance's changes, whenever what readers can find, or what a result shows,
 * may have changed, and by the purger below for the other instances' changes.
 */
export function forgetSearchResults(tags?: string[]): void {
  const current = state()
  // A search running now that read one of these may have read the old document: its result is
  // handed out, never kept.
  const generation = current.generation++
  // Readers arriving from now on must not join a query that started before the change.
  current.inflight.clear()
  if (tags === undefined) {
    current.entries.clear()
    current.keepFrom = current.generation
    return
  }
  for (const tag of tags) current.forgotten.set(tag, generation)
  if (current.forgotten.size > 10_000) {
    current.forgotten.clear()
    current.keepFrom = current.generation
  }
  for (const [query, entry] of current.entries)
    if (tags.some((tag) => entry.tags.has(tag))) current.entries.delete(query)
}

/** How many queries are remembered (for tests). */
export const cachedSearchCount = () => state().entries.size

// With several instances (REDIS_URL), another instance's change reaches this one as a purge
// (./peers.mjs); this instance's own changes are forgotten by `invalidate`, at their commit.
registerPurger('search results', (tags, { fromPeer }) => {
  if (fromPeer) forgetSearchResults(tags)
})
