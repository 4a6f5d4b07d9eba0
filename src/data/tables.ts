/** Salary tables as readers get them outside an article: the CSV download and "What changed". */
import type { SalaryTable } from '@payload-types'
import { cacheTags } from '@/cache/tags'
import { loadFigureChanges } from '@/salary-tables/history'

import { cachedPrivilegedRead, cachedRead } from './read'

/** A published salary table by id, for its CSV download. */
export const getSalaryTable = (id: string) =>
  cachedRead(['salary-table', id], [], (reader): Promise<SalaryTable | null> =>
    reader.findOne({ collection: 'salary-tables', where: { id: { equals: id } }, depth: 0, joins: false }),
  )

/**
 * The published history of the salary tables an article shows, as reader-facing changes. Versions
 * are staff-only through the API, so this reads them with access overridden; only published
 * versions are read, and only the figures (public in any case) leave loadFigureChanges.
 */
export const getFigureChanges = (tableIds: string[]) =>
  cachedPrivilegedRead(
    ['figure-changes', ...tableIds],
    tableIds.map((id) => cacheTags.doc('salary-tables', id)),
    ({ payload }) => loadFigureChanges(payload, tableIds),
  )
