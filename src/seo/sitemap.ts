/**
 * The sitemap is split: `/sitemap.xml` is a sitemap index naming `/sitemaps/pages.xml` (home, blog,
 * categories) and one `/sitemaps/articles-N.xml` per ARTICLES_PER_SITEMAP articles, newest first.
 * Each file then renders from one page of articles, so it stays quick uncached with 10,000 of them.
 */
export const ARTICLES_PER_SITEMAP = 500

export const articleSitemapName = (page: number) => `articles-${page}`

export type SitemapUrl = { loc: string; lastmod?: string }

const escapeXml = (value: string) =>
  value.replace(
    /[<>&'"]/g,
    (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char] as string,
  )

const entry = (tag: 'url' | 'sitemap', { loc, lastmod }: SitemapUrl) =>
  `<${tag}><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${escapeXml(lastmod)}</lastmod>` : ''}</${tag}>`

const xmlResponse = (body: string, status = 200) =>
  new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`, {
    status,
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  })

export const urlsetResponse = (urls: SitemapUrl[]) =>
  xmlResponse(
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.map((url) => entry('url', url)).join('\n')}\n</urlset>`,
  )

export const sitemapIndexResponse = (sitemaps: SitemapUrl[]) =>
  xmlResponse(
    `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${sitemaps.map((sitemap) => entry('sitemap', sitemap)).join('\n')}\n</sitemapindex>`,
  )
