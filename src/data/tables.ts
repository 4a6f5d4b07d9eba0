/** Salary tables as readers get them outside an article: the CSV download and "What changed". */
import type { SalaryTable } from '@payload-types'
import { cacheTags } from '@/cache/tags'
import { loadFigureChanges, type HistoryScope } from '@/salary-tables/history'

import { cachedPrivilegedRead, cachedRead } from './read'

/** A published salary table by id, for its CSV download. */
export const getSalaryTable = (id: string) =>
  cachedRead(['salary-table', id], [], (reader): Promise<SalaryTable | null> =>
    reader.findOne({ collection: 'salary-tables', where: { id: { equals: id } }, depth: 0, joins: false }),
  )

/**
 * The published history of the salary tables an article shows, as reader-facing changes, each
 * table's within the article's scope (what it showed, since when: src/salary-tables/history.ts).
 * Versions are staff-only through the API, so this reads them with access overridden; only
 * published versions are read, and only the figures (public in any case) leave loadFigureChanges.
 */
export const getFigureChanges = (tableIds: string[], scopes: Record<string, HistoryScope> = {}) =>
  cachedPrivilegedRead(
    ['figure-changes', ...tableIds, JSON.stringify(scopes)],
    tableIds.map((id) => cacheTags.doc('salary-tables', id)),
    ({ payload }) => loadFigureChanges(payload, tableIds, scopes),
  )
