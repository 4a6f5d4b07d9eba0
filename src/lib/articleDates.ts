import type { Article } from '@payload-types'

import { blocksOf, type LexicalRoot } from './lexical'

/**
 * When an article last changed for a reader: its own edits, or a figure it shows. Salary tables
 * live in their own documents, so their edits count too ("Updated", JSON-LD dateModified, feed).
 */
export function contentModifiedAt(article: Pick<Article, 'updatedAt' | 'content'>): string {
  let latest = new Date(article.updatedAt).getTime()
  for (const block of blocksOf(article.content as LexicalRoot, 'salaryTable')) {
    const table = block.table as { updatedAt?: string } | string | null
    if (table && typeof table === 'object' && table.updatedAt) latest = Math.max(latest, new Date(table.updatedAt).getTime())
  }
  return new Date(latest).toISOString()
}
