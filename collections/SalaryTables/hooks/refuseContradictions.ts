import type { CollectionBeforeChangeHook } from 'payload'

import type { SalaryTable } from '@payload-types'
import { confirmed, refuseUnconfirmed } from '@/figures/confirm'
import { PAY_PARTS, rowKey } from '@/salary-tables/model'
import { previewProblems, previewTableChange } from '@/salary-tables/preview'

/**
 * Rows Payload's field validation will refuse (it runs after this hook): those get their own 400,
 * naming the cell, rather than a claim guard's verdict on figures that will never be published.
 */
function rowsWillBeRefused(rows: unknown): boolean {
  if (rows === undefined) return false
  if (!Array.isArray(rows) || rows.length === 0) return true
  const keys = new Set<string>()
  for (const row of rows as Record<string, unknown>[]) {
    if (!row || typeof row !== 'object') return true
    for (const name of ['role', 'tier', 'source'])
      if (typeof row[name] !== 'string' || !(row[name] as string).trim()) return true
    for (const part of PAY_PARTS) {
      const value = row[part]
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return true
    }
    const key = rowKey(row as { role: string; tier: string })
    if (keys.has(key)) return true
    keys.add(key)
  }
  return false
}

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
  if (rowsWillBeRefused(data.rows)) return data
  const proposed = { ...originalDoc, ...data, id: originalDoc.id } as SalaryTable
  const problems = previewProblems(await previewTableChange(req.payload, String(originalDoc.id), proposed, req))
  if (problems.length) refuseUnconfirmed('salary-tables', problems, req)
  return data
}
