import type { CollectionAfterChangeHook } from 'payload'

import type { SalaryTable } from '@payload-types'
import { cacheTags } from '@/lib/cacheTags'
import { revalidateTags } from '@/lib/revalidate'

/** A figure lives once, here: every published article that shows this table re-renders with it. */
export const revalidateSalaryTable: CollectionAfterChangeHook<SalaryTable> = async ({ doc, req }) => {
  if (req.context.disableRevalidate || doc._status !== 'published') return doc
  const { docs } = await req.payload.find({
    collection: 'articles',
    where: { salaryTables: { in: [doc.id] } },
    depth: 0,
    // Every dependent page, however many: a partial list would leave stale figures behind.
    pagination: false,
    overrideAccess: true,
    req,
    select: { slug: true },
  })
  revalidateTags(
    [cacheTags.salaryTable(doc.id), ...docs.map((article) => cacheTags.article(article.slug as string)), cacheTags.articleLists],
    req.context,
  )
  return doc
}
