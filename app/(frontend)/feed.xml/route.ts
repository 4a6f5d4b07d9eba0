import { Feed } from 'feed'

import { listRecentArticleEntries } from '@/data'
import { articlePath, categoryPath, feedPath, homePath } from '@/lib/paths'
import { absoluteUrl, SITE_DESCRIPTION, SITE_NAME } from '@/seo/site'

// Rendered once and kept until the article-list tag is revalidated (publish, unpublish, delete,
// or a salary table edit), like the pages that list the same articles.
export const dynamic = 'force-static'
export const revalidate = false

const FEED_SIZE = 50

/**
 * The feed library puts titles and descriptions in CDATA, which feed readers render as HTML: a
 * title "Use <b> for bold" came out bold, and "]]>" in a title would end the CDATA section. Titles
 * and excerpts are plain text, so they go in escaped, and read as the text the editor typed.
 */
const asText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

export async function GET(): Promise<Response> {
  const articles = await listRecentArticleEntries(FEED_SIZE)
  const home = absoluteUrl(homePath())
  const feed = new Feed({
    id: home,
    link: home,
    title: SITE_NAME,
    description: SITE_DESCRIPTION,
    language: 'en',
    copyright: `© ${SITE_NAME}`,
    // The newest change a reader would see, not the time of the build, so an unchanged feed stays unchanged.
    updated: articles.length
      ? new Date(Math.max(...articles.map((article) => Date.parse(article.modifiedAt))))
      : undefined,
    feedLinks: { rss: absoluteUrl(feedPath()) },
    generator: SITE_NAME,
  })
  for (const article of articles) {
    const link = absoluteUrl(articlePath(article.slug))
    feed.addItem({
      title: asText(article.title),
      link,
      // Stable across slug changes, so a renamed article is not announced again.
      guid: `${home}#article-${article.id}`,
      description: asText(article.excerpt),
      date: new Date(article.modifiedAt),
      published: new Date(article.publishedAt),
      category: article.category
        ? [{ name: article.category.title, domain: absoluteUrl(categoryPath(article.category.slug)) }]
        : undefined,
      // RSS 2.0 has no updated date for items; Atom's, in its namespace, is the one feed readers know.
      extensions: [{ name: 'atom:updated', objects: { _text: article.modifiedAt } }],
    })
  }
  return new Response(feed.rss2(), {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' },
  })
}
