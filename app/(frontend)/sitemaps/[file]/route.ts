import { getSitemapOverview, listSitemapEntries } from '@/data'
import { articlePath, blogPath, categoryPath, homePath } from '@/lib/paths'
import { absoluteUrl } from '@/seo/site'
import { urlsetResponse } from '@/seo/sitemap'

// Rendered on first request, then kept until an article or salary table change revalidates the
// article-list tag, like the index that names these files.
export const dynamic = 'force-static'
export const dynamicParams = true
export const revalidate = false

export function generateStaticParams() {
  return []
}

const notFound = () =>
  new Response('No such sitemap.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })

/** `/sitemaps/pages.xml`: home, blog and categories; `/sitemaps/articles-N.xml`: the Nth file of articles. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params
  if (file === 'pages.xml') {
    const { newest, categories } = await getSitemapOverview()
    return urlsetResponse([
      { loc: absoluteUrl(homePath()), lastmod: newest ?? undefined },
      { loc: absoluteUrl(blogPath()), lastmod: newest ?? undefined },
      // Only categories with a published article: an empty category page is not worth a crawl.
      ...categories.map(({ slug, modifiedAt }) => ({ loc: absoluteUrl(categoryPath(slug)), lastmod: modifiedAt })),
    ])
  }
  const page = Number(/^articles-([1-9]\d{0,4})\.xml$/.exec(file)?.[1])
  if (!page) return notFound()
  const entries = await listSitemapEntries(page)
  if (!entries.length) return notFound()
  // The reader-visible date: figure changes count, as on the page and in its JSON-LD.
  return urlsetResponse(
    entries.map((entry) => ({ loc: absoluteUrl(articlePath(entry.slug)), lastmod: entry.modifiedAt })),
  )
}
