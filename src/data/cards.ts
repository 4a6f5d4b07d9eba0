/** Article cards: what the home page, the blog and category lists, related posts and search show. */
import type { Article, Category } from '@payload-types'
import { liveSummary } from '@/figures/summary'
import { contentModifiedAt } from '@/lib/articleDates'

import { cachedRead, type Reader } from './read'

export const PAGE_SIZE = 12

export type ArticleCardData = Pick<Article, 'id' | 'title' | 'excerpt' | 'readingTime' | 'publishedAt' | 'updatedAt'> & {
  slug: string
  category: Pick<Category, 'title' | 'slug'> | null
  /** When the article last changed for a reader, figure and FAQ edits included. */
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
  faqs: true,
  summaryFigures: true,
} as const

/**
 * What a card shows of the documents it names: the category's name and address, when each salary
 * table and FAQ last changed (its "Updated" date), and the rows of the tables whose figures its
 * excerpt holds. The read is tagged with each (src/cache/documentTags.ts).
 */
export const cardPopulate = {
  categories: { title: true, slug: true },
  'salary-tables': { updatedAt: true, rows: true, currency: true, title: true },
  faqs: { updatedAt: true },
} as const

export function toCard(doc: Partial<Article>): ArticleCardData {
  const live = liveSummary(doc)
  const category =
    doc.category && typeof doc.category === 'object' ? { title: doc.category.title, slug: doc.category.slug } : null
  return {
    id: doc.id as string,
    title: doc.title as string,
    slug: doc.slug as string,
    excerpt: live.excerpt as string,
    readingTime: doc.readingTime ?? null,
    publishedAt: doc.publishedAt ?? null,
    updatedAt: doc.updatedAt as string,
    category,
    modifiedAt: contentModifiedAt({ updatedAt: doc.updatedAt as string, salaryTables: doc.salaryTables, faqs: doc.faqs }),
  }
}

export type ArticlePage = { cards: ArticleCardData[]; page: number; totalPages: number; totalDocs: number }

/** The category's id for its address, read in the same cached read (so it carries its look-up tag). */
async function categoryId(reader: Reader, slug: string): Promise<string | null> {
  const category = await reader.findOne({ collection: 'categories', where: { slug: { equals: slug } }, depth: 0, select: {} })
  return category ? String(category.id) : null
}

/**
 * One page of the blog, or of a category's articles, newest first. A category's list is filtered on
 * the category's id, so it carries that category's list tag: publishing in one category leaves the
 * others' pages alone.
 */
export const listArticles = (page = 1, categorySlug?: string) =>
  cachedRead(['article-list', String(page), categorySlug ?? ''], [], async (reader): Promise<ArticlePage> => {
    const category = categorySlug ? await categoryId(reader, categorySlug) : null
    if (categorySlug && !category) return { cards: [], page, totalPages: 0, totalDocs: 0 }
    const result = await reader.find({
      collection: 'articles',
      where: category ? { category: { equals: category } } : undefined,
      sort: '-publishedAt',
      limit: PAGE_SIZE,
      page,
      depth: 1,
      select: cardSelect,
      populate: cardPopulate,
    })
    return {
      cards: result.docs.map(toCard),
      page: result.page ?? page,
      totalPages: result.totalPages,
      totalDocs: result.totalDocs,
    }
  })

export const listFeaturedArticles = () =>
  cachedRead(['article-featured'], [], async (reader): Promise<ArticleCardData[]> => {
    const { docs } = await reader.find({
      collection: 'articles',
      where: { featured: { equals: true } },
      sort: '-publishedAt',
      limit: 3,
      depth: 1,
      select: cardSelect,
      populate: cardPopulate,
    })
    return docs.map(toCard)
  })
