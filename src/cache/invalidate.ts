import { revalidateTag } from 'next/cache'
import type { PayloadRequest } from 'payload'

import { afterCommit } from '@/db/afterCommit'

import { purgeTags } from './purgers.mjs'
import { forgetSearchResults } from './searchCache'

type Request = Pick<PayloadRequest, 'context' | 'transactionID'>

export type Invalidation = {
  /** The cache tags (./tags.ts) the change fires, or a function that finds them. */
  tags?: string[] | (() => Promise<string[]>)
  /** `all`: forget every remembered search, whatever it shows (a change the tags cannot name). */
  searches?: 'all'
}

/**
 * The one way a change reaches readers' caches. The graph's hooks (./graphHooks.ts) call it with
 * the tags of every change a reader can see; nothing else needs to.
 *
 * It acts once the save has committed (a reader regenerating a page before that would cache the old
 * content; `src/db/afterCommit.ts`): the searches showing a tag are forgotten, then Next's tags
 * expire at once (`expire: 0`), so the next reader gets the new content rather than a
 * stale-while-revalidate copy. Next hands the tags to the cache handler (./nextCacheHandler.mjs)
 * when the request ends, and only then, with Next's pages already expired, are the front cache and
 * any other purger (./purgers.mjs: an edge cache, other servers) told: a purger told sooner could
 * be refilled from Next's old page.
 *
 * Scripts such as the seed run outside Next, where there are no cached pages: they pass
 * `context.disableRevalidate`, which skips the tags. The search cache lives in this process
 * whatever the context, so a script's change forgets searches all the same.
 */
export async function invalidate(req: Request | undefined, change: Invalidation): Promise<void> {
  const tags = typeof change.tags === 'function' ? await change.tags() : (change.tags ?? [])
  if (!tags.length && !change.searches) return
  afterCommit(req, () => {
    forgetSearchResults(change.searches === 'all' ? undefined : tags)
    if (!req?.context?.disableRevalidate && tags.length) expire(tags)
  })
}

function expire(tags: string[]): void {
  let outsideNext = false
  for (const tag of new Set(tags)) {
    try {
      revalidateTag(tag, { expire: 0 })
    } catch {
      // Outside a Next request (scripts, tests of the Local API) Next has no cache to expire. The
      // server's own jobs run inside a request for this reason (src/config/jobRunner.ts).
      outsideNext = true
    }
  }
  // No cache handler will hear of these: whatever else caches pages in this process is told now.
  if (outsideNext) purgeTags(tags)
}
