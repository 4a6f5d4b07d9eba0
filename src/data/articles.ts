/** One article as its page shows it: published, previewed as a draft, or moved to a new slug. */
import type { Article } from '@payload-types'
import { resolveFigures } from '@/figures/resolve'
import { liveSummary } from '@/figures/summary'

import { cardPopulate, cardSelect } from './cards'
import { payloadClient } from './payload'
import { cachedRead } from './read'

/**
 * What the article page shows of the documents it names, and nothing more: a related post as its
 * card, a FAQ as its question, answer and note (not its topics), a category by name. The read is
 * tagged with each of them (src/cache/documentTags.ts), so this is also what re-renders the page.
 */
const articlePopulate = {
  articles: cardSelect,
  categories: cardPopulate.categories,
  faqs: { question: true, answer: true, note: true, noteFigures: true, updatedAt: true },
} as const

/**
 * A published article as its page shows it, figures resolved, its excerpt's and description's
 * numbers following them. The read carries the tag of every document it shows, so a change of any
 * (a FAQ's answer, a table's cell, the category's name, a related post's title) refreshes it.
 */
export const getArticleBySlug = (slug: string) =>
  cachedRead(['article-by-slug', slug], [], async (reader): Promise<Article | null> => {
    const article = await reader.findOne({
      collection: 'articles',
      where: { slug: { equals: slug } },
      depth: 2,
      populate: articlePopulate,
    })
    if (!article) return null
    resolveFigures(article.content, article.updatedAt)
    return liveSummary(article)
  })

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
  if (!docs[0]) return null
  resolveFigures(docs[0].content, docs[0].updatedAt)
  return liveSummary(docs[0])
}

/** The current slug of a published article that used to live at `slug`, for a permanent redirect. */
export const getRedirectForSlug = (slug: string) =>
  cachedRead(['article-redirect', slug], [], async (reader) => {
    const where = { 'previousSlugs.slug': { equals: slug } }
    const article = await reader.findOne({ collection: 'articles', where, depth: 0, select: { slug: true } })
    return article?.slug ?? null
  })
