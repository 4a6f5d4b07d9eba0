import type { CollectionBeforeChangeHook } from 'payload'

type SlugEntry = { slug?: string | null; id?: string | null }

/**
 * Readers and search engines keep old links: when a published article gets a new slug, the old
 * one is kept so its page redirects permanently to the new address.
 */
export const rememberPreviousSlug: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !originalDoc?.id || typeof data.slug !== 'string') return data
  const published = await req.payload
    .findByID({
      collection: 'articles',
      id: originalDoc.id,
      draft: false,
      depth: 0,
      overrideAccess: true,
      req,
      select: { slug: true, _status: true },
    })
    .catch(() => null)
  const publishedSlug = published?._status === 'published' ? published.slug : undefined
  const previous: SlugEntry[] = Array.isArray(data.previousSlugs)
    ? data.previousSlugs
    : (originalDoc.previousSlugs ?? [])
  const kept = previous.filter((entry) => entry.slug && entry.slug !== data.slug)
  if (publishedSlug && publishedSlug !== data.slug && !kept.some((entry) => entry.slug === publishedSlug)) {
    kept.push({ slug: publishedSlug })
  }
  data.previousSlugs = kept.map(({ slug }) => ({ slug }))
  return data
}
