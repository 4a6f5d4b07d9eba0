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
// A purger registered with `wait` (the front cache, which lives in the server's front process:
// src/server/README.md) is waited for before the next one is told, and `purgeTags` resolves once
// the waited ones are done: the edge must not be refilled from a front cache not yet purged, and
// the save's response must not leave before the front cache has dropped the old page.

const STATE = Symbol.for('valenx.purgers')

/** @typedef {'instance' | 'site'} PurgerScope */
/** @typedef {(tags: string[], change: { fromPeer: boolean }) => unknown} PurgeFunction */
/** @typedef {{ purge: PurgeFunction, scope: PurgerScope, wait: boolean }} Purger */

/** How long a waited purger may take before the others are told anyway (it is logged). */
const WAIT_MS = 2000

/** @returns {Map<string, Purger>} */
function registry() {
  return (globalThis[STATE] ??= new Map())
}

/**
 * Adds (or replaces) the purger named `name`; returns a function that removes it.
 * @param {string} name @param {PurgeFunction} purge
 * @param {{ scope?: PurgerScope, wait?: boolean }} [options]
 */
export function registerPurger(name, purge, { scope = 'instance', wait = false } = {}) {
  const entry = { purge, scope, wait }
  registry().set(name, entry)
  return () => {
    if (registry().get(name) === entry) registry().delete(name)
  }
}

/**
 * Tells the purgers that these tags changed: all of them for a change made here, only the
 * `instance` ones for a change another instance made (`fromPeer`). A purger that fails or rejects
 * is logged, never thrown: one unreachable edge must not fail the save that already committed.
 * Purgers before the first waited one are told at once (synchronously); the promise resolves when
 * every waited purger has answered (or taken WAIT_MS), not when the others have.
 * @param {string[]} tags
 * @param {{ fromPeer?: boolean }} [options]
 * @returns {Promise<void>}
 */
export async function purgeTags(tags, { fromPeer = false } = {}) {
  if (!tags.length) return
  for (const [name, { purge, scope, wait }] of [...registry()]) {
    if (fromPeer && scope === 'site') continue
    const failed = (error) => console.error(`Purger ${name} failed:`, error?.message ?? error)
    try {
      const outcome = purge(tags, { fromPeer })
      if (!outcome || typeof outcome.then !== 'function') continue
      if (!wait) {
        outcome.then(undefined, failed)
        continue
      }
      let timer
      const late = new Promise((resolve) => {
        timer = setTimeout(() => resolve('late'), WAIT_MS)
        timer.unref?.()
      })
      const settled = await Promise.race([outcome.then(() => 'done', failed), late])
      clearTimeout(timer)
      if (settled === 'late') console.error(`Purger ${name} took over ${WAIT_MS} ms; the others are told now.`)
    } catch (error) {
      failed(error)
    }
  }
}

/** The names of the registered purgers (for tests and the health of a deployment). */
export const purgerNames = () => [...registry().keys()]
