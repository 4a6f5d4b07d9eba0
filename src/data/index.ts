/**
 * Everything the public pages read, in one place. Each function asks the Local API on behalf of an
 * anonymous reader (`overrideAccess: false`, no user), so drafts can never reach a page, and is
 * cached under the tags that the collections' hooks revalidate when content changes.
 */
import { unstable_cache } from 'next/cache'

import type { Article, Category, SalaryTable, Site } from '@payload-types'
import { loadFigureChanges, type FigureChange } from '@/salary-tables/history'
import { resolveFigures } from '@/figures/resolve'
import { contentModifiedAt } from '@/lib/articleDates'
import { cacheTags } from '@/cache/tags'

import { payloadClient } from './payload'

export const PAGE_SIZE = 12

export type ArticleCardData = Pick<Article, 'id' | 'title' | 'excerpt' | 'readingTime' | 'publishedAt' | 'updatedAt'> & {
  slug: string
  category: Pick<Category, 'title' | 'slug'> | null
  /** When the article last changed for a reader, figure edits included. */
  modifiedAt: string
}

export const cardSelect = {
  title: true,
  slug: true,
  excerpt: true,
  readingTime: true,
  publishedAt: true,
  updatedAt: true,
  category: true,
  salaryTables: true,
} as const

/** Cards need only when each salary table they show last changed, not its rows. */
export const cardPopulate = { 'salary-tables': { updatedAt: true } } as const

export function toCard(doc: Partial<Article>): ArticleCardData {
  const category = doc.category && typeof doc.category === 'object' ? { title: doc.category.title, slug: doc.category.slug } : null
  return {
    id: doc.id as string,
    title: doc.title as string,
    slug: doc.slug as string,
    excerpt: doc.excerpt as string,
    readingTime: doc.readingTime ?? null,
    publishedAt: doc.publishedAt ?? null,
    updatedAt: doc.updatedAt as string,
    category,
    modifiedAt: contentModifiedAt({ updatedAt: doc.updatedAt as string, salaryTables: doc.salaryTables }),
  }
}

/**
 * Which salary tables a published article shows (its dependency index). Its own cache entry lives
 * as long as the article is unchanged; the article's is tagged with these tables.
 */
const getArticleTableIds = (slug: string) =>
  unstable_cache(
    async (): Promise<string[]> => {
      const payload = await payloadClient()
      const { docs } = await payload.find({
        collection: 'articles',
        where: { slug: { equals: slug } },
        limit: 1,
        depth: 0,
        overrideAccess: false,
        pagination: false,
        joins: false,
        select: { salaryTables: true },
      })
      return (docs[0]?.salaryTables ?? []).map((table) => String(typeof table === 'object' ? table.id : table)).sort()
    },
    ['article-table-ids', slug],
    { tags: [cacheTags.article(slug)] },
  )()

/**
 * A published article as its page shows it, figures resolved. Tagged with its own slug and with
 * every salary table it shows, so saving a table refreshes all the articles showing it through one
 * tag, however many there are, instead of one tag per article.
 */
export const getArticleBySlug = async (slug: string) => {
  const tableIds = await getArticleTableIds(slug)
  return unstable_cache(
    async (): Promise<Article | null> => {
      const payload = await payloadClient()
      const { docs } = await payload.find({
        collection: 'articles',
        where: { slug: { equals: slug } },
        limit: 1,
        depth: 2,
        overrideAccess: false,
        pagination: false,
        // "Linked from" is for editors; computing it reads every article that links here.
        joins: false,
      })
      if (docs[0]) resolveFigures(docs[0].content)
      return docs[0] ?? null
    },
    ['article-by-slug', slug, ...tableIds],
    { tags: [cacheTags.article(slug), cacheTags.categories, ...tableIds.map((id) => cacheTags.salaryTable(id))] },
  )()
}

/**
 * The latest draft of an article, for a signed-in editor in draft mode. Never cached, and read with
 * that user's own access rights: the draft-mode cookie alone shows nothing.
 */
export async function getArticlePreview(slug: string, headers: Headers): Promise<Article | null> {
  const payload = await payloadClient()
  const { user } = await payload.auth({ headers })
  if (!user) return null
  const { docs } = await payload.find({
    collection: 'articles',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 2,
    draft: true,
    user,
    overrideAccess: false,
    pagination: false,
    joins: false,
  })
  if (docs[0]) resolveFigures(docs[0].content)
  return docs[0] ?? null
}

/** The current slug of a published article that used to live at `slug`, for a permanent redirect. */
export const getRedirectForSlug = (slug: string) =>
  unstable_cache(
    async (): Promise<string | null> => {
      const payload = await payloadClient()
      const { docs } = await payload.find({
        collection: 'articles',
        where: { 'previousSlugs.slug': { equals: slug } },
        limit: 1,
        depth: 0,
        overrideAccess: false,
        pagination: false,
        select: { slug: true },
      })
      return (docs[0]?.slug as string | undefined) ?? null
    },
    ['article-redirect', slug],
    { tags: [cacheTags.article(slug), cacheTags.articleLists] },
  )()

export type ArticlePage = { cards: ArticleCardData[]; page: number; totalPages: number; totalDocs: number }

export const listArticles = (page = 1, categorySlug?: string) =>
  unstable_cache(
    async (): Promise<ArticlePage> => {
      const payload = await payloadClient()
      const result = await payload.find({
        collection: 'articles',
        where: categorySlug ? { 'category.slug': { equals: categorySlug } } : undefined,
        sort: '-publishedAt',
        limit: PAGE_SIZE,
        page,
        depth: 1,
        overrideAccess: false,
        select: cardSelect,
        populate: cardPopulate,
      })
      return { cards: result.docs.map(toCard), page: result.page ?? page, totalPages: result.totalPages, totalDocs: result.totalDocs }
    },
    ['article-list', String(page), categorySlug ?? ''],
    { tags: [cacheTags.articleLists, cacheTags.categories] },
  )()

export const listFeaturedArticles = () =>
  unstable_cache(
    async (): Promise<ArticleCardData[]> => {
      const payload = await payloadClient()
      const { docs } = await payload.find({
        collection: 'articles',
        where: { featured: { equals: true } },
        sort: '-publishedAt',
        limit: 3,
        depth: 1,
        overrideAccess: false,
        select: cardSelect,
        populate: cardPopulate,
      })
      return docs.map(toCard)
    },
    ['article-featured'],
    { tags: [cacheTags.articleLists, cacheTags.categories] },
  )()

/**
 * The newest published articles' slugs, pre-rendered at build time. The rest render on their first
 * visit and are cached from then on: a build that rendered 10,000 articles would take an hour.
 */
export const listRecentSlugs = (limit: number) =>
  unstable_cache(
    async (): Promise<string[]> => {
      const payload = await payloadClient()
      const { docs } = await payload.find({
        collection: 'articles',
        sort: '-publishedAt',
        limit,
        pagination: false,
        depth: 0,
        overrideAccess: false,
        select: { slug: true },
      })
      return docs.map((doc) => doc.slug as string)
    },
    ['article-slugs', String(limit)],
    { tags: [cacheTags.articleLists] },
  )()

export const getSite = () =>
  unstable_cache(
    async (): Promise<Site> => {
      const payload = await payloadClient()
      return payload.findGlobal({ slug: 'site', depth: 0, overrideAccess: false })
    },
    ['site'],
    { tags: [cacheTags.site] },
  )()

/** A published salary table by id, for its CSV download. */
export const getSalaryTable = (id: string) =>
  unstable_cache(
    async (): Promise<SalaryTable | null> => {
      const payload = await payloadClient()
      const { docs } = await payload.find({
        collection: 'salary-tables',
        where: { id: { equals: id } },
        limit: 1,
        depth: 0,
        overrideAccess: false,
        pagination: false,
        joins: false,
      })
      return docs[0] ?? null
    },
    ['salary-table', id],
    { tags: [cacheTags.salaryTable(id)] },
  )()

/**
 * The published history of the salary tables an article shows, as reader-facing changes. Versions
 * are staff-only through the API; here only published versions are read, and only the figures
 * (public in any case) leave this function.
 */
export const getFigureChanges = (tableIds: string[]) =>
  unstable_cache(async (): Promise<FigureChange[]> => loadFigureChanges(await payloadClient(), tableIds), ['figure-changes', ...tableIds], {
    tags: tableIds.map((id) => cacheTags.salaryTable(id)),
  })()

export const getCategoryBySlug = (slug: string) =>
  unstable_cache(
    async (): Promise<Category | null> => {
      const payload = await payloadClient()
      const { docs } = await payload.find({
        collection: 'categories',
        where: { slug: { equals: slug } },
        limit: 1,
        depth: 0,
        overrideAccess: false,
        pagination: false,
      })
      return docs[0] ?? null
    },
    ['category-by-slug', slug],
    { tags: [cacheTags.categories] },
  )()

export const listCategories = () =>
  unstable_cache(
    async (): Promise<Category[]> => {
      const payload = await payloadClient()
      const { docs } = await payload.find({ collection: 'categories', sort: 'title', limit: 100, depth: 0, overrideAccess: false, pagination: false })
      return docs
    },
    ['categories'],
    { tags: [cacheTags.categories] },
  )()
