import { revalidateTag } from 'next/cache'
import type { PayloadRequest } from 'payload'

import { afterCommit } from '@/db/afterCommit'
import { purgeFrontCache } from './frontCache.mjs'

/**
 * Marks cached pages stale at once, so the next reader gets fresh figures (not the
 * stale-while-revalidate copy). Scripts such as the seed run outside Next, where there is no
 * cache to revalidate: they pass `context.disableRevalidate`. `req` is the hook's request.
 */
export function revalidateTags(tags: Iterable<string>, req?: Pick<PayloadRequest, 'context' | 'transactionID'>): void {
  if (req?.context?.disableRevalidate) return
  // After the save commits: a reader regenerating the page before that would cache the old content.
  const list = [...tags]
  afterCommit(req, () => purgeAndRevalidate(list))
}

function purgeAndRevalidate(tags: string[]): void {
  // The server's finished-response cache sits in front of Next's: it goes first, so no reader gets
  // a stored page that Next's cache would no longer give.
  purgeFrontCache()
  for (const tag of new Set(tags)) {
    try {
      revalidateTag(tag, { expire: 0 })
    } catch {
      // Outside a Next request (scripts, tests of the Local API) there is no cache to invalidate. The
      // server's own jobs run inside a request for this reason (src/config/jobRunner.ts).
    }
  }
}
