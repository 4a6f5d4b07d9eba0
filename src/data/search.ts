/**
 * Reader search over the `search` collection that the search plugin keeps from published articles
 * (title, excerpt, plain-text body). Matching with `like` reads the entries' text, so results are
 * remembered per query (src/cache/searchCache.ts: bounded, one database query for concurrent
 * readers of the same query, forgotten when a change fires one of the tags of what it read: the
 * index's list for any change of what is indexed, a card's article, category, table or FAQ for an
 * edit of that). A result is computed as an anonymous reader, so it never holds a draft. The query
 * length and the number of results are capped, and no total is counted: one row more than a page
 * says whether there are more. A full-text index (SQLite FTS5, a MongoDB text index) would make
 * uncached queries cheaper still.
 *
 * Each result carries its snippet, cut from the index entry the match came from (src/lib/highlight.ts):
 * the excerpt when the title or excerpt matched, else the passage of the body that holds the words.
 * Only the results' own entries are read for it, and their bodies only when the bodies were searched.
 */
import type { Where } from 'payload'

import { cachedSearch } from '@/cache/searchCache'
import { bestPassage, highlight, queryWords, wordsIn, type TextRun } from '@/lib/highlight'
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

export type SearchResult = ArticleCardData & {
  /** The title with the query's words marked. */
  titleRuns: TextRun[]
  /** A passage of the excerpt or the body with the query's words marked. */
  snippet: TextRun[]
}

export type SearchResults = {
  results: SearchResult[]
  /** More articles match than MAX_RESULTS: the page says so and asks for another word. */
  more: boolean
}

/** What a match's index entry holds for its snippet (the body only when the bodies were searched). */
type Entry = { excerpt: string; body?: string }

/**
 * The published articles whose index entry matches every word of `query`, as a reader sees the
 * index, with each entry's text for its snippet. Title and excerpt first: they are short, and when
 * they alone fill the page the bodies (nearly all of the index's text) are never read; those are the
 * better results anyway. One row more than a page tells whether there are more.
 */
async function matchingEntries(reader: Reader, query: string): Promise<{ entries: Map<string, Entry>; more: boolean }> {
  const find = async (where: Where, withBody: boolean) => {
    const hits = await reader.find({
      collection: 'search',
      where,
      limit: MAX_RESULTS + 1,
      pagination: false,
      depth: 0,
      select: withBody ? { doc: true, excerpt: true, body: true } : { doc: true, excerpt: true },
    })
    return hits.docs.flatMap((hit) => {
      const id = relationId(hit.doc?.value)
      const entry = hit as { excerpt?: string | null; body?: string | null }
      return id ? [[id, { excerpt: entry.excerpt ?? '', body: entry.body ?? undefined }] as const] : []
    })
  }
  // `like` is case-insensitive and matches each word anywhere, on SQLite and MongoDB alike.
  const titleOrExcerpt: Where[] = [{ title: { like: query } }, { excerpt: { like: query } }]
  const short = await find({ or: titleOrExcerpt }, false)
  const entries = new Map<string, Entry>(short)
  if (short.length <= MAX_RESULTS) {
    for (const [id, entry] of await find({ or: [...titleOrExcerpt, { body: { like: query } }] }, true))
      entries.set(id, entry)
  }
  const ids = [...entries.keys()]
  return { entries: new Map(ids.slice(0, MAX_RESULTS).map((id) => [id, entries.get(id) as Entry])), more: ids.length > MAX_RESULTS }
}

/** The index entry with the article's own excerpt: its numbers follow their figures (src/figures/summary.ts), the index's copy does not. */
const liveExcerpt = (entry: Entry | undefined, card: ArticleCardData): Entry => ({
  body: entry?.body,
  excerpt: card.excerpt ?? entry?.excerpt ?? '',
})

/** The excerpt when it holds every word (or the body does not), else the body's passage that holds them. */
function snippetOf(entry: Entry | undefined, words: string[]): TextRun[] {
  const excerpt = entry?.excerpt ?? ''
  const excerptWords = wordsIn(excerpt, words).length
  const body = entry?.body ?? ''
  const text =
    excerptWords === words.length || !body || wordsIn(body, words).length <= excerptWords
      ? excerpt
      : bestPassage(body, words)
  return highlight(text, words)
}

/** Articles matching every word of `query` in the title, excerpt or body; title matches first. */
export async function searchArticles(rawQuery: string): Promise<SearchResult[]> {
  return (await searchResults(rawQuery)).results
}

/** The results page's data: up to MAX_RESULTS results with snippets, and whether more match. */
export async function searchResults(rawQuery: string): Promise<SearchResults> {
  const query = normalizeQuery(rawQuery)
  if (!query) return { results: [], more: false }
  return cachedSearch(query, () => readTagged((reader) => findArticles(reader, query)))
}

async function findArticles(reader: Reader, query: string): Promise<SearchResults> {
  const { entries, more } = await matchingEntries(reader, query)
  const ids = [...entries.keys()]
  if (!ids.length) return { results: [], more: false }
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
  const words = queryWords(query)
  const inTitle = (card: ArticleCardData) => words.every((word) => card.title.toLowerCase().includes(word))
  const results = docs.map((doc): SearchResult => {
    const card = toCard(doc)
    return { ...card, titleRuns: highlight(card.title, words), snippet: snippetOf(liveExcerpt(entries.get(card.id), card), words) }
  })
  return { results: [...results.filter(inTitle), ...results.filter((result) => !inTitle(result))], more }
}
