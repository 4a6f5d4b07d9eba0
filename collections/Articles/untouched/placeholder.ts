import type { Payload, PayloadRequest } from 'payload'

/**
 * "Create New" on articles: Payload creates the draft as soon as the form opens, because articles
 * autosave and autosave needs a document to save into (`versions.drafts.autosave` without
 * `drafts.validate`; @payloadcms/next renderDocument). An editor who clicks it and goes away
 * would leave an empty draft, listed by its id. Such a draft is a placeholder: never given a
 * title, never saved again (its creation is its only version), never published. Placeholders
 * are deleted when their form is left (DiscardUntouchedDraft, POST /api/articles/:id/discard),
 * and any left behind (a closed laptop) are swept when the next one is created.
 */

/** How long a placeholder may wait for its editor before the sweep takes it. */
export const PLACEHOLDER_GRACE_MS = 60 * 60 * 1000

type Doc = { id: string; title?: string | null; _status?: string | null; createdAt?: string }

export async function isPlaceholder(payload: Payload, doc: Doc, req?: PayloadRequest): Promise<boolean> {
  if (doc._status !== 'draft' || (typeof doc.title === 'string' && doc.title.trim() !== '')) return false
  const { totalDocs } = await payload.countVersions({
    collection: 'articles',
    where: { parent: { equals: doc.id } },
    overrideAccess: true,
    req,
  })
  return totalDocs <= 1
}

/** Deletes the article if it is a placeholder; says whether it did. */
export async function discardPlaceholder(payload: Payload, doc: Doc, req?: PayloadRequest): Promise<boolean> {
  if (!(await isPlaceholder(payload, doc, req))) return false
  await payload.delete({
    collection: 'articles',
    id: doc.id,
    overrideAccess: true,
    // Never published, never on a page: no cache to empty.
    context: { disableRevalidate: true },
    req,
  })
  return true
}

/** Placeholders older than the grace period, whoever opened them. */
export async function sweepPlaceholders(payload: Payload, req?: PayloadRequest, now = Date.now()): Promise<number> {
  const { docs } = await payload.find({
    collection: 'articles',
    where: {
      and: [
        { _status: { equals: 'draft' } },
        { title: { exists: false } },
        { createdAt: { less_than: new Date(now - PLACEHOLDER_GRACE_MS).toISOString() } },
      ],
    },
    depth: 0,
    limit: 50,
    overrideAccess: true,
    select: { title: true, _status: true, createdAt: true },
    req,
  })
  let swept = 0
  for (const doc of docs) if (await discardPlaceholder(payload, doc as Doc, req)) swept++
  return swept
}
