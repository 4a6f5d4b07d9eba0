import type { CollectionBeforeChangeHook } from 'payload'

import { bindToFigures } from '@/figures/bind'

/**
 * Binds the numbers of the excerpt and the SEO description that equal a live figure of the article
 * to that figure (`summaryFigures`), on every save, from whatever the save leaves in place: readers
 * then see them follow the figure (src/figures/summary.ts). An excerpt or description the save
 * leaves as it was keeps its bindings, though its numbers as written no longer equal the figure
 * (the table changed since): renaming an article must not bring the old number back. Whatever a
 * client sends for `summaryFigures` is replaced.
 */
export const bindSummaryFigures: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const meta = (data.meta ?? originalDoc?.meta) as { description?: string | null } | undefined
  const savedMeta = originalDoc?.meta as { description?: string | null } | undefined
  data.summaryFigures = await bindToFigures(
    req,
    { excerpt: data.excerpt ?? originalDoc?.excerpt, metaDescription: meta?.description },
    data.content ?? originalDoc?.content,
    {
      texts: { excerpt: originalDoc?.excerpt, metaDescription: savedMeta?.description },
      bound: originalDoc?.summaryFigures,
    },
  )
  return data
}
