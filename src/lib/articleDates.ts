import type { Article } from '@payload-types'

import { blocksOf, type LexicalRoot } from './lexical'

type Dated = { updatedAt?: string | null }

function tableDate(table: unknown): number {
  const updatedAt = table && typeof table === 'object' ? (table as Dated).updatedAt : undefined
  return updatedAt ? new Date(updatedAt).getTime() : Number.NEGATIVE_INFINITY
}

/**
 * When an article last changed for a reader: its own edits, or a figure it shows. Salary tables
 * live in their own documents, so their edits count too ("Updated", JSON-LD dateModified, feed,
 * sitemap). The tables are read from the content (the article page) or, for lists that do not load
 * the content, from the `salaryTables` index kept from it on save; either must be populated as the
 * reader sees it, so an unpublished table (left as an id) never counts.
 */
export function contentModifiedAt(
  article: Pick<Article, 'updatedAt'> & Partial<Pick<Article, 'content' | 'salaryTables'>>,
): string {
  let latest = new Date(article.updatedAt).getTime()
  for (const block of blocksOf(article.content as LexicalRoot, 'salaryTable'))
    latest = Math.max(latest, tableDate(block.table))
  for (const table of article.salaryTables ?? []) latest = Math.max(latest, tableDate(table))
  return new Date(latest).toISOString()
}
