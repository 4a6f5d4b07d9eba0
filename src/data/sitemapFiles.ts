/**
 * The sitemap index's `lastmod` for each `/sitemaps/articles-N.xml`: the newest reader-visible change
 * among that file's articles (their own edits, or a salary table they show), without reading the
 * articles. A file is a slice of the published articles, newest published first
 * (ARTICLES_PER_SITEMAP each, src/seo/sitemap.ts), so it is the range of `publishedAt` between its
 * first and its last article: two one-row reads find the range, one more its newest edit (an index
 * range, `_status, publishedAt, …, updatedAt`), and a table newer than that edit counts when any
 * article of the range shows it (one row at most per such table; there are few, and most are older).
 * At 10,000 articles that is about 60 one-row reads for 20 files, instead of 10,000 documents.
 *
 * Articles published at the very same instant as a file's first or last one may sit in the next
 * file; they then count for both, so a date can be later than its file strictly needs, never
 * earlier, and a crawler at worst fetches a file that did not change.
 */
import { ARTICLES_PER_SITEMAP } from '@/seo/sitemap'

import { publishedTables } from './feeds'
import { cachedRead, readAsReader, type Reader } from './read'

const at = (date: string) => new Date(date).toISOString()

/** The `publishedAt` of the article at `offset` in the sitemap's order (newest published first). */
async function publishedAtOffset(reader: Reader, offset: number): Promise<string | null> {
  // A page of one, counted: MongoDB skips to `page` only when paginating.
  const { docs } = await reader.find({
    collection: 'articles',
    sort: '-publishedAt',
    limit: 1,
    page: offset + 1,
    depth: 0,
    joins: false,
    select: { publishedAt: true },
  })
  return docs[0]?.publishedAt ?? null
}

async function sitemapFileDates(reader: Reader, articleCount: number, perFile: number): Promise<string[]> {
  const files = Math.ceil(articleCount / perFile)
  if (!files) return []
  // Newest first: the first table that a file's article shows is the one that dates it.
  const tables = [...(await publishedTables(reader)).values()].sort((a, b) =>
    at(b.updatedAt).localeCompare(at(a.updatedAt)),
  )
  return Promise.all(
    Array.from({ length: files }, async (_, index) => {
      const [newestPublished, oldestPublished] = await Promise.all([
        publishedAtOffset(reader, index * perFile),
        publishedAtOffset(reader, Math.min((index + 1) * perFile, articleCount) - 1),
      ])
      if (!newestPublished || !oldestPublished) return ''
      const range = [
        { publishedAt: { less_than_equal: newestPublished } },
        { publishedAt: { greater_than_equal: oldestPublished } },
      ]
      const newestEdit = await reader.findOne({
        collection: 'articles',
        where: { and: range },
        sort: '-updatedAt',
        depth: 0,
        joins: false,
        select: { updatedAt: true },
      })
      if (!newestEdit) return ''
      let modifiedAt = at(newestEdit.updatedAt)
      for (const table of tables) {
        if (at(table.updatedAt) <= modifiedAt) break
        const shown = await reader.findOne({
          collection: 'articles',
          where: { and: [...range, { salaryTables: { in: [table.id] } }] },
          depth: 0,
          joins: false,
          select: { updatedAt: true },
        })
        if (shown) {
          modifiedAt = at(table.updatedAt)
          break
        }
      }
      return modifiedAt
    }),
  )
}

/** Uncached, for tests (which may cut smaller files): each file's last change, in file order ('' for none). */
export const readSitemapFileDates = (articleCount: number, perFile = ARTICLES_PER_SITEMAP) =>
  readAsReader((reader) => sitemapFileDates(reader, articleCount, perFile))

/** Cached like the sitemaps: under the tags of the articles and tables it read (src/cache/documentTags.ts). */
export const getSitemapFileDates = (articleCount: number) =>
  cachedRead(['sitemap-file-dates', String(articleCount)], [], (reader) =>
    sitemapFileDates(reader, articleCount, ARTICLES_PER_SITEMAP),
  )
