import type { Article } from '@payload-types'

import { blocksOf, type LexicalRoot } from './lexical'

type Dated = { updatedAt?: string | null }

function dateOf(document: unknown): number {
  const updatedAt = document && typeof document === 'object' ? (document as Dated).updatedAt : undefined
  return updatedAt ? new Date(updatedAt).getTime() : Number.NEGATIVE_INFINITY
}

/**
 * When an article last changed for a reader: its own edits, or those of a salary table or a FAQ it
 * shows. Tables and FAQs live in their own documents, so their edits count too ("Updated", JSON-LD
 * dateModified, feed, sitemap). They are read from the content (the article page) or, for lists
 * that do not load the content, from the `salaryTables` and `faqs` indexes kept from it on save;
 * either must be populated as the reader sees it, so an unpublished one (left as an id) never counts.
 */
export function contentModifiedAt(
  article: Pick<Article, 'updatedAt'> & Partial<Pick<Article, 'content' | 'salaryTables' | 'faqs'>>,
): string {
  let latest = new Date(article.updatedAt).getTime()
  const content = article.content as LexicalRoot
  for (const block of blocksOf(content, 'salaryTable')) latest = Math.max(latest, dateOf(block.table))
  for (const block of blocksOf(content, 'faqList'))
    for (const faq of Array.isArray(block.faqs) ? block.faqs : []) latest = Math.max(latest, dateOf(faq))
  for (const document of [...(article.salaryTables ?? []), ...(article.faqs ?? [])])
    latest = Math.max(latest, dateOf(document))
  return new Date(latest).toISOString()
}
