/**
 * Reader search over the `search` collection that the search plugin keeps from published articles
 * (title, excerpt, plain-text body). Not cached on purpose: every query is different, and caching
 * them would let anyone fill the cache with made-up queries. The query length and the number of
 * results are capped, and no total is counted. `like` reads every entry's text: fine for hundreds of
 * articles; at 10,000 a search costs about as much as an uncached page, and a full-text index (SQLite
 * FTS5, a MongoDB text index) would be the next step.
 */
import type { Where } from 'payload'

import { relationId } from '@/lib/lexical'

import { cardPopulate, cardSelect, toCard, type ArticleCardData } from './index'
import { payloadClient } from './payload'

export const MAX_QUERY_LENGTH = 100
export const MAX_RESULTS = 24

/** The query as the page uses it: one string, trimmed, spaces collapsed, capped. */
export function normalizeQuery(raw: string | string[] | undefined): string {
  const value = Array.isArray(raw) ? raw[0] : raw
  return (value ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH)
}

/** Articles matching every word of `query` in the title, excerpt or body; title matches first. */
export async function searchArticles(rawQuery: string): Promise<ArticleCardData[]> {
  const query = normalizeQuery(rawQuery)
  if (!query) return []
  const payload = await payloadClient()
  // `like` is case-insensitive and matches each word anywhere, on SQLite and MongoDB alike.
  const where: Where = { or: [{ title: { like: query } }, { excerpt: { like: query } }, { body: { like: query } }] }
  const hits = await payload.find({
    collection: 'search',
    where,
    sort: '-priority',
    limit: MAX_RESULTS,
    pagination: false,
    depth: 0,
    overrideAccess: false,
    select: { doc: true },
  })
  const ids = hits.docs.map((hit) => relationId(hit.doc?.value)).filter((id): id is string => Boolean(id))
  if (!ids.length) return []
  // Read the articles themselves as a reader too: the index holds published articles only, and
  // this second check keeps it that way even if an index entry were ever stale.
  const { docs } = await payload.find({
    collection: 'articles',
    where: { id: { in: ids } },
    sort: '-publishedAt',
    limit: MAX_RESULTS,
    pagination: false,
    depth: 1,
    overrideAccess: false,
    select: cardSelect,
    populate: cardPopulate,
  })
  const words = query.toLowerCase().split(' ')
  const inTitle = (card: ArticleCardData) => words.every((word) => card.title.toLowerCase().includes(word))
  const cards = docs.map(toCard)
  return [...cards.filter(inTitle), ...cards.filter((card) => !inTitle(card))]
}
