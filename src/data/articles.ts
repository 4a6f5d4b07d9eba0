/** One article as its page shows it: published, previewed as a draft, or moved to a new slug. */
import type { Article } from '@payload-types'
import { cacheTags } from '@/cache/tags'
import { resolveFigures } from '@/figures/resolve'

import { payloadClient } from './payload'
import { cachedRead } from './read'

/**
 * Which salary tables a published article shows (its dependency index). Its own cache entry lives
 * as long as the article is unchanged; the article's is tagged with these tables.
 */
const getArticleTableIds = (slug: string) =>
  cachedRead(['article-table-ids', slug], [cacheTags.article(slug)], async (reader): Promise<string[]> => {
    const where = { slug: { equals: slug } }
    const article = await reader.findOne({ collection: 'articles', where, depth: 0, joins: false, select: { salaryTables: true } })
    return (article?.salaryTables ?? []).map((table) => String(typeof table === 'object' ? table.id : table)).sort()
  })

/**
 * A published article as its page shows it, figures resolved. Tagged with its own slug and with
 * every salary table it shows, so saving a table refreshes all the articles showing it through one
 * tag, however many there are, instead of one tag per article.
 */
export const getArticleBySlug = async (slug: string) => {
  const tableIds = await getArticleTableIds(slug)
  const tags = [cacheTags.article(slug), cacheTags.categories, ...tableIds.map((id) => cacheTags.salaryTable(id))]
  return cachedRead(['article-by-slug', slug, ...tableIds], tags, async (reader): Promise<Article | null> => {
    // "Linked from" is for editors; computing it reads every article that links here.
    const article = await reader.findOne({ collection: 'articles', where: { slug: { equals: slug } }, depth: 2, joins: false })
    if (article) resolveFigures(article.content)
    return article
  })
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
  cachedRead(['article-redirect', slug], [cacheTags.article(slug), cacheTags.articleLists], async (reader) => {
    const where = { 'previousSlugs.slug': { equals: slug } }
    const article = await reader.findOne({ collection: 'articles', where, depth: 0, select: { slug: true } })
    return article?.slug ?? null
  })
