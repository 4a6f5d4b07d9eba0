import crypto from 'node:crypto'

import { revalidateTag } from 'next/cache'
import type { PayloadRequest } from 'payload'

import { afterCommit } from './afterCommit'
import { payloadSecret } from './env'
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
  const outsideRequest: string[] = []
  for (const tag of new Set(tags)) {
    try {
      revalidateTag(tag, { expire: 0 })
    } catch {
      outsideRequest.push(tag)
    }
  }
  if (outsideRequest.length) revalidateThroughServer(outsideRequest)
}

/** Shared by the server and its revalidation route; derived from PAYLOAD_SECRET, never committed. */
export function revalidateSecret(): string {
  return crypto.createHmac('sha256', payloadSecret()).update('valenx-revalidate').digest('hex')
}

/**
 * Next revalidates only from inside one of its requests. Scheduled publishing runs in the server's
 * job runner, outside any request, and would leave the pages showing the old list: so it asks the
 * server it runs in, over loopback (`/next/revalidate`). `server.mjs` says where that is; with no
 * server (scripts, tests of the Local API) there is no cache to revalidate.
 */
function revalidateThroughServer(tags: string[]): void {
  const base = process.env.VALENX_INTERNAL_URL
  if (!base) return
  fetch(`${base}/next/revalidate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-revalidate-secret': revalidateSecret() },
    body: JSON.stringify({ tags }),
  }).then(
    (response) => {
      if (!response.ok) console.error(`Revalidating ${tags.join(', ')} through the server failed: HTTP ${response.status}`)
    },
    (error: unknown) => console.error(`Revalidating ${tags.join(', ')} through the server failed:`, error),
  )
}
