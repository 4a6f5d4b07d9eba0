import type { CollectionBeforeChangeHook } from 'payload'

import { blocksOf, plainText, readingMinutes, relationId, wordCount, type LexicalRoot } from '@/lib/lexical'

/**
 * Kept on every save so pages and revalidation never have to parse content:
 * which salary tables the article shows (the dependency index) and its reading time,
 * counting the words of those tables too.
 */
export const indexContent: CollectionBeforeChangeHook = async ({ data, req }) => {
  if (!data.content) return data
  const content = data.content as LexicalRoot
  const tableIds = [...new Set(blocksOf(content, 'salaryTable').map((block) => relationId(block.table)).filter(Boolean))] as string[]
  data.salaryTables = tableIds

  let words = wordCount(plainText(content))
  if (tableIds.length) {
    const { docs } = await req.payload.find({
      collection: 'salary-tables',
      where: { id: { in: tableIds } },
      depth: 0,
      limit: tableIds.length,
      overrideAccess: true,
      req,
      select: { title: true, rows: true },
    })
    for (const table of docs) {
      words += wordCount(table.title ?? '')
      for (const row of table.rows ?? []) words += wordCount(`${row.role} ${row.tier} ${row.source}`) + 4
    }
  }
  data.readingTime = readingMinutes(words)
  return data
}
