import type { CollectionBeforeChangeHook } from 'payload'

import type { SalaryTable } from '@payload-types'
import { contradictedSentences } from '@/figures/changes'
import { confirmed, refuseUnconfirmed } from '@/figures/confirm'
import { figureNodes } from '@/figures/resolve'
import { relationId } from '@/lib/lexical'

/**
 * Publishing an article with a sentence whose figure contradicts its claim ("22% higher" over a
 * negative premium, "outnumber … 0.8x") is refused with a 400 naming each sentence, unless the
 * save confirms it (src/figures/confirm.ts): then readers get the last value that agreed with the
 * claim. Figures are resolved as readers see them, against published tables. Drafts are free.
 */
export const refuseContradictedClaims: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if (data._status !== 'published' || confirmed(data, req)) return data
  const content = data.content ?? originalDoc?.content
  const ids = [
    ...new Set(
      figureNodes(content)
        .map((figure) => relationId(figure.table))
        .filter(Boolean),
    ),
  ] as string[]
  const tables = new Map<string, SalaryTable | null>(ids.map((id) => [id, null]))
  if (ids.length) {
    const { docs } = await req.payload.find({
      collection: 'salary-tables',
      where: { and: [{ id: { in: ids } }, { _status: { equals: 'published' } }] },
      depth: 0,
      limit: ids.length,
      pagination: false,
      joins: false,
      overrideAccess: true,
      req,
    })
    for (const table of docs) tables.set(String(table.id), table as SalaryTable)
  }
  const found = contradictedSentences(content, tables)
  if (found.length)
    refuseUnconfirmed(
      'articles',
      found.map(
        ({ where, sentence }) =>
          `“${data.title ?? originalDoc?.title ?? 'This article'}”, ${where}: “${sentence}” is false with these figures.`,
      ),
      req,
    )
  return data
}
