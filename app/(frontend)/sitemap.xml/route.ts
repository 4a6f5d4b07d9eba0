import { getSitemapFileDates, getSitemapOverview } from '@/data'
import { sitemapFilePath } from '@/lib/paths'
import { absoluteUrl } from '@/seo/site'
import { ARTICLES_PER_SITEMAP, articleSitemapName, sitemapIndexResponse } from '@/seo/sitemap'

// Built once and kept until an article or salary table change revalidates the article-list tag.
export const dynamic = 'force-static'
export const revalidate = false

/**
 * The sitemap index: the pages sitemap, then one file per ARTICLES_PER_SITEMAP articles, each dated
 * by the newest change among its articles, so a crawler fetches again only the files that changed.
 */
export async function GET(): Promise<Response> {
  const { articleCount, newest } = await getSitemapOverview()
  const articleFiles = Math.ceil(articleCount / ARTICLES_PER_SITEMAP)
  const fileDates = await getSitemapFileDates(articleCount)
  return sitemapIndexResponse([
    { loc: absoluteUrl(sitemapFilePath('pages')), lastmod: newest ?? undefined },
    ...Array.from({ length: articleFiles }, (_, index) => ({
      loc: absoluteUrl(sitemapFilePath(articleSitemapName(index + 1))),
      lastmod: fileDates[index] || undefined,
    })),
  ])
}
