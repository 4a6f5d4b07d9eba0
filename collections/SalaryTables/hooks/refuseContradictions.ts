import type { CollectionBeforeChangeHook } from 'payload'

import type { SalaryTable } from '@payload-types'
import { confirmed, refuseUnconfirmed } from '@/figures/confirm'
import { previewProblems, previewTableChange } from '@/salary-tables/preview'

/**
 * A publication of the table that makes a sentence's claim false ("22% higher" over a negative
 * premium) or breaks a figure that cites a row is refused with a 400 naming each article and
 * sentence, unless the save confirms it (src/figures/confirm.ts). Drafts change nothing readers
 * see and are never refused; the preview (POST /api/salary-tables/:id/preview) says the same
 * beforehand.
 */
export const refuseContradictions: CollectionBeforeChangeHook<SalaryTable> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || data._status !== 'published' || !originalDoc) return data
  if (confirmed(data as Record<string, unknown>, req)) return data
  const proposed = { ...originalDoc, ...data, id: originalDoc.id } as SalaryTable
  const problems = previewProblems(await previewTableChange(req.payload, String(originalDoc.id), proposed, req))
  if (problems.length) refuseUnconfirmed('salary-tables', problems, req)
  return data
}
