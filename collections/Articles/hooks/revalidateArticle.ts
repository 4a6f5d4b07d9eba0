import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import type { Article } from '@payload-types'
import { invalidate } from '@/cache/invalidate'
import { cacheTags } from '@/cache/tags'
import { wasPublishedBefore } from '@/hooks/keepPublishedOnPlainSave'

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
  return docs
    .flatMap((doc) => [doc?.slug, ...(doc?.previousSlugs ?? []).map((entry) => entry.slug)])
    .filter(Boolean)
    .map((slug) => cacheTags.article(slug as string))
}

export const revalidateArticle: CollectionAfterChangeHook<Article> = async ({ doc, previousDoc, req }) => {
  // previousDoc is the latest version, a draft when one was pending over the published document.
  const wasOrIsPublic =
    doc._status === 'published' || previousDoc?._status === 'published' || wasPublishedBefore(req, 'articles', doc.id)
  if (!wasOrIsPublic) return doc
  const tags = async () => [
    ...slugTags(doc, previousDoc),
    cacheTags.articleLists,
    ...(await citingArticleTags(doc.id, req)),
  ]
  await invalidate(req, { tags, searches: 'all' })
  return doc
}

export const revalidateDeletedArticle: CollectionAfterDeleteHook<Article> = async ({ doc, req }) => {
  const tags = async () => [...slugTags(doc), cacheTags.articleLists, ...(await citingArticleTags(doc.id, req))]
  await invalidate(req, { tags, searches: 'all' })
  return doc
}
