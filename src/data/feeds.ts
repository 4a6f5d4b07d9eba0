/**
 * What the sitemap and the RSS feed list: published articles, read as an anonymous reader (so a
 * draft can never appear) and cached under the article-list tag that every publish, unpublish,
 * delete and salary-table change revalidates.
 */
import type { Article, Category, SalaryTable } from '@payload-types'
import { cacheTags } from '@/cache/tags'
import { contentModifiedAt } from '@/lib/articleDates'
import { ARTICLES_PER_SITEMAP } from '@/seo/sitemap'

import { cachedRead, readAsReader, type Reader } from './read'

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

const entrySelect = {
  title: true,
  slug: true,
  excerpt: true,
  publishedAt: true,
  createdAt: true,
  updatedAt: true,
  category: true,
  salaryTables: true,
} as const

/** Feeds and sitemaps change with any article, and name categories. */
const listTags = [cacheTags.articleLists, cacheTags.categories]

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
export const readPublishedArticleEntries = (limit = 0) =>
  readAsReader((reader) => publishedArticleEntries(reader, limit))

async function publishedArticleEntries(reader: Reader, limit: number): Promise<ArticleEntry[]> {
  const { docs } = await reader.find({
    collection: 'articles',
    sort: '-publishedAt',
    pagination: false,
    limit,
    depth: 1,
    select: entrySelect,
    populate: { categories: { title: true, slug: true }, 'salary-tables': { updatedAt: true } },
  })
  return docs.map(toEntry)
}

export const listRecentArticleEntries = (limit: number) =>
  cachedRead(['article-entries', String(limit)], listTags, (reader) => publishedArticleEntries(reader, limit))

/**
 * Published articles' addresses and reader-visible dates for one sitemap file (`page`, newest
 * first, ARTICLES_PER_SITEMAP to a file), or all of them without `page`. The categories and tables
 * are read once and joined here rather than populated article by article. The tables are read as a
 * reader sees them: an unpublished one is absent and does not count.
 */
export const readSitemapEntries = (page?: number) => readAsReader((reader) => sitemapEntries(reader, page))

async function sitemapEntries(reader: Reader, page?: number): Promise<SitemapEntry[]> {
  const [articles, categories, tables] = await Promise.all([
    reader.find({
      collection: 'articles',
      sort: '-publishedAt',
      ...(page ? { limit: ARTICLES_PER_SITEMAP, page, pagination: true } : { limit: 0, pagination: false }),
      depth: 0,
      joins: false,
      select: { slug: true, updatedAt: true, category: true, salaryTables: true },
    }),
    reader.find({ collection: 'categories', pagination: false, limit: 0, depth: 0, select: { slug: true } }),
    publishedTables(reader),
  ])
  const categorySlugs = new Map(categories.docs.map((category: Pick<Category, 'id' | 'slug'>) => [String(category.id), category.slug as string]))
  return articles.docs.map((doc) => {
    const categoryId = doc.category && typeof doc.category === 'object' ? String(doc.category.id) : doc.category ? String(doc.category) : null
    const salaryTables = (doc.salaryTables ?? []).map((table) => tables.get(String(typeof table === 'object' ? table.id : table))).filter(Boolean)
    return {
      slug: doc.slug as string,
      modifiedAt: contentModifiedAt({ updatedAt: doc.updatedAt as string, salaryTables: salaryTables as SalaryTable[] }),
      categorySlug: categoryId ? (categorySlugs.get(categoryId) ?? null) : null,
    }
  })
}

export async function publishedTables(reader: Reader): Promise<Map<string, Pick<SalaryTable, 'id' | 'updatedAt'>>> {
  const { docs } = await reader.find({
    collection: 'salary-tables',
    pagination: false,
    limit: 0,
    depth: 0,
    joins: false,
    select: { updatedAt: true },
  })
  return new Map(docs.map((table) => [String(table.id), table]))
}

export type SitemapOverview = {
  articleCount: number
  /** The newest reader-visible change of any article: the home page's and the blog's date. */
  newest: string | null
  /** Each category with at least one published article, and the newest change among them. */
  categories: { slug: string; modifiedAt: string }[]
}

/**
 * What `/sitemap.xml` and `/sitemaps/pages.xml` need without reading every article: a count, and per
 * category its most recently edited article and the newest change of any salary table its articles
 * show (a table edit moves an article's date as much as its own edits do).
 */
export const readSitemapOverview = () => readAsReader(sitemapOverview)

async function sitemapOverview(reader: Reader): Promise<SitemapOverview> {
  const [{ totalDocs: articleCount }, categories, tables] = await Promise.all([
    reader.count({ collection: 'articles' }),
    reader.find({ collection: 'categories', pagination: false, limit: 0, depth: 0, select: { slug: true } }),
    publishedTables(reader),
  ])
  const perCategory = await Promise.all(
    categories.docs.map(async (category) => {
      const { docs } = await reader.find({
        collection: 'articles',
        where: { category: { equals: category.id } },
        sort: '-updatedAt',
        limit: 1,
        pagination: false,
        depth: 0,
        joins: false,
        select: { updatedAt: true },
      })
      if (!docs[0]) return null
      let modifiedAt = new Date(docs[0].updatedAt).toISOString()
      for (const table of tables.values()) {
        const at = new Date(table.updatedAt).toISOString()
        if (at <= modifiedAt) continue
        const { totalDocs } = await reader.count({
          collection: 'articles',
          where: { and: [{ category: { equals: category.id } }, { salaryTables: { in: [table.id] } }] },
        })
        if (totalDocs) modifiedAt = at
      }
      return { slug: category.slug as string, modifiedAt }
    }),
  )
  const withArticles = perCategory.filter((entry): entry is { slug: string; modifiedAt: string } => entry !== null)
  const newest = withArticles.reduce<string | null>((max, { modifiedAt }) => (!max || modifiedAt > max ? modifiedAt : max), null)
  return { articleCount, newest, categories: withArticles }
}

export const listSitemapEntries = (page: number) =>
  cachedRead(['sitemap-entries', String(page)], listTags, (reader) => sitemapEntries(reader, page))

export const getSitemapOverview = () => cachedRead(['sitemap-overview'], listTags, sitemapOverview)
