import type { MetadataRoute } from 'next'

import { listSitemapEntries } from '@/data/feeds'
import { articlePath, blogPath, categoryPath } from '@/lib/paths'
import { absoluteUrl } from '@/seo/site'

// Built once and kept until an article or salary table change revalidates the article-list tag.
export const revalidate = false

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const articles = await listSitemapEntries()
  const newest = articles.reduce<string | undefined>((max, { modifiedAt }) => (!max || modifiedAt > max ? modifiedAt : max), undefined)

  // Categories with at least one published article; an empty category page is not worth a crawl.
  const categories = new Map<string, string>()
  for (const { categorySlug, modifiedAt } of articles) {
    if (categorySlug && modifiedAt > (categories.get(categorySlug) ?? '')) categories.set(categorySlug, modifiedAt)
  }

  return [
    { url: absoluteUrl('/'), lastModified: newest, changeFrequency: 'daily', priority: 1 },
    { url: absoluteUrl(blogPath()), lastModified: newest, changeFrequency: 'daily', priority: 0.8 },
    ...[...categories].map(([slug, lastModified]) => ({
      url: absoluteUrl(categoryPath(slug)),
      lastModified,
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
