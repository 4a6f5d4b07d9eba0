/**
 * What the sitemap and the RSS feed list: published articles, read as an anonymous reader (so a
 * draft can never appear). The feed carries the tags of the 50 articles it lists (and of their
 * categories, tables and FAQs); a sitemap file lists 500 and dates each by its every change, so it
 * carries the articles' `any` tag (src/cache/documentTags.ts folds them).
 */
import type { Article, Category, Faq, SalaryTable } from '@payload-types'
import { liveSummary } from '@/figures/summary'
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
  faqs: true,
  summaryFigures: true,
} as const

function toEntry(doc: Partial<Article>): ArticleEntry {
  const category = doc.category && typeof doc.category === 'object' ? { title: doc.category.title, slug: doc.category.slug as string } : null
  const modifiedAt = contentModifiedAt({
    updatedAt: doc.updatedAt as string,
    salaryTables: doc.salaryTables,
    faqs: doc.faqs,
  })
  return {
    id: String(doc.id),
    title: doc.title as string,
    slug: doc.slug as string,
    excerpt: liveSummary(doc).excerpt ?? '',
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
    populate: {
      categories: { title: true, slug: true },
      'salary-tables': { updatedAt: true, rows: true, currency: true, title: true },
      faqs: { updatedAt: true },
    },
  })
  return docs.map(toEntry)
}

export const listRecentArticleEntries = (limit: number) =>
  cachedRead(['article-entries', String(limit)], [], (reader) => publishedArticleEntries(reader, limit))

/**
 * Published articles' addresses and reader-visible dates for one sitemap file (`page`, newest
 * first, ARTICLES_PER_SITEMAP to a file), or all of them without `page`. The categories and tables
 * are read once and joined here rather than populated article by article. The tables are read as a
 * reader sees them: an unpublished one is absent and does not count.
 */
export const readSitemapEntries = (page?: number) => readAsReader((reader) => sitemapEntries(reader, page))

async function sitemapEntries(reader: Reader, page?: number): Promise<SitemapEntry[]> {
  const [articles, categories, tables, faqs] = await Promise.all([
    reader.find({
      collection: 'articles',
      sort: '-publishedAt',
      ...(page ? { limit: ARTICLES_PER_SITEMAP, page, pagination: true } : { limit: 0, pagination: false }),
      depth: 0,
      joins: false,
      select: { slug: true, updatedAt: true, category: true, salaryTables: true, faqs: true },
    }),
    reader.find({ collection: 'categories', pagination: false, limit: 0, depth: 0, select: { slug: true } }),
    publishedDates(reader, 'salary-tables'),
    publishedDates(reader, 'faqs'),
  ])
  const categorySlugs = new Map(categories.docs.map((category: Pick<Category, 'id' | 'slug'>) => [String(category.id), category.slug as string]))
  return articles.docs.map((doc) => {
    const categoryId = doc.category && typeof doc.category === 'object' ? String(doc.category.id) : doc.category ? String(doc.category) : null
    const dated = (ids: unknown[] | null | undefined, dates: Map<string, Dated>) =>
      (ids ?? []).map((id) => dates.get(String(typeof id === 'object' && id ? (id as Dated).id : id))).filter(Boolean)
    return {
      slug: doc.slug as string,
      modifiedAt: contentModifiedAt({
        updatedAt: doc.updatedAt as string,
        salaryTables: dated(doc.salaryTables, tables) as SalaryTable[],
        faqs: dated(doc.faqs, faqs) as Faq[],
      }),
      categorySlug: categoryId ? (categorySlugs.get(categoryId) ?? null) : null,
    }
  })
}

type Dated = { id: string; updatedAt: string }

/** When each published salary table last changed, by id (the sitemap index dates its files by them). */
export const publishedTables = (reader: Reader) => publishedDates(reader, 'salary-tables')

/** When each published salary table or FAQ last changed, by id. */
async function publishedDates(reader: Reader, collection: 'salary-tables' | 'faqs'): Promise<Map<string, Dated>> {
  const { docs } = await reader.find({
    collection,
    pagination: false,
    limit: 0,
    depth: 0,
    joins: false,
    select: { updatedAt: true },
  })
  return new Map(docs.map((doc) => [String(doc.id), doc as Dated]))
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
 * category its most recently edited article and the newest change of any salary table or FAQ its
 * articles show (their edits move an article's date as much as its own edits do).
 */
export const readSitemapOverview = () => readAsReader(sitemapOverview)

async function sitemapOverview(reader: Reader): Promise<SitemapOverview> {
  const [{ totalDocs: articleCount }, categories, tables, faqs] = await Promise.all([
    reader.count({ collection: 'articles' }),
    reader.find({ collection: 'categories', pagination: false, limit: 0, depth: 0, select: { slug: true } }),
    publishedDates(reader, 'salary-tables'),
    publishedDates(reader, 'faqs'),
  ])
  const shown = [
    ...[...tables.values()].map((doc) => ({ field: 'salaryTables', doc })),
    ...[...faqs.values()].map((doc) => ({ field: 'faqs', doc })),
  ]
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
      for (const { field, doc } of shown) {
        const at = new Date(doc.updatedAt).toISOString()
        if (at <= modifiedAt) continue
        const { totalDocs } = await reader.count({
          collection: 'articles',
          where: { and: [{ category: { equals: category.id } }, { [field]: { in: [doc.id] } }] },
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
  cachedRead(['sitemap-entries', String(page)], [], (reader) => sitemapEntries(reader, page))

export const getSitemapOverview = () => cachedRead(['sitemap-overview'], [], sitemapOverview)
