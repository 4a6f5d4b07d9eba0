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
 * stale-while-revalidate copy. The cache handler (./nextCacheHandler.mjs) expires them, and only
 * then, with Next's pages already expired, are the front cache and any other purger
 * (./purgers.mjs: an edge cache, other servers) told: a purger told sooner could be refilled from
 * Next's old page. All of it before the save's response: the commit waits for it.
 *
 * Scripts such as the seed run outside Next, where there are no cached pages: they pass
 * `context.disableRevalidate`, which skips the tags. The search cache lives in this process
 * whatever the context, so a script's change forgets searches all the same.
 */
export async function invalidate(req: Request | undefined, change: Invalidation): Promise<void> {
  const tags = typeof change.tags === 'function' ? await change.tags() : (change.tags ?? [])
  if (!tags.length && !change.searches) return
  await afterCommit(req, async () => {
    forgetSearchResults(change.searches === 'all' ? undefined : tags)
    if (!req?.context?.disableRevalidate && tags.length) await expire([...new Set(tags)])
  })
}

type TagExpirer = { revalidateTag: (tags: string[], durations: { expire: number }) => Promise<void> }

/** The server's cache handler (./nextCacheHandler.mjs), which Next loads apart from this bundle. */
const cacheHandler = () =>
  (globalThis as { [key: symbol]: { current?: TagExpirer } | undefined })[Symbol.for('valenx.nextCacheHandler')]
    ?.current

async function expire(tags: string[]): Promise<void> {
  // In the server: expired and purged before the save's response, so the client that saved reads
  // the new page. Next's `revalidateTag` would do the same only after the response (`waitUntil`).
  const handler = cacheHandler()
  if (handler) return handler.revalidateTag(tags, { expire: 0 })
  let outsideNext = false
  for (const tag of tags) {
    try {
      revalidateTag(tag, { expire: 0 })
    } catch {
      // Outside a Next request (scripts, tests of the Local API) Next has no cache to expire. The
      // server's own jobs run inside a request for this reason (src/config/jobRunner.ts).
      outsideNext = true
    }
  }
  // No cache handler will hear of these: whatever else caches pages in this process is told now.
  if (outsideNext) await purgeTags(tags)
}
