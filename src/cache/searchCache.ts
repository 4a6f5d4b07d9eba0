/**
 * A reader's search results, remembered per query (src/data/search.ts), and forgotten, through
 * `invalidate` (./invalidate.ts), whenever what they show may have changed: all of them when the
 * search index (the search collection's hooks, src/plugins) or an article readers can see changes
 * (collections/Articles/hooks/revalidateArticle.ts); only those whose cards show a salary table when
 * that table is saved, as its last change dates the cards ("Updated …", revalidateSalaryTable.ts),
 * and its figures are not in the index.
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
export const MAX_ENTRIES = 500
export const TTL_MS = 60_000

type Entry = { value: unknown; at: number; dependsOn: Set<string> }
type State = { entries: Map<string, Entry>; inflight: Map<string, Promise<unknown>>; generation: number }
/** What `load` found, and the ids of the documents it shows besides the index's own articles. */
export type Loaded<T> = { value: T; dependsOn: string[] }

const key = Symbol.for('valenx.searchCache')
const globals = globalThis as typeof globalThis & { [key]?: State }
const state = (): State => (globals[key] ??= { entries: new Map(), inflight: new Map(), generation: 0 })

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
    ({ value, dependsOn }) => {
      if (current.inflight.get(query) === promise) current.inflight.delete(query)
      if (current.generation === generation) {
        current.entries.set(query, { value, at: Date.now(), dependsOn: new Set(dependsOn) })
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
 * Forgets the cached searches that show `id` (a salary table), or every one without an id. Called by
 * `invalidate` only, whenever what readers can find, or what a result shows, may have changed.
 */
export function forgetSearchResults(id?: string): void {
  const current = state()
  // A search running now may have read the old document: its result is handed out, never kept.
  current.generation++
  // Readers arriving from now on must not join a query that started before the change.
  current.inflight.clear()
  if (id === undefined) current.entries.clear()
  else for (const [query, entry] of current.entries) if (entry.dependsOn.has(id)) current.entries.delete(query)
}

/** How many queries are remembered (for tests). */
export const cachedSearchCount = () => state().entries.size
