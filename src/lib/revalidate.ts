import { revalidateTag } from 'next/cache'
import type { RequestContext } from 'payload'

import { purgeFrontCache } from './frontCache.mjs'

/**
 * Marks cached pages stale at once, so the next reader gets fresh figures (not the
 * stale-while-revalidate copy). Scripts such as the seed run outside Next, where there is no
 * cache to revalidate: they pass `context.disableRevalidate`, and any other call made outside a
 * Next request is ignored the same way.
 */
export function revalidateTags(tags: Iterable<string>, context?: RequestContext): void {
  if (context?.disableRevalidate) return
  // The server's finished-response cache sits in front of Next's: it goes first, so no reader gets
  // a stored page that Next's cache would no longer give.
  purgeFrontCache()
  for (const tag of new Set(tags)) {
    try {
      revalidateTag(tag, { expire: 0 })
    } catch {
      // Outside a Next request (CLI, tests of the Local API) there is no cache to invalidate.
    }
  }
}
