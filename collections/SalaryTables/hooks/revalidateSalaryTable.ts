import type { CollectionAfterChangeHook } from 'payload'

import type { SalaryTable } from '@payload-types'
import { invalidate } from '@/cache/invalidate'
import { cacheTags } from '@/cache/tags'
import { wasPublishedBefore } from '@/hooks/keepPublishedOnPlainSave'

/**
 * A figure lives once, here: every published article that shows this table re-renders with it.
 * Their cached data and pages carry the table's tag (src/data, getArticleBySlug), so one tag reaches
 * them all, with no query and no per-article work however many articles show the table.
 */
export const revalidateSalaryTable: CollectionAfterChangeHook<SalaryTable> = async ({ doc, previousDoc, req }) => {
  // A published table's save, or its unpublishing: readers see both.
  // previousDoc is the latest version, a draft when one was pending over the published table.
  const wasOrIsPublic =
    doc._status === 'published' ||
    previousDoc?._status === 'published' ||
    wasPublishedBefore(req, 'salary-tables', doc.id)
  if (!wasOrIsPublic) return doc
  // Search result cards are dated by their tables' last change (src/data/search.ts).
  await invalidate(req, {
    tags: [cacheTags.salaryTable(doc.id), cacheTags.articleLists],
    searches: { showing: doc.id },
  })
  return doc
}
