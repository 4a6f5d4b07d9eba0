// Purgers: whatever keeps reader responses outside Next's own cache and must drop them by tag when
// content changes. The front cache registers here (./frontCache.mjs, from server.mjs); so can an
// edge purge (an HTTP PURGE with the tags as Surrogate-Key, an EDGE_PURGE_URL) or a message to
// other servers (Redis pub/sub). They are called with the tags of a change once Next has expired
// them (./nextCacheHandler.mjs, revalidateTag), never before: a purged copy refilled from Next's
// old page would keep the old content. Plain JavaScript, shared through globalThis: the server,
// Next's cache handler and the route bundles that run Payload's hooks are separate module graphs
// of one process.

const STATE = Symbol.for('valenx.purgers')

/** @returns {Map<string, (tags: string[]) => unknown>} */
function registry() {
  return (globalThis[STATE] ??= new Map())
}

/**
 * Adds (or replaces) the purger named `name`; returns a function that removes it.
 * @param {string} name @param {(tags: string[]) => unknown} purge
 */
export function registerPurger(name, purge) {
  registry().set(name, purge)
  return () => {
    if (registry().get(name) === purge) registry().delete(name)
  }
}

/**
 * Tells every purger that these tags changed. A purger that fails or rejects is logged, never
 * thrown: one unreachable edge must not fail the save that already committed.
 * @param {string[]} tags
 */
export function purgeTags(tags) {
  if (!tags.length) return
  for (const [name, purge] of registry()) {
    try {
      const outcome = purge(tags)
      if (outcome && typeof outcome.then === 'function')
        outcome.then(undefined, (error) => console.error(`Purger ${name} failed:`, error?.message ?? error))
    } catch (error) {
      console.error(`Purger ${name} failed:`, error?.message ?? error)
    }
  }
}

/** The names of the registered purgers (for tests and the health of a deployment). */
export const purgerNames = () => [...registry().keys()]
