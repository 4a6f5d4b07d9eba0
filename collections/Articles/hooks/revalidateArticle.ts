import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import type { Article } from '@payload-types'
import { cacheTags } from '@/cache/tags'
import { afterCommit } from '@/db/afterCommit'
import { revalidateTags } from '@/cache/invalidate'
import { forgetSearchResults } from '@/cache/searchCache'

/** Articles whose related-post cards show this one must re-render with it. */
async function citingArticleTags(id: string, req: PayloadRequest): Promise<string[]> {
  const { docs } = await req.payload.find({
    collection: 'articles',
    where: { relatedPosts: { in: [id] } },
    depth: 0,
    // Every dependent page, however many: a partial list would leave stale figures behind.
    pagination: false,
    overrideAccess: true,
    req,
    select: { slug: true },
  })
  return docs.map((doc) => cacheTags.article(doc.slug as string))
}

function slugTags(...docs: (Partial<Article> | undefined)[]): string[] {
  return docs.flatMap((doc) => [doc?.slug, ...(doc?.previousSlugs ?? []).map((entry) => entry.slug)]).filter(Boolean).map((slug) => cacheTags.article(slug as string))
}

export const revalidateArticle: CollectionAfterChangeHook<Article> = async ({ doc, previousDoc, req }) => {
  const wasOrIsPublic = doc._status === 'published' || previousDoc?._status === 'published'
  if (!wasOrIsPublic) return doc
  // The search cache lives in this process whatever the context: a script's change must clear it too.
  afterCommit(req, () => forgetSearchResults())
  if (req.context.disableRevalidate) return doc
  revalidateTags([...slugTags(doc, previousDoc), cacheTags.articleLists, ...(await citingArticleTags(doc.id, req))], req)
  return doc
}

export const revalidateDeletedArticle: CollectionAfterDeleteHook<Article> = async ({ doc, req }) => {
  afterCommit(req, () => forgetSearchResults())
  if (req.context.disableRevalidate) return doc
  revalidateTags([...slugTags(doc), cacheTags.articleLists, ...(await citingArticleTags(doc.id, req))], req)
  return doc
}
