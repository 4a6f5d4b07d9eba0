/**
 * What the sitemap and the RSS feed list: published articles, read as an anonymous reader
 * (`overrideAccess: false`, so a draft can never appear) and cached under the article-list tag that
 * every publish, unpublish, delete and salary-table change revalidates.
 */
import { unstable_cache } from 'next/cache'

import type { Article, Category, SalaryTable } from '@payload-types'
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

export type SitemapEntry = Pick<ArticleEntry, 'slug' | 'modifiedAt'> & { categorySlug: string | null }

const entrySelect = { title: true, slug: true, excerpt: true, publishedAt: true, createdAt: true, updatedAt: true, category: true, salaryTables: true } as const

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

/** Uncached, for tests; the feed uses `listRecentArticleEntries`. Newest first; `limit` 0 reads them all. */
export async function readPublishedArticleEntries(limit = 0): Promise<ArticleEntry[]> {
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: 'articles',
    sort: '-publishedAt',
    pagination: false,
    limit,
    depth: 1,
    overrideAccess: false,
    select: entrySelect,
    populate: { categories: { title: true, slug: true }, 'salary-tables': { updatedAt: true } },
  })
  return docs.map(toEntry)
}

export const listRecentArticleEntries = (limit: number) =>
  unstable_cache(() => readPublishedArticleEntries(limit), ['article-entries', String(limit)], {
    tags: [cacheTags.articleLists, cacheTags.categories],
  })()

/**
 * Every published article's address and reader-visible date, for the sitemap. With thousands of
 * articles, populating each one's category and tables costs more than the rest of the sitemap, so
 * the articles are read unpopulated and the few categories and tables are read once and joined here.
 * The tables are read as a reader sees them: an unpublished one is absent and does not count.
 */
export async function readSitemapEntries(): Promise<SitemapEntry[]> {
  const payload = await payloadClient()
  const [articles, categories, tables] = await Promise.all([
    payload.find({
      collection: 'articles',
      sort: '-publishedAt',
      pagination: false,
      limit: 0,
      depth: 0,
      overrideAccess: false,
      select: { slug: true, updatedAt: true, category: true, salaryTables: true },
    }),
    payload.find({ collection: 'categories', pagination: false, limit: 0, depth: 0, overrideAccess: false, select: { slug: true } }),
    payload.find({ collection: 'salary-tables', pagination: false, limit: 0, depth: 0, overrideAccess: false, select: { updatedAt: true } }),
  ])
  const categorySlugs = new Map(categories.docs.map((category: Pick<Category, 'id' | 'slug'>) => [String(category.id), category.slug as string]))
  const publishedTables = new Map(tables.docs.map((table: Pick<SalaryTable, 'id' | 'updatedAt'>) => [String(table.id), table]))
  return articles.docs.map((doc) => {
    const categoryId = doc.category && typeof doc.category === 'object' ? String(doc.category.id) : doc.category ? String(doc.category) : null
    const salaryTables = (doc.salaryTables ?? []).map((table) => publishedTables.get(String(typeof table === 'object' ? table.id : table))).filter(Boolean)
    return {
      slug: doc.slug as string,
      modifiedAt: contentModifiedAt({ updatedAt: doc.updatedAt as string, salaryTables: salaryTables as SalaryTable[] }),
      categorySlug: categoryId ? (categorySlugs.get(categoryId) ?? null) : null,
    }
  })
}

export const listSitemapEntries = () =>
  unstable_cache(readSitemapEntries, ['sitemap-entries'], { tags: [cacheTags.articleLists, cacheTags.categories] })()
