import type { CollectionAfterChangeHook } from 'payload'

import type { SalaryTable } from '@payload-types'
import { cacheTags } from '@/lib/cacheTags'
import { revalidateTags } from '@/lib/revalidate'

/**
 * A figure lives once, here: every published article that shows this table re-renders with it.
 * Their cached data and pages carry the table's tag (src/data, getArticleBySlug), so one tag reaches
 * them all, with no query and no per-article work however many articles show the table.
 */
export const revalidateSalaryTable: CollectionAfterChangeHook<SalaryTable> = async ({ doc, previousDoc, req }) => {
  // A published table's save, or its unpublishing: readers see both.
  if (req.context.disableRevalidate || (doc._status !== 'published' && previousDoc?._status !== 'published')) return doc
  revalidateTags([cacheTags.salaryTable(doc.id), cacheTags.articleLists], req.context)
  return doc
}
