/** Article cards: what the home page, the blog and category lists, related posts and search show. */
import type { Article, Category } from '@payload-types'
import { cacheTags } from '@/cache/tags'
import { contentModifiedAt } from '@/lib/articleDates'

import { cachedRead } from './read'

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

/** Every list of cards changes with any article, and shows category names. */
const listTags = [cacheTags.articleLists, cacheTags.categories]

export type ArticlePage = { cards: ArticleCardData[]; page: number; totalPages: number; totalDocs: number }

/** One page of the blog, or of a category's articles, newest first. */
export const listArticles = (page = 1, categorySlug?: string) =>
  cachedRead(['article-list', String(page), categorySlug ?? ''], listTags, async (reader): Promise<ArticlePage> => {
    const result = await reader.find({
      collection: 'articles',
      where: categorySlug ? { 'category.slug': { equals: categorySlug } } : undefined,
      sort: '-publishedAt',
      limit: PAGE_SIZE,
      page,
      depth: 1,
      select: cardSelect,
      populate: cardPopulate,
    })
    return { cards: result.docs.map(toCard), page: result.page ?? page, totalPages: result.totalPages, totalDocs: result.totalDocs }
  })

export const listFeaturedArticles = () =>
  cachedRead(['article-featured'], listTags, async (reader): Promise<ArticleCardData[]> => {
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
