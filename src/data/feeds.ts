/**
 * What the sitemap and the RSS feed list: every published article, read as an anonymous reader
 * (`overrideAccess: false`, so a draft can never appear) and cached under the article-list tag that
 * every publish, unpublish, delete and salary-table change revalidates.
 */
import { unstable_cache } from 'next/cache'

import type { Article } from '@payload-types'
import { contentModifiedAt } from '@/lib/articleDates'
import { cacheTags } from '@/lib/cacheTags'

import { payloadClient } from './payload'

export type ArticleEntry = {
  id: string
  title: string
  slug: string
  excerpt: string
  publishedAt: string
  /** contentModifiedAt: the article's own edits or those of a salary table it shows. */
  modifiedAt: string
  category: { title: string; slug: string } | null
}

function toEntry(doc: Partial<Article>): ArticleEntry {
  const category = doc.category && typeof doc.category === 'object' ? { title: doc.category.title, slug: doc.category.slug as string } : null
  const modifiedAt = contentModifiedAt({ updatedAt: doc.updatedAt as string, salaryTables: doc.salaryTables })
  return {
    id: String(doc.id),
    title: doc.title as string,
    slug: doc.slug as string,
    excerpt: doc.excerpt ?? '',
    // Published articles always have a date (populatePublishedAt); the fallback keeps old imports valid.
    publishedAt: doc.publishedAt ?? (doc.createdAt as string),
    modifiedAt,
    category,
  }
}

/** Uncached, for tests; pages use `listPublishedArticleEntries`. Newest first. */
export async function readPublishedArticleEntries(): Promise<ArticleEntry[]> {
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: 'articles',
    sort: '-publishedAt',
    pagination: false,
    limit: 0,
    depth: 1,
    overrideAccess: false,
    select: { title: true, slug: true, excerpt: true, publishedAt: true, createdAt: true, updatedAt: true, category: true, salaryTables: true },
    populate: { categories: { title: true, slug: true }, 'salary-tables': { updatedAt: true } },
  })
  return docs.map(toEntry)
}

export const listPublishedArticleEntries = () =>
  unstable_cache(readPublishedArticleEntries, ['article-entries'], { tags: [cacheTags.articleLists, cacheTags.categories] })()
