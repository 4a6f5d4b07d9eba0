// The edge cache's purges (`EDGE_PURGE_URL`: one or more Varnish addresses, comma separated): every
// change's tags, once Next has expired them, are sent to each address as `PURGE /` with the tags,
// space separated, in an `xkey-purge` header, which deploy/varnish/default.vcl hands to the xkey
// module (it drops every object whose `Surrogate-Key` named one of them).
//
// Every instance sends them, right after purging its own front cache (an `instance` purger,
// ./purgers.mjs, registered after the front cache): an edge purged by the instance that handled
// the change alone could be refilled at once from another instance whose front cache had not
// heard of it yet. And the instance that handled it sends them once more REPEAT_AFTER_MS later:
// a response the edge was fetching while it was purged (rendered before the change) is stored
// after the purge, and the repeat removes it.
//
// Bounded: each request may take PURGE_TIMEOUT_MS, a failed one is tried once more, and a
// failure is logged, never thrown (the save has committed; its pages are on the edge until their
// TTL, which the VCL keeps short for that reason).
import { registerPurger } from './purgers.mjs'

export const PURGE_TIMEOUT_MS = 2_000
export const REPEAT_AFTER_MS = 1_000
/** Header bytes per request: Varnish refuses request headers over 8 KB by default. */
const MAX_KEYS_BYTES = 4_000

/**
 * The addresses in `EDGE_PURGE_URL`, or [] when it is unset. A malformed one stops the server at
 * start-up, naming it.
 * @param {string | undefined} value
 * @returns {URL[]}
 */
export function edgePurgeTargets(value = process.env.EDGE_PURGE_URL) {
  return String(value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      let url
      try {
        url = new URL(entry)
      } catch {
        throw new Error(`EDGE_PURGE_URL: "${entry}" is not an address (expected e.g. http://127.0.0.1:8080)`)
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw new Error(`EDGE_PURGE_URL: "${entry}" is not an http:// or https:// address`)
      return url
    })
}

/** The tags in groups whose space-separated form fits in one request header. */
export function keyBatches(tags) {
  const batches = []
  let current = []
  let bytes = 0
  for (const tag of new Set(tags)) {
    if (current.length && bytes + tag.length + 1 > MAX_KEYS_BYTES) {
      batches.push(current)
      current = []
      bytes = 0
    }
    current.push(tag)
    bytes += tag.length + 1
  }
  if (current.length) batches.push(current)
  return batches
}

async function purgeOnce(url, keys) {
  const response = await fetch(url, {
    method: 'PURGE',
    headers: { 'xkey-purge': keys.join(' ') },
    signal: AbortSignal.timeout(PURGE_TIMEOUT_MS),
  })
  await response.arrayBuffer()
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
}

/**
 * Purges `tags` at every address; resolves when each has answered or failed twice (each failure
 * logged with the address and the number of tags).
 * @param {URL[]} targets @param {string[]} tags
 */
export async function purgeEdge(targets, tags) {
  const batches = keyBatches(tags)
  await Promise.all(
    targets.flatMap((url) =>
      batches.map(async (keys) => {
        try {
          await purgeOnce(url, keys)
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 200))
          try {
            await purgeOnce(url, keys)
          } catch (error) {
            console.error(`Edge purge of ${keys.length} tags at ${url.origin} failed: ${error?.message ?? error}`)
          }
        }
      }),
    ),
  )
}

/**
 * Registers the edge purger when `EDGE_PURGE_URL` is set (the server, at start-up); returns the
 * addresses it purges.
 */
export function installEdgePurge(targets = edgePurgeTargets()) {
  if (!targets.length) return targets
  registerPurger('edge cache', (tags, { fromPeer }) => {
    if (!fromPeer) setTimeout(() => void purgeEdge(targets, tags), REPEAT_AFTER_MS).unref()
    return purgeEdge(targets, tags)
  })
  return targets
}
