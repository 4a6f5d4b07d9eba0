// Purgers: whatever keeps reader responses outside Next's own cache and must drop them by tag when
// content changes. They are called with the tags of a change once Next has expired them
// (./nextCacheHandler.mjs, revalidateTag), never before: a purged copy refilled from Next's old
// page would keep the old content. Plain JavaScript, shared through globalThis: the server, Next's
// cache handler and the route bundles that run Payload's hooks are separate module graphs of one
// process.
//
// Two scopes, because with several instances a change is handled by one of them:
// - `instance` (the default): told of every change, whichever instance handled it (the others hear
//   of it through Redis, ./peers.mjs): the copies this instance keeps (the front cache,
//   ./frontCache.mjs; the search results, ./searchCache.ts), and the edge cache (./edgePurge.mjs),
//   which each instance purges after its own copies, so the edge cannot be refilled from them.
// - `site`: told only by the instance that handled the change (the message to the other
//   instances, ./peers.mjs).
// Purgers run in the order they were registered: the server registers the front cache first.

const STATE = Symbol.for('valenx.purgers')

/** @typedef {'instance' | 'site'} PurgerScope */
/** @typedef {(tags: string[], change: { fromPeer: boolean }) => unknown} PurgeFunction */
/** @typedef {{ purge: PurgeFunction, scope: PurgerScope }} Purger */

/** @returns {Map<string, Purger>} */
function registry() {
  return (globalThis[STATE] ??= new Map())
}

/**
 * Adds (or replaces) the purger named `name`; returns a function that removes it.
 * @param {string} name @param {PurgeFunction} purge
 * @param {{ scope?: PurgerScope }} [options]
 */
export function registerPurger(name, purge, { scope = 'instance' } = {}) {
  const entry = { purge, scope }
  registry().set(name, entry)
  return () => {
    if (registry().get(name) === entry) registry().delete(name)
  }
}

/**
 * Tells the purgers that these tags changed: all of them for a change made here, only the
 * `instance` ones for a change another instance made (`fromPeer`). A purger that fails or rejects
 * is logged, never thrown: one unreachable edge must not fail the save that already committed.
 * @param {string[]} tags
 * @param {{ fromPeer?: boolean }} [options]
 */
export function purgeTags(tags, { fromPeer = false } = {}) {
  if (!tags.length) return
  for (const [name, { purge, scope }] of registry()) {
    if (fromPeer && scope === 'site') continue
    try {
      const outcome = purge(tags, { fromPeer })
      if (outcome && typeof outcome.then === 'function')
        outcome.then(undefined, (error) => console.error(`Purger ${name} failed:`, error?.message ?? error))
    } catch (error) {
      console.error(`Purger ${name} failed:`, error?.message ?? error)
    }
  }
}

/** The names of the registered purgers (for tests and the health of a deployment). */
export const purgerNames = () => [...registry().keys()]
