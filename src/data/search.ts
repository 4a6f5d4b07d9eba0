/**
 * Reader search over the `search` collection that the search plugin keeps from published articles
 * (title, excerpt, plain-text body). Matching with `like` reads the entries' text, so results are
 * remembered per query (src/cache/searchCache.ts: bounded, one database query for concurrent
 * readers of the same query, forgotten when a change fires one of the tags of what it read: the
 * index's list for any change of what is indexed, a card's article, category, table or FAQ for an
 * edit of that). A result is computed as an anonymous reader, so it never holds a draft. The query length and the number of results
 * are capped, and no total is counted. A full-text index (SQLite FTS5, a MongoDB text index) would
 * make uncached queries cheaper still.
 */
import type { Where } from 'payload'

import { cachedSearch } from '@/cache/searchCache'
import { relationId } from '@/lib/lexical'

import { cardPopulate, cardSelect, toCard, type ArticleCardData } from './cards'
import { readTagged, type Reader } from './read'

export const MAX_QUERY_LENGTH = 100
export const MAX_RESULTS = 24

/** The query as the page uses it: one string, trimmed, spaces collapsed, capped. */
export function normalizeQuery(raw: string | string[] | undefined): string {
  const value = Array.isArray(raw) ? raw[0] : raw
  return (value ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH)
}

/**
 * Ids of the published articles whose index entry matches every word of `query`, as a reader
 * sees the index. Title and excerpt first: they are short, and when they alone fill the page the
 * bodies (nearly all of the index's text) are never read; those are the better results anyway.
 */
async function matchingIds(reader: Reader, query: string): Promise<string[]> {
  const find = async (where: Where) => {
    const hits = await reader.find({
      collection: 'search',
      where,
      limit: MAX_RESULTS,
      pagination: false,
      depth: 0,
      select: { doc: true },
    })
    return hits.docs.map((hit) => relationId(hit.doc?.value)).filter((id): id is string => Boolean(id))
  }
  // `like` is case-insensitive and matches each word anywhere, on SQLite and MongoDB alike.
  const short = await find({ or: [{ title: { like: query } }, { excerpt: { like: query } }] })
  if (short.length >= MAX_RESULTS) return short
  const all = await find({ or: [{ title: { like: query } }, { excerpt: { like: query } }, { body: { like: query } }] })
  return [...new Set([...short, ...all])].slice(0, MAX_RESULTS)
}

/** Articles matching every word of `query` in the title, excerpt or body; title matches first. */
export async function searchArticles(rawQuery: string): Promise<ArticleCardData[]> {
  const query = normalizeQuery(rawQuery)
  if (!query) return []
  return cachedSearch(query, () => readTagged((reader) => findArticles(reader, query)))
}

async function findArticles(reader: Reader, query: string): Promise<ArticleCardData[]> {
  const ids = await matchingIds(reader, query)
  if (!ids.length) return []
  // Read the articles themselves as a reader too: the index holds published articles only, and
  // this second check keeps it that way even if an index entry were ever stale.
  const { docs } = await reader.find({
    collection: 'articles',
    where: { id: { in: ids } },
    sort: '-publishedAt',
    limit: MAX_RESULTS,
    pagination: false,
    depth: 1,
    select: cardSelect,
    populate: cardPopulate,
  })
  const words = query.toLowerCase().split(' ')
  const inTitle = (card: ArticleCardData) => words.every((word) => card.title.toLowerCase().includes(word))
  const cards = docs.map(toCard)
  return [...cards.filter(inTitle), ...cards.filter((card) => !inTitle(card))]
}
