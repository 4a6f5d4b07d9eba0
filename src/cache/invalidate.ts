import { revalidateTag } from 'next/cache'
import type { PayloadRequest } from 'payload'

import { afterCommit } from '@/db/afterCommit'

import { purgeFrontCache } from './frontCache.mjs'
import { forgetSearchResults } from './searchCache'

type Request = Pick<PayloadRequest, 'context' | 'transactionID'>

export type Invalidation = {
  /**
   * Next's cache tags (./tags.ts) of what the change shows in, or a function that finds them (only
   * called when pages are revalidated at all). The front cache is emptied with them.
   */
  tags?: string[] | (() => Promise<string[]>)
  /** Remembered search results to forget: all of them, or only those whose cards show this salary table. */
  searches?: 'all' | { showing: string }
}

/**
 * The one way a change reaches readers' caches; every hook that changes what readers see calls it.
 *
 * It acts once the save has committed (a reader regenerating a page before that would cache the old
 * content; `src/db/afterCommit.ts`), in this order: the searches are forgotten, the front cache is
 * emptied (it sits in front of Next's cache, so no reader gets a page Next would no longer give),
 * then Next's tags expire at once (`expire: 0`), so the next reader gets the new figures rather than
 * a stale-while-revalidate copy.
 *
 * Scripts such as the seed run outside Next, where there are no cached pages: they pass
 * `context.disableRevalidate`, which skips the tags (and finding them). The search cache lives in
 * this process whatever the context, so a script's change forgets searches all the same.
 */
export async function invalidate(req: Request | undefined, change: Invalidation): Promise<void> {
  const { searches } = change
  const pagesCached = change.tags && !req?.context?.disableRevalidate
  const tags = pagesCached ? await (typeof change.tags === 'function' ? change.tags() : change.tags) : null
  if (!tags && !searches) return
  afterCommit(req, () => {
    if (searches) forgetSearchResults(searches === 'all' ? undefined : searches.showing)
    if (tags) purgeAndRevalidate(tags)
  })
}

function purgeAndRevalidate(tags: string[]): void {
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
