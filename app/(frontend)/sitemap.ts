import type { MetadataRoute } from 'next'

import { listPublishedArticleEntries } from '@/data/feeds'
import { articlePath, blogPath, categoryPath } from '@/lib/paths'
import { absoluteUrl } from '@/seo/site'

// Built once and kept until an article or salary table change revalidates the article-list tag.
export const revalidate = false

const latest = (dates: string[]) => dates.reduce((max, date) => (date > max ? date : max), dates[0])

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const articles = await listPublishedArticleEntries()
  const newest = articles.length ? latest(articles.map((article) => article.modifiedAt)) : undefined

  // Categories with at least one published article; an empty category page is not worth a crawl.
  const categories = new Map<string, string[]>()
  for (const article of articles) {
    if (article.category) categories.set(article.category.slug, [...(categories.get(article.category.slug) ?? []), article.modifiedAt])
  }

  return [
    { url: absoluteUrl('/'), lastModified: newest, changeFrequency: 'daily', priority: 1 },
    { url: absoluteUrl(blogPath()), lastModified: newest, changeFrequency: 'daily', priority: 0.8 },
    ...[...categories].map(([slug, dates]) => ({
      url: absoluteUrl(categoryPath(slug)),
      lastModified: latest(dates),
      changeFrequency: 'weekly' as const,
      priority: 0.6,
    })),
    ...articles.map((article) => ({
      url: absoluteUrl(articlePath(article.slug)),
      // The reader-visible date: figure changes count, as on the page and in its JSON-LD.
      lastModified: article.modifiedAt,
      changeFrequency: 'weekly' as const,
      priority: 0.7,
    })),
  ]
}
