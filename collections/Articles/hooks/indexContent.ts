import type { CollectionBeforeChangeHook } from 'payload'

import type { SalaryTable } from '@payload-types'
import { claimVerdict } from '@/figures/claims'
import { figureContext, figureNodes, resolveFigure } from '@/figures/resolve'
import { suggestClaims } from '@/figures/statements'
import { blocksOf, plainText, readingMinutes, relationId, wordCount, type LexicalRoot } from '@/lib/lexical'

/**
 * Kept on every save so pages and revalidation never have to parse content: which salary tables
 * the article shows or cites in a figure (the dependency index), its reading time (counting the
 * words of those tables too), each comparison's claim words when the editor left them empty
 * (suggested from the words around it, src/figures/claims.ts), and each figure's current value,
 * kept as the value to show should its cell ever disappear or its claim stop being true (so only a
 * value that agrees with the claim replaces it).
 */
export const indexContent: CollectionBeforeChangeHook = async ({ data, req }) => {
  if (!data.content) return data
  const content = data.content as LexicalRoot
  const figures = figureNodes(content)
  suggestClaims(content)
  const embedded = blocksOf(content, 'salaryTable').map((block) => relationId(block.table))
  const cited = figures.map((figure) => relationId(figure.table))
  const tableIds = [...new Set([...embedded, ...cited].filter(Boolean))] as string[]
  data.salaryTables = tableIds

  // Published tables only, as readers see them: a figure's last value is shown to readers when its
  // cell goes, and is kept in REST, GraphQL and the search index, so a draft's figures must never
  // become one. A figure whose table is not published keeps the last value it had.
  const tables = new Map<string, SalaryTable>()
  if (tableIds.length) {
    const { docs } = await req.payload.find({
      collection: 'salary-tables',
      where: { and: [{ id: { in: tableIds } }, { _status: { equals: 'published' } }] },
      draft: false,
      depth: 0,
      limit: tableIds.length,
      // "Used by" lists every article citing a table: thousands of rows this hook never reads.
      joins: false,
      overrideAccess: true,
      req,
    })
    for (const table of docs) tables.set(table.id, table)
  }

  const context = figureContext(content)
  for (const figure of figures) {
    const tableId = relationId(figure.table)
    const result = resolveFigure({ ...figure, table: tableId ? (tables.get(tableId) ?? null) : null }, context)
    if (result.ok && (!figure.lastValue || claimVerdict(figure, result.value) !== 'contradicted'))
      figure.lastValue = result.text
    delete figure.display
    delete figure.provenance
    delete figure.held
  }

  let words = wordCount(plainText(content))
  for (const id of new Set(embedded.filter(Boolean) as string[])) {
    const table = tables.get(id)
    if (!table) continue
    words += wordCount(table.title ?? '')
    for (const row of table.rows ?? []) words += wordCount(`${row.role} ${row.tier} ${row.source}`) + 4
  }
  data.readingTime = readingMinutes(words)
  return data
}
